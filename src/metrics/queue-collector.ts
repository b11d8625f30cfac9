import { CumulativeGrid } from './cumulative-grid.js';
import { LogHistogram, type LatencyHistogram } from './log-histogram.js';
import {
  LOSS_EXHAUSTED,
  LOSS_EXPIRED,
  LOSS_REJECTED,
  RETRY_DELAYED,
  RETRY_REQUEUED,
  type QueueProbe,
} from './queue-probe.js';
import { TIME_SERIES_BINS, roundSignificant, type GridSeries, type TimeSeriesSource } from './time-series.js';

import {
  queueStats,
  type QueueStats,
  LAST_TIME,
  MEASURE_START,
  READY,
  BUFFERED,
  BUSY,
  DELAYED,
  READY_AREA,
  BUFFERED_AREA,
  BUSY_AREA,
  DELAYED_AREA,
  ARRIVALS,
  COMPLETED,
  LOST,
  DEAD_LETTERED,
  REDELIVERED,
  TIMEOUTS,
  DUPLICATES,
  ABANDONED,
  BLOCKED_SECONDS,
  AT_START,
  LOSSES,
  NEXT_EDGE,
  CONSUMERS,
  CONSUMERS_AREA,
  CONSUMERS_SINCE,
  DROPS,
  CONSUMER_BLOCKED_SECONDS,
  STATE_SIZE,
} from './queue-stats.js';

export type { LostBy, QueueFates, QueueStats } from './queue-stats.js';

// The running totals the time series samples at each bin edge, in the order of its channels.
const SERIES_CHANNELS = [READY_AREA, ARRIVALS, COMPLETED, DROPS, BUSY_AREA, CONSUMERS_AREA, LOSSES] as const;

/** Options of a collector. */
export interface QueueCollectorOptions {
  /** Bins of the time series over the measured interval (default 500). */
  timeSeriesBins?: number;
}

/** Streaming statistics for one queue: counters, time-weighted levels and latency histograms. */
export class QueueCollector implements QueueProbe, TimeSeriesSource {
  private readonly state = new Float64Array(STATE_SIZE);
  private readonly waitHistogram = new LogHistogram();
  private readonly sojournHistogram = new LogHistogram();
  private readonly grid: CumulativeGrid;

  constructor(options: QueueCollectorOptions = {}) {
    this.grid = new CumulativeGrid(options.timeSeriesBins ?? TIME_SERIES_BINS, SERIES_CHANNELS.length);
    this.state[NEXT_EDGE] = Infinity;
  }

  accepted(now: number): void {
    this.advance(now);
    this.state[ARRIVALS]++;
    this.state[READY]++;
  }

  refused(now: number, deadLettered: boolean): void {
    if (now >= this.state[NEXT_EDGE]) this.closeBins(now);
    this.state[ARRIVALS]++;
    this.state[LOSSES]++;
    if (!deadLettered) this.state[DROPS]++;
    this.state[(deadLettered ? DEAD_LETTERED : LOST) + LOSS_REJECTED]++;
  }

  discarded(now: number, reason: number, deadLettered: boolean): void {
    this.advance(now);
    this.state[READY]--;
    this.state[LOSSES]++;
    // `dropped` leaves out expired and dead-lettered messages; the series counts as the table does.
    if (!deadLettered && reason !== LOSS_EXPIRED) this.state[DROPS]++;
    this.state[(deadLettered ? DEAD_LETTERED : LOST) + reason]++;
  }

  buffered(now: number): void {
    this.advance(now);
    this.state[READY]--;
    this.state[BUFFERED]++;
  }

  serviceStarted(now: number, waitSeconds: number, fromBuffer: boolean): void {
    const state = this.state;
    this.advance(now);
    state[fromBuffer ? BUFFERED : READY]--;
    state[BUSY]++;
    this.waitHistogram.record(waitSeconds);
  }

  completed(now: number, sojournSeconds: number, duplicate: boolean): void {
    const state = this.state;
    this.advance(now);
    state[BUSY]--;
    state[COMPLETED]++;
    if (duplicate) state[DUPLICATES]++;
    this.sojournHistogram.record(sojournSeconds);
  }

  failed(now: number, retry: number): void {
    const state = this.state;
    this.advance(now);
    state[BUSY]--;
    if (retry === RETRY_REQUEUED) {
      state[READY]++;
      state[REDELIVERED]++;
    } else if (retry === RETRY_DELAYED) {
      state[DELAYED]++;
      state[REDELIVERED]++;
    }
  }

  exhausted(now: number, deadLettered: boolean): void {
    if (now >= this.state[NEXT_EDGE]) this.closeBins(now);
    this.state[LOSSES]++;
    if (!deadLettered) this.state[DROPS]++;
    this.state[(deadLettered ? DEAD_LETTERED : LOST) + LOSS_EXHAUSTED]++;
  }

  abandoned(_now: number): void {
    this.state[ABANDONED]++;
  }

  redelivered(now: number): void {
    this.advance(now);
    this.state[DELAYED]--;
    this.state[READY]++;
  }

  timedOut(now: number): void {
    this.advance(now);
    this.state[READY]++;
    this.state[TIMEOUTS]++;
    this.state[REDELIVERED]++;
  }

