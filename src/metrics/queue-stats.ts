/** A queue's results as plain data (the public JSON names), built from its collector's running totals. */
import type { LatencySummary, LogHistogram } from './log-histogram.js';
import { LOSS_DROPPED_HEAD, LOSS_EXHAUSTED, LOSS_EXPIRED, LOSS_REJECTED } from './queue-probe.js';

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

// Indexes into the collector's state array (doubles kept unboxed for the hot path), shared with the snapshot.
export const LAST_TIME = 0;
export const MEASURE_START = 1;
export const READY = 2; // levels …
export const BUFFERED = 3;
export const BUSY = 4;
export const DELAYED = 5;
export const READY_AREA = 6; // … and their integrals over time
export const BUFFERED_AREA = 7;
export const BUSY_AREA = 8;
export const DELAYED_AREA = 9;
export const ARRIVALS = 10;
export const COMPLETED = 11;
export const LOST = 12; // + LOSS_* reason: lost without dead-lettering (4 slots)
export const DEAD_LETTERED = 16; // + LOSS_* reason (4 slots)
export const REDELIVERED = 20;
export const TIMEOUTS = 21;
export const DUPLICATES = 22;
export const ABANDONED = 23;
export const BLOCKED_SECONDS = 24;
export const AT_START = 25; // READY…DELAYED at the start of measuring (4 slots)
export const LOSSES = 29; // every message refused, discarded or exhausted (lost or dead-lettered): lost/s
export const NEXT_EDGE = 30; // time of the next time-series bin edge; Infinity when not recording
// Consumers provisioned: they change only when a pool scales, so their area is integrated on change and
// at bin edges, off the per-message path.
export const CONSUMERS = 31;
export const CONSUMERS_AREA = 32; // ∫ CONSUMERS dt up to CONSUMERS_SINCE
export const CONSUMERS_SINCE = 33;
export const DROPS = 34; // lost without dead-lettering and not expired, as `dropped` counts: drops/s
export const CONSUMER_BLOCKED_SECONDS = 35;
export const STATE_SIZE = 36;

/** The loss account: what was lost, by reason, and how much of it was dead-lettered. */
function lossAccount(
  state: Float64Array,
): Pick<QueueStats, 'dropped' | 'lost' | 'lostBy' | 'expired' | 'deadLettered' | 'deadLetteredBy'> {
  const lost = (reason: number) => state[LOST + reason];
  const deadLetteredBy = (reason: number) => state[DEAD_LETTERED + reason];
  const dropped = lost(LOSS_REJECTED) + lost(LOSS_DROPPED_HEAD) + lost(LOSS_EXHAUSTED);
  const deadLettered = [0, 1, 2, 3].reduce((sum, reason) => sum + deadLetteredBy(reason), 0);
  return {
    dropped,
    lost: dropped + lost(LOSS_EXPIRED) + deadLettered,
    lostBy: {
      rejected: lost(LOSS_REJECTED),
      droppedHead: lost(LOSS_DROPPED_HEAD),
      expired: lost(LOSS_EXPIRED),
      exhausted: lost(LOSS_EXHAUSTED),
      deadLettered,
    },
    expired: lost(LOSS_EXPIRED),
    deadLettered,
    deadLetteredBy: {
      rejected: deadLetteredBy(LOSS_REJECTED),
      droppedHead: deadLetteredBy(LOSS_DROPPED_HEAD),
      expired: deadLetteredBy(LOSS_EXPIRED),
      exhausted: deadLetteredBy(LOSS_EXHAUSTED),
    },
  };
}

/** The conservation terms: messages present when measuring began and at the end. */
function levels(
  state: Float64Array,
): Pick<
  QueueStats,
  | 'queuedAtStart'
  | 'inServiceAtStart'
  | 'queuedAtEnd'
  | 'inServiceAtEnd'
  | 'bufferedAtStart'
  | 'bufferedAtEnd'
  | 'delayedAtStart'
  | 'delayedAtEnd'
> {
  return {
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

/** A queue's statistics from its running totals at `now` (levels already integrated up to `now`). */
export function queueStats(
  state: Float64Array,
  now: number,
  wait: LogHistogram,
  sojourn: LogHistogram,
): QueueStats {
  const elapsed = now - state[MEASURE_START];
  const perSecond = (area: number) => (elapsed > 0 ? area / elapsed : 0);
  const arrivals = state[ARRIVALS];
  const loss = lossAccount(state);
  const { dropped, lost: lostInAll, lostBy, deadLettered } = loss;
  const waitCount = wait.count;
  return {
    arrivals,
    accepted: arrivals - lostBy.rejected - loss.deadLetteredBy.rejected,
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
    probabilityOfWait: waitCount > 0 ? (waitCount - wait.zeroCount) / waitCount : null,
    wait: wait.summary(),
    sojourn: sojourn.summary(),
    expired: loss.expired,
    deadLettered,
    deadLetteredBy: loss.deadLetteredBy,
    redelivered: state[REDELIVERED],
    timeouts: state[TIMEOUTS],
    duplicates: state[DUPLICATES],
    blockedSeconds: state[BLOCKED_SECONDS],
    consumerBlockedSeconds: state[CONSUMER_BLOCKED_SECONDS],
    consumerSeconds: state[CONSUMERS_AREA],
    fates: {
      completed: state[COMPLETED],
      rejected: lostBy.rejected,
      droppedHead: lostBy.droppedHead,
      expired: lostBy.expired,
      exhausted: lostBy.exhausted,
      deadLettered,
      abandoned: state[ABANDONED],
    },
    ...levels(state),
  };
}
