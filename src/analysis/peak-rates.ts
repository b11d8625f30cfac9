/**
 * A time-varying producer (a rate schedule or an on/off source) has no steady state of its own; its time
 * average hides the peak (a flash sale averaged over the day looks idle). The estimates therefore describe
 * the steady state the queues would reach if the peak rate held: each such producer is taken as Poisson at
 * its highest rate during the run. That is what a capacity review asks ("does it keep up at the peak?"), and
 * it is close to the truth while the peak lasts much longer than the queue takes to settle.
 */
import type { ProducerSpec, RateSchedule, Scenario } from '../scenario/types.js';

/** A producer whose rate varies, and the rate the estimates take for it. */
export interface ProducerPeak {
  producer: string;
  /** Highest rate during the run, messages per second. */
  peakPerSecond: number;
  /** 'schedule' for `rate:` schedules and daily profiles, 'on-off' for bursts. */
  kind: 'schedule' | 'on-off';
  /** Mean length of a burst, seconds (on/off sources only). */
  burstSeconds?: number;
}

/** Highest rate of a schedule among the pieces that start before `endSeconds` (a later piece never runs). */
function schedulePeak(schedule: RateSchedule, endSeconds: number): number {
  const starts = [0, ...schedule.breakpointsSeconds];
  const repeats = schedule.periodSeconds !== null && endSeconds > schedule.periodSeconds;
  return Math.max(...schedule.ratesPerSecond.filter((_, i) => repeats || starts[i] < endSeconds || i === 0));
}

/** The peak of a producer, when its rate varies. */
export function producerPeak(producer: ProducerSpec, endSeconds: number): ProducerPeak | null {
  if (producer.schedule) {
    const peakPerSecond = schedulePeak(producer.schedule, endSeconds);
    return { producer: producer.name, peakPerSecond, kind: 'schedule' };
  }
  if (producer.onOff) {
    const { rateOnPerSecond, rateOffPerSecond, onSeconds, offSeconds } = producer.onOff;
    const onIsPeak = rateOnPerSecond >= rateOffPerSecond;
    return {
      producer: producer.name,
      peakPerSecond: Math.max(rateOnPerSecond, rateOffPerSecond),
      kind: 'on-off',
      burstSeconds: onIsPeak ? onSeconds : offSeconds,
    };
  }
  return null;
}

/** The scenario with every time-varying producer held at its peak rate (Poisson), and the peaks used. */
export function atPeakRates(scenario: Scenario): { scenario: Scenario; peaks: ProducerPeak[] } {
  const end = scenario.warmupSeconds + scenario.durationSeconds;
  const peaks: ProducerPeak[] = [];
  const producers = scenario.producers.map((producer) => {
    const peak = producerPeak(producer, end);
    if (!peak || !(peak.peakPerSecond > 0)) return producer;
    peaks.push(peak);
    // The schedule stays on the producer, so the analysis still knows the rate varies.
    return { ...producer, interarrival: { kind: 'exponential' as const, mean: 1 / peak.peakPerSecond } };
  });
  return peaks.length === 0 ? { scenario, peaks } : { scenario: { ...scenario, producers }, peaks };
}

const rate = (perSecond: number): string => `${Number(perSecond.toPrecision(4))}/s`;

/** "steady state at the schedule's peak rate of 180/s (storefront)": how an estimate at the peak is labelled. */
export function describePeaks(peaks: ProducerPeak[], queueRate: number): string {
  const bursts = (peak: ProducerPeak) => (peak.kind === 'on-off' ? ' during its bursts' : '');
  const offered = `${rate(queueRate)} offered to this queue`;
  if (peaks.length === 1) {
    const [peak] = peaks;
    const what = peak.kind === 'schedule' ? "the schedule's peak rate" : "the on/off source's burst rate";
    const same = Math.abs(queueRate - peak.peakPerSecond) <= 1e-9 * peak.peakPerSecond;
    return `steady state at ${what} of ${rate(peak.peakPerSecond)} (${peak.producer})${same ? '' : `, ${offered}`}`;
  }
  const sources = peaks.map((peak) => `${peak.producer} ${rate(peak.peakPerSecond)}${bursts(peak)}`);
  return `steady state with every time-varying producer at its peak rate (${sources.join(', ')}): ${offered}`;
}
