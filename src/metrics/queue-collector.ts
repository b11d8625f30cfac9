import { CumulativeGrid } from './cumulative-grid.js';
import { LogHistogram, type LatencyHistogram, type LatencySummary } from './log-histogram.js';
import {
  LOSS_DROPPED_HEAD,
  LOSS_EXHAUSTED,
  LOSS_EXPIRED,
  LOSS_REJECTED,
  RETRY_DELAYED,
  RETRY_REQUEUED,
  type QueueProbe,
} from './queue-probe.js';
import { TIME_SERIES_BINS, roundSignificant, type GridSeries, type TimeSeriesSource } from './time-series.js';

/** Messages that left a queue for good, by how (mutually exclusive; they sum with the levels to arrivals). */
export interface QueueFates {
  completed: number;
  rejected: number;
  droppedHead: number;
  expired: number;
  exhausted: number;
  deadLettered: number;
  /** Failed attempts superseded by a copy a visibility timeout had already redelivered. */
  abandoned: number;
}

/**
 * Every way a message that reached a queue left it without being completed by the queue's consumers:
 * mutually exclusive reasons that sum to `lost`. The first four count messages lost outright;
 * `deadLettered` counts those sent to the dead-letter queue (for any of the four reasons, see
 * `deadLetteredBy`), which never reached this queue's consumers either.
 */
export interface LostBy {
  rejected: number;
  droppedHead: number;
  expired: number;
  exhausted: number;
  deadLettered: number;
}

/** Per-queue results over the measured interval: the public JSON names, times in seconds. */
export interface QueueStats {
  arrivals: number;
  accepted: number;
  /** Lost without dead-lettering: refused, dropped from the head, or exhausted (not expired). */
  dropped: number;
  completed: number;
  /** Completed messages per second. */
  throughput: number;
  /** Dropped / arrivals (0 when nothing arrived): refusals, overflow and exhaustion without a dead-letter queue. */
  dropRate: number;
  /** Messages that left without being completed here, whatever the mechanism (the loss account). */
  lost: number;
  /** Lost / arrivals offered to the queue (0 when nothing arrived). */
  lossRate: number;
  /** `lost` by reason. */
  lostBy: LostBy;
  /** Mean fraction of consumers processing; null for a queue without consumers. */
  utilization: number | null;
  /** Time-average number of ready (waiting) messages. */
  meanQueueLength: number;
  /** Time-average number ready, buffered in consumers, in processing or awaiting redelivery. */
  meanInSystem: number;
  /** Fraction of processing attempts that had to wait (Erlang C's P(wait) for M/M/c); null if none started. */
  probabilityOfWait: number | null;
  wait: LatencySummary;
  sojourn: LatencySummary;
  /** Expired (TTL) and lost. */
  expired: number;
  /** Sent to the dead-letter queue, for any reason (see deadLetteredBy). */
  deadLettered: number;
  deadLetteredBy: { rejected: number; droppedHead: number; expired: number; exhausted: number };
  /** Failed attempts delivered again, plus timeout copies. */
  redelivered: number;
  /** Visibility timeouts that delivered a message still in processing again. */
  timeouts: number;
  /** Completions of a message that had already completed (at-least-once delivery). */
  duplicates: number;
  /** Publisher time spent blocked on this queue (overflow: block). */
  blockedSeconds: number;
  /**
   * Time this queue's consumers spent blocked on an onward publish into a full `block` queue, summed over
   * consumers: they hold the message and count as busy meanwhile (part of `utilization` and `sojourn`).
   */
  consumerBlockedSeconds: number;
  /** ∫(consumers provisioned)dt: what the consumers cost, in consumer-seconds (autoscaled or fixed). */
  consumerSeconds: number;
  fates: QueueFates;
  /** Messages present when measuring began and ended: the conservation terms. */
  queuedAtStart: number;
  inServiceAtStart: number;
  queuedAtEnd: number;
  inServiceAtEnd: number;
  /** Prefetched into consumers' buffers, and waiting out a redelivery back-off. */
  bufferedAtStart: number;
  bufferedAtEnd: number;
  delayedAtStart: number;
  delayedAtEnd: number;
}

