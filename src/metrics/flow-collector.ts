import { LogHistogram, type FlowLatencyHistogram, type LatencySummary } from './log-histogram.js';
import { LOSS_DROPPED_HEAD, LOSS_EXHAUSTED, LOSS_EXPIRED, LOSS_REJECTED } from './queue-probe.js';

/** How a flow's copies were lost, by exclusive reason. */
export interface FlowLostBy {
  rejected: number;
  droppedHead: number;
  expired: number;
  exhausted: number;
  deadLettered: number;
  /** Published to a direct exchange with no binding for the message's type. */
  unroutable: number;
}

/** One producer's messages end to end, over the measured interval (public JSON names, seconds). */
export interface FlowStats {
  /** Messages the producer published (before any fan-out). */
  published: number;
  /** Copies that reached the end of their branch (a fanned-out message counts once per branch). */
  completed: number;
  /** Publish → completion at the last queue of the branch. */
  endToEnd: LatencySummary;
  /** Where the flow's copies ended, by reason (a dead-lettered copy counts here, not again at the DLQ). */
  fates: { completed: number } & FlowLostBy;
  /** Copies that ended without completing, whatever the mechanism (the loss account of the flow). */
  lost: number;
  /** Lost / (lost + completed): the share of the copies that ended which were lost (0 when none ended). */
  lossRate: number;
  /** `lost` by reason: the fates other than `completed`. */
  lostBy: FlowLostBy;
  /** Time the producer spent blocked by full `block` queues. */
  blockedSeconds: number;
}

const PUBLISHED = 0;
const COMPLETED = 1;
const LOST = 2; // + LOSS_* reason (4 slots)
const DEAD_LETTERED = 6;
const UNROUTABLE = 7;
const BLOCKED_SECONDS = 8;
const MEASURE_START = 9;
const STATE_SIZE = 10;

/** Streaming statistics for one flow (one producer's messages through the whole network). */
export class FlowCollector {
  private readonly state = new Float64Array(STATE_SIZE);
  private readonly endToEndHistogram = new LogHistogram();

  /** The producer published a message. */
  published(): void {
    this.state[PUBLISHED]++;
  }

  /** A copy left the network complete, `endToEndSeconds` after it was published. */
  completed(endToEndSeconds: number): void {
    this.state[COMPLETED]++;
    this.endToEndHistogram.record(endToEndSeconds);
  }

  /** A copy was lost for `reason` (a LOSS_* code) or, with `deadLettered`, sent to a dead-letter queue. */
  ended(reason: number, deadLettered: boolean): void {
    this.state[deadLettered ? DEAD_LETTERED : LOST + reason]++;
  }

  /** A message found no binding at a direct exchange. */
  unroutable(): void {
    this.state[UNROUTABLE]++;
  }

  /** The producer, blocked since `sinceSeconds`, resumed at `now`. */
  blocked(sinceSeconds: number, now: number): void {
    this.state[BLOCKED_SECONDS] += this.blockedWithin(sinceSeconds, now);
  }

  /** The part of a block from `sinceSeconds` to `now` inside the measured interval (a block may span its start). */
  blockedWithin(sinceSeconds: number, now: number): number {
    return now - Math.max(sinceSeconds, this.state[MEASURE_START]);
  }

  /** Forgets the warm-up: measuring starts at `now`. */
  startMeasuring(now = 0): void {
    this.state.fill(0);
    this.state[MEASURE_START] = now;
    this.endToEndHistogram.reset();
  }

  /** The end-to-end distribution since measuring began, as non-empty histogram buckets. */
  latencyHistogram(): FlowLatencyHistogram {
    return { endToEnd: this.endToEndHistogram.buckets() };
  }

  /** The flow's statistics so far. */
  snapshot(): FlowStats {
    const state = this.state;
    const lostBy: FlowLostBy = {
      rejected: state[LOST + LOSS_REJECTED],
      droppedHead: state[LOST + LOSS_DROPPED_HEAD],
      expired: state[LOST + LOSS_EXPIRED],
      exhausted: state[LOST + LOSS_EXHAUSTED],
      deadLettered: state[DEAD_LETTERED],
      unroutable: state[UNROUTABLE],
    };
    const lost = Object.values(lostBy).reduce((sum, count) => sum + count, 0);
    const ended = lost + state[COMPLETED];
    return {
      published: state[PUBLISHED],
      completed: state[COMPLETED],
      endToEnd: this.endToEndHistogram.summary(),
      fates: { completed: state[COMPLETED], ...lostBy },
      lost,
      lossRate: ended > 0 ? lost / ended : 0,
      lostBy,
      blockedSeconds: state[BLOCKED_SECONDS],
    };
  }
}
