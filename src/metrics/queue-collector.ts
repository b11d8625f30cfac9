import { CumulativeGrid } from './cumulative-grid.js';
import { LogHistogram, type LatencyHistogram, type LatencySummary } from './log-histogram.js';
import type { QueueProbe } from './queue-probe.js';
import { TIME_SERIES_BINS, roundSignificant, type GridSeries, type TimeSeriesSource } from './time-series.js';

/** Per-queue results over the measured interval: the public JSON names, times in seconds. */
export interface QueueStats {
  arrivals: number;
  accepted: number;
  dropped: number;
  completed: number;
  /** Completed messages per second. */
  throughput: number;
  /** Dropped / arrivals (0 when nothing arrived). */
  dropRate: number;
  /** Mean fraction of consumers busy; null for a queue without consumers. */
  utilization: number | null;
  /** Time-average number of waiting messages. */
  meanQueueLength: number;
  /** Time-average number waiting or in service. */
  meanInSystem: number;
  /** Fraction of messages that had to wait for a consumer (Erlang C's P(wait) for M/M/c); null if none started. */
  probabilityOfWait: number | null;
  wait: LatencySummary;
  sojourn: LatencySummary;
  /** Messages waiting and in service when measuring began and ended: the conservation terms. */
  queuedAtStart: number;
  inServiceAtStart: number;
  queuedAtEnd: number;
  inServiceAtEnd: number;
}

// Indexes into the collector's state array (doubles kept unboxed for the hot path).
const LAST_TIME = 0;
const QUEUE_AREA = 1; // ∫ waiting dt
const BUSY_AREA = 2; // ∫ in service dt
const WAITING = 3;
const BUSY = 4;
const ARRIVALS = 5;
const DROPPED = 6;
const COMPLETED = 7;
const MEASURE_START = 8;
const WAITING_AT_START = 9;
const BUSY_AT_START = 10;
const NEXT_EDGE = 11; // time of the next time-series bin edge; Infinity when not recording
const STATE_SIZE = 12;

// The running totals the time series samples at each bin edge, in the order of its channels.
const SERIES_CHANNELS = [QUEUE_AREA, ARRIVALS, COMPLETED, DROPPED, BUSY_AREA] as const;

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

  rejected(now: number): void {
    if (now >= this.state[NEXT_EDGE]) this.closeBins(now);
    this.state[ARRIVALS]++;
    this.state[DROPPED]++;
  }

  enqueued(now: number): void {
    const state = this.state;
    this.advance(now);
    state[ARRIVALS]++;
    state[WAITING]++;
  }

  serviceStarted(now: number, waitSeconds: number): void {
    const state = this.state;
    this.advance(now);
    state[WAITING]--;
    state[BUSY]++;
    this.waitHistogram.record(waitSeconds);
  }

  completed(now: number, sojournSeconds: number): void {
    const state = this.state;
    this.advance(now);
    state[BUSY]--;
    state[COMPLETED]++;
    this.sojournHistogram.record(sojournSeconds);
  }

  /**
   * Forgets everything observed so far, keeping the current levels: the end of the warm-up. With
   * `measuredSeconds`, also lays the time-series grid over [now, now + measuredSeconds].
   */
  startMeasuring(now: number, measuredSeconds?: number): void {
    const state = this.state;
    const waiting = state[WAITING];
    const busy = state[BUSY];
    state.fill(0);
    state[WAITING] = waiting;
    state[BUSY] = busy;
    state[WAITING_AT_START] = waiting;
    state[BUSY_AT_START] = busy;
    state[LAST_TIME] = now;
    state[MEASURE_START] = now;
    this.waitHistogram.reset();
    this.sojournHistogram.reset();
    state[NEXT_EDGE] = measuredSeconds ? this.grid.begin(now, measuredSeconds) : Infinity;
    if (measuredSeconds) this.closeBins(now); // the first edge: everything zero
  }

  /** The statistics from the start of measuring until `now`, for a queue with `consumers` workers. */
  snapshot(now: number, consumers: number): QueueStats {
    this.advance(now);
    const state = this.state;
    const elapsed = now - state[MEASURE_START];
    const arrivals = state[ARRIVALS];
    const dropped = state[DROPPED];
    const waitCount = this.waitHistogram.count;
    return {
      arrivals,
      accepted: arrivals - dropped,
      dropped,
      completed: state[COMPLETED],
      throughput: elapsed > 0 ? state[COMPLETED] / elapsed : 0,
      dropRate: arrivals > 0 ? dropped / arrivals : 0,
      utilization: consumers > 0 && elapsed > 0 ? state[BUSY_AREA] / (consumers * elapsed) : null,
      meanQueueLength: elapsed > 0 ? state[QUEUE_AREA] / elapsed : 0,
      meanInSystem: elapsed > 0 ? (state[QUEUE_AREA] + state[BUSY_AREA]) / elapsed : 0,
      probabilityOfWait: waitCount > 0 ? (waitCount - this.waitHistogram.zeroCount) / waitCount : null,
      wait: this.waitHistogram.summary(),
      sojourn: this.sojournHistogram.summary(),
      queuedAtStart: state[WAITING_AT_START],
      inServiceAtStart: state[BUSY_AT_START],
      queuedAtEnd: state[WAITING],
      inServiceAtEnd: state[BUSY],
    };
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
      state[NEXT_EDGE] = this.grid.recordEdge(state, SERIES_CHANNELS);
    }
  }

  /** Adds the areas under the levels from the last update to `now`. */
  private integrate(now: number): void {
    const state = this.state;
    const elapsed = now - state[LAST_TIME];
    if (elapsed > 0) {
      state[QUEUE_AREA] += state[WAITING] * elapsed;
      state[BUSY_AREA] += state[BUSY] * elapsed;
      state[LAST_TIME] = now;
    }
  }
}