// Indexes into the collector's state array (doubles kept unboxed for the hot path).
const LAST_TIME = 0;
const MEASURE_START = 1;
const READY = 2; // levels …
const BUFFERED = 3;
const BUSY = 4;
const DELAYED = 5;
const READY_AREA = 6; // … and their integrals over time
const BUFFERED_AREA = 7;
const BUSY_AREA = 8;
const DELAYED_AREA = 9;
const ARRIVALS = 10;
const COMPLETED = 11;
const LOST = 12; // + LOSS_* reason: lost without dead-lettering (4 slots)
const DEAD_LETTERED = 16; // + LOSS_* reason (4 slots)
const REDELIVERED = 20;
const TIMEOUTS = 21;
const DUPLICATES = 22;
const ABANDONED = 23;
const BLOCKED_SECONDS = 24;
const AT_START = 25; // READY…DELAYED at the start of measuring (4 slots)
const LOSSES = 29; // every message refused, discarded or exhausted (lost or dead-lettered): lost/s
const NEXT_EDGE = 30; // time of the next time-series bin edge; Infinity when not recording
// Consumers provisioned: they change only when a pool scales, so their area is integrated on change and
// at bin edges, off the per-message path.
const CONSUMERS = 31;
const CONSUMERS_AREA = 32; // ∫ CONSUMERS dt up to CONSUMERS_SINCE
const CONSUMERS_SINCE = 33;
const DROPS = 34; // lost without dead-lettering and not expired, as `dropped` counts: drops/s
const CONSUMER_BLOCKED_SECONDS = 35;
const STATE_SIZE = 36;

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
    const state = this.state;
    const elapsed = now - state[MEASURE_START];
    const perSecond = (area: number) => (elapsed > 0 ? area / elapsed : 0);
    const arrivals = state[ARRIVALS];
    const lost = (reason: number) => state[LOST + reason];
    const deadLetteredBy = (reason: number) => state[DEAD_LETTERED + reason];
    const dropped = lost(LOSS_REJECTED) + lost(LOSS_DROPPED_HEAD) + lost(LOSS_EXHAUSTED);
    const deadLettered = [0, 1, 2, 3].reduce((sum, reason) => sum + deadLetteredBy(reason), 0);
    const waitCount = this.waitHistogram.count;
    const lostBy: LostBy = {
      rejected: lost(LOSS_REJECTED),
      droppedHead: lost(LOSS_DROPPED_HEAD),
      expired: lost(LOSS_EXPIRED),
      exhausted: lost(LOSS_EXHAUSTED),
      deadLettered,
    };
    const lostInAll = dropped + lostBy.expired + deadLettered;
    return {
      arrivals,
      accepted: arrivals - lost(LOSS_REJECTED) - deadLetteredBy(LOSS_REJECTED),
      dropped,
      completed: state[COMPLETED],
      throughput: perSecond(state[COMPLETED]),
      dropRate: arrivals > 0 ? dropped / arrivals : 0,
      lost: lostInAll,
      lossRate: arrivals > 0 ? lostInAll / arrivals : 0,
      lostBy,
      utilization: state[CONSUMERS_AREA] > 0 ? state[BUSY_AREA] / state[CONSUMERS_AREA] : null,
      meanQueueLength: perSecond(state[READY_AREA]),
      meanInSystem: perSecond(
        state[READY_AREA] + state[BUFFERED_AREA] + state[BUSY_AREA] + state[DELAYED_AREA],
      ),
      probabilityOfWait: waitCount > 0 ? (waitCount - this.waitHistogram.zeroCount) / waitCount : null,
      wait: this.waitHistogram.summary(),
      sojourn: this.sojournHistogram.summary(),
      expired: lost(LOSS_EXPIRED),
      deadLettered,
      deadLetteredBy: {
        rejected: deadLetteredBy(LOSS_REJECTED),
        droppedHead: deadLetteredBy(LOSS_DROPPED_HEAD),
        expired: deadLetteredBy(LOSS_EXPIRED),
        exhausted: deadLetteredBy(LOSS_EXHAUSTED),
      },
      redelivered: state[REDELIVERED],
      timeouts: state[TIMEOUTS],
      duplicates: state[DUPLICATES],
      blockedSeconds: state[BLOCKED_SECONDS],
      consumerBlockedSeconds: state[CONSUMER_BLOCKED_SECONDS],
      consumerSeconds: state[CONSUMERS_AREA],
      fates: {
        completed: state[COMPLETED],
        rejected: lost(LOSS_REJECTED),
        droppedHead: lost(LOSS_DROPPED_HEAD),
        expired: lost(LOSS_EXPIRED),
        exhausted: lost(LOSS_EXHAUSTED),
        deadLettered,
        abandoned: state[ABANDONED],
      },
      queuedAtStart: state[AT_START + READY - READY],
      inServiceAtStart: state[AT_START + BUSY - READY],
      queuedAtEnd: state[READY],
      inServiceAtEnd: state[BUSY],
      bufferedAtStart: state[AT_START + BUFFERED - READY],
      bufferedAtEnd: state[BUFFERED],
      delayedAtStart: state[AT_START + DELAYED - READY],
      delayedAtEnd: state[DELAYED],
    };
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