  timedOutPastLimit(now: number, deadLettered: boolean): void {
    if (now >= this.state[NEXT_EDGE]) this.closeBins(now);
    this.state[TIMEOUTS]++;
    this.state[LOSSES]++;
    this.state[(deadLettered ? DEAD_LETTERED : LOST) + LOSS_EXHAUSTED]++;
  }

  blocked(sinceSeconds: number, now: number): void {
    this.state[BLOCKED_SECONDS] += this.blockedWithin(sinceSeconds, now);
  }

  consumerBlocked(sinceSeconds: number, now: number): void {
    this.state[CONSUMER_BLOCKED_SECONDS] += this.blockedWithin(sinceSeconds, now);
  }

  /** The part of a block from `sinceSeconds` to `now` inside the measured interval (a block may span its start). */
  blockedWithin(sinceSeconds: number, now: number): number {
    return now - Math.max(sinceSeconds, this.state[MEASURE_START]);
  }

  unbuffered(now: number): void {
    this.advance(now);
    this.state[BUFFERED]--;
    this.state[READY]++;
  }

  consumersChanged(now: number, delta: number): void {
    this.advance(now);
    this.settleConsumers(now);
    this.state[CONSUMERS] += delta;
  }

  /**
   * Forgets everything observed so far, keeping the current levels: the end of the warm-up. With
   * `measuredSeconds`, also lays the time-series grid over [now, now + measuredSeconds].
   */
  startMeasuring(now: number, measuredSeconds?: number): void {
    const state = this.state;
    const levels = state.slice(READY, DELAYED + 1);
    const consumers = state[CONSUMERS];
    state.fill(0);
    state.set(levels, READY);
    state.set(levels, AT_START);
    state[CONSUMERS] = consumers;
    state[CONSUMERS_SINCE] = now;
    state[LAST_TIME] = now;
    state[MEASURE_START] = now;
    this.waitHistogram.reset();
    this.sojournHistogram.reset();
    state[NEXT_EDGE] = measuredSeconds ? this.grid.begin(now, measuredSeconds) : Infinity;
    if (measuredSeconds) this.closeBins(now); // the first edge: everything zero
  }

  /** The statistics from the start of measuring until `now`. */
  snapshot(now: number): QueueStats {
    this.advance(now);
    this.settleConsumers(now);
    return queueStats(this.state, now, this.waitHistogram, this.sojournHistogram);
  }

  /** ∫(number in system)dt from the start of measuring to `now`: the area behind a time-averaged series. */
  integratedInSystem(now: number): number {
    this.advance(now);
    const state = this.state;
    return state[READY_AREA] + state[BUFFERED_AREA] + state[BUSY_AREA] + state[DELAYED_AREA];
  }

  /** The time series recorded on the grid up to `now` (empty when measuring began without a span). */
  timeSeries(now: number): GridSeries {
    this.advance(now);
    const grid = this.grid;
    const channel = (index: number) => grid.perSecond(index).map(roundSignificant);
    return {
      intervalSeconds: grid.completedBins > 0 ? grid.binSeconds : 0,
      time: grid.binStarts(),
      series: {
        depth: channel(0),
        arrivalsPerSecond: channel(1),
        completionsPerSecond: channel(2),
        dropsPerSecond: channel(3),
        busyConsumers: channel(4),
        consumers: channel(5),
        lostPerSecond: channel(6),
      },
    };
  }

  /** The wait and sojourn distributions since measuring began, as non-empty histogram buckets. */
  latencyHistogram(): LatencyHistogram {
    return { wait: this.waitHistogram.buckets(), sojourn: this.sojournHistogram.buckets() };
  }

  /** Integrates the levels up to `now`, recording any time-series edges passed on the way. */
  private advance(now: number): void {
    if (now >= this.state[NEXT_EDGE]) this.closeBins(now);
    this.integrate(now);
  }

  /** Records every bin edge at or before `now`, with the levels integrated exactly up to that edge. */
  private closeBins(now: number): void {
    const state = this.state;
    while (now >= state[NEXT_EDGE]) {
      this.integrate(state[NEXT_EDGE]);
      this.settleConsumers(state[NEXT_EDGE]);
      state[NEXT_EDGE] = this.grid.recordEdge(state, SERIES_CHANNELS);
    }
  }

  /** Adds the area under the consumer count up to `now`. */
  private settleConsumers(now: number): void {
    const state = this.state;
    if (now <= state[CONSUMERS_SINCE]) return;
    state[CONSUMERS_AREA] += state[CONSUMERS] * (now - state[CONSUMERS_SINCE]);
    state[CONSUMERS_SINCE] = now;
  }

  /** Adds the areas under the levels from the last update to `now`. */
  private integrate(now: number): void {
    const state = this.state;
    const elapsed = now - state[LAST_TIME];
    if (elapsed > 0) {
      state[READY_AREA] += state[READY] * elapsed;
      state[BUFFERED_AREA] += state[BUFFERED] * elapsed;
      state[BUSY_AREA] += state[BUSY] * elapsed;
      state[DELAYED_AREA] += state[DELAYED] * elapsed;
      state[LAST_TIME] = now;
    }
  }
}
