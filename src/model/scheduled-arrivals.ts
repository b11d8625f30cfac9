import type { RandomStream } from '../engine/index.js';
import type { ArrivalProcess } from './arrival-process.js';
import { ExponentialDistribution } from '../engine/distributions/index.js';
import type { RateSchedule } from '../scenario/types.js';

/** The producer's clock: the time the next gap is measured from. */
export interface Clock {
  readonly now: number;
}

/**
 * Gaps of a non-homogeneous Poisson process with a piecewise-constant rate, drawn exactly by inverting
 * the cumulative rate: the next arrival after t is Λ⁻¹(Λ(t) + E), E ~ Exp(1) (Çinlar's time change,
 * Ross, Simulation 5th ed. §5.5) — no thinning, no stepping. Zero-rate pieces are skipped whole; when the
 * last rate of an unrepeated schedule is 0 the gap is Infinity (no more arrivals).
 *
 * A strategy chosen at build time: a plain `rate:` keeps its exponential distribution and pays nothing.
 * `meanGapSeconds` is the mean gap at the time-average rate (for summaries only).
 */
export class ScheduledArrivals implements ArrivalProcess {
  readonly meanGapSeconds: number;
  readonly label: string;
  private readonly ends: Float64Array;
  private readonly rates: Float64Array;
  private readonly period: number;
  /** The cursor: the piece holding the last time asked about, and when its cycle started. */
  private piece = 0;
  private cycleStart = 0;
  private readonly unit = new ExponentialDistribution(1);

  constructor(
    schedule: RateSchedule,
    averageInterarrival: number,
    private readonly clock: Clock,
  ) {
    this.ends = Float64Array.from(schedule.breakpointsSeconds);
    this.rates = Float64Array.from(schedule.ratesPerSecond);
    this.period = schedule.periodSeconds ?? Infinity;
    this.meanGapSeconds = averageInterarrival;
    this.label = `${schedule.periodSeconds === null ? 'scheduled' : 'daily'} Poisson (mean rate ${formatRate(1 / averageInterarrival)})`;
  }

  /** Time from now to the next arrival. */
  nextGap(random: RandomStream): number {
    const now = this.clock.now;
    let mass = this.unit.sample(random);
    let t = now;
    let end = this.moveTo(t);
    for (;;) {
      const rate = this.rates[this.piece];
      if (rate > 0) {
        const step = mass / rate;
        if (t + step < end) return t + step - now;
        mass -= rate * (end - t);
      }
      if (end === Infinity) return Infinity;
      t = end;
      end = this.advance();
    }
  }

  /** Moves the cursor forward to the piece holding `t` (times only grow) and returns that piece's end. */
  private moveTo(t: number): number {
    let end = this.pieceEnd();
    while (t >= end) end = this.advance();
    return end;
  }

  /** Steps the cursor to the next piece (the next cycle after the last piece) and returns its end. */
  private advance(): number {
    if (this.piece < this.ends.length) {
      this.piece++;
    } else {
      this.cycleStart += this.period;
      this.piece = 0;
    }
    return this.pieceEnd();
  }

  private pieceEnd(): number {
    return this.piece < this.ends.length
      ? this.cycleStart + this.ends[this.piece]
      : this.cycleStart + this.period;
  }
}

function formatRate(perSecond: number): string {
  return `${Number(perSecond.toPrecision(3))}/s`;
}
