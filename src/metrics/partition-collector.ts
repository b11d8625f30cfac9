/**
 * Per-partition statistics of a Kafka-style topic (the standard per-queue ones come from its QueueCollector):
 * arrivals, completions, retention deletions, lag (messages appended and not yet completed or deleted:
 * waiting plus in processing, as Kafka's log-end minus committed offset) time-averaged and at its
 * maximum, waits, and the group's rebalances. O(1) per observation, each partition integrated on its own.
 */
import { LogHistogram } from './log-histogram.js';

/** Above this many partitions the per-partition p99 wait is not kept (a histogram is ~70 KB). */
export const MAX_PARTITIONS_WITH_PERCENTILES = 128;

/** One partition's results over the measured interval. */
export interface PartitionStats {
  partition: number;
  /** The consumer that owned the partition at the end (null: none, the group was empty). */
  consumer: number | null;
  arrivals: number;
  completed: number;
  /** Deleted unconsumed by retention. */
  expired: number;
  /** Messages appended and not yet completed or deleted (waiting + in processing). */
  lag: { mean: number; max: number };
  /** Append (or redelivery) → processing start, seconds; null when nothing started. */
  wait: { mean: number | null; p99: number | null };
}

/** The `partitions` block of a topic's results. */
export interface TopicStats {
  count: number;
  /** The partition with the most arrivals, its share of them, and how its lag compares. */
  hotPartition: {
    partition: number;
    shareOfArrivals: number;
    /** Largest mean lag over the mean of the partitions' mean lags (1 = even; null when no lag at all). */
    lagRatio: number | null;
  };
  /** Consumers owning no partition at the end (more consumers than partitions). */
  idleConsumers: number;
  /** Changes in the number of consumers that paused the group. */
  rebalances: number;
  /** Simulated time the group spent paused by rebalances. */
  rebalancePausedSeconds: number;
  perPartition: PartitionStats[];
}

/** The hot partition of per-partition results (most arrivals; ties to the lowest number). */
export function hotPartitionOf(perPartition: readonly PartitionStats[]): TopicStats['hotPartition'] {
  let hot = 0;
  let arrivals = 0;
  let lagSum = 0;
  let lagMax = 0;
  for (const stats of perPartition) {
    arrivals += stats.arrivals;
    lagSum += stats.lag.mean;
    if (stats.lag.mean > lagMax) lagMax = stats.lag.mean;
    if (stats.arrivals > perPartition[hot].arrivals) hot = stats.partition;
  }
  const meanLag = lagSum / perPartition.length;
  return {
    partition: hot,
    shareOfArrivals: arrivals > 0 ? perPartition[hot].arrivals / arrivals : 0,
    lagRatio: meanLag > 0 ? lagMax / meanLag : null,
  };
}

// Group-level slots of `group` (doubles kept unboxed).
const REBALANCES = 0;
const PAUSED_SECONDS = 1;
const PAUSED_SINCE = 2; // NaN while not paused

/** Streaming per-partition statistics of one topic. */
export class PartitionCollector {
  private readonly arrivals: Float64Array;
  private readonly completedCount: Float64Array;
  private readonly expiredCount: Float64Array;
  private readonly lag: Float64Array;
  private readonly lagArea: Float64Array;
  private readonly lagMax: Float64Array;
  private readonly lastTime: Float64Array;
  private readonly waitSum: Float64Array;
  private readonly waitCount: Float64Array;
  private readonly waits: LogHistogram[];
  private readonly group = new Float64Array(3);
  private measureStart = 0;

  constructor(readonly partitions: number) {
    const column = () => new Float64Array(partitions);
    this.arrivals = column();
    this.completedCount = column();
    this.expiredCount = column();
    this.lag = column();
    this.lagArea = column();
    this.lagMax = column();
    this.lastTime = column();
    this.waitSum = column();
    this.waitCount = column();
    this.waits =
      partitions <= MAX_PARTITIONS_WITH_PERCENTILES
        ? Array.from({ length: partitions }, () => new LogHistogram())
        : [];
    this.group[PAUSED_SINCE] = NaN;
  }

  /** A message was appended to partition `p`. */
  appended(p: number, now: number): void {
    this.integrate(p, now);
    this.arrivals[p]++;
    if (++this.lag[p] > this.lagMax[p]) this.lagMax[p] = this.lag[p];
  }

  /** A message of partition `p` started processing after waiting `waitSeconds`. */
  started(p: number, waitSeconds: number): void {
    this.waitSum[p] += waitSeconds;
    this.waitCount[p]++;
    if (this.waits.length > 0) this.waits[p].record(waitSeconds);
  }

  /** A message of partition `p` completed. */
  completed(p: number, now: number): void {
    this.integrate(p, now);
    this.lag[p]--;
    this.completedCount[p]++;
  }

  /** A message of partition `p` was given up after failing (exhausted): it leaves the partition. */
  exhausted(p: number, now: number): void {
    this.integrate(p, now);
    this.lag[p]--;
  }

  /** Retention deleted an unconsumed message of partition `p`. */
  expired(p: number, now: number): void {
    this.integrate(p, now);
    this.lag[p]--;
    this.expiredCount[p]++;
  }

  /** A change in the group's size paused it (a pause already running goes on). */
  rebalanceStarted(now: number): void {
    this.group[REBALANCES]++;
    if (Number.isNaN(this.group[PAUSED_SINCE])) this.group[PAUSED_SINCE] = now;
  }

  /** The group resumed work. */
  rebalanceEnded(now: number): void {
    this.group[PAUSED_SECONDS] += now - this.group[PAUSED_SINCE];
    this.group[PAUSED_SINCE] = NaN;
  }

  /** Forgets everything observed so far, keeping the current lags: the end of the warm-up. */
  startMeasuring(now: number): void {
    for (let p = 0; p < this.partitions; p++) this.integrate(p, now);
    this.arrivals.fill(0);
    this.completedCount.fill(0);
    this.expiredCount.fill(0);
    this.lagArea.fill(0);
    this.lagMax.set(this.lag);
    this.waitSum.fill(0);
    this.waitCount.fill(0);
    for (const histogram of this.waits) histogram.reset();
    this.group[REBALANCES] = 0;
    this.group[PAUSED_SECONDS] = 0;
    if (!Number.isNaN(this.group[PAUSED_SINCE])) this.group[PAUSED_SINCE] = now;
    this.measureStart = now;
  }

  /** The statistics since measuring began; `owner[p]` is partition p's consumer (−1: none). */
  snapshot(now: number, owner: Int32Array, idleConsumers: number): TopicStats {
    const elapsed = now - this.measureStart;
    const perPartition: PartitionStats[] = [];
    for (let p = 0; p < this.partitions; p++) {
      this.integrate(p, now);
      const waited = this.waitCount[p];
      perPartition.push({
        partition: p,
        consumer: owner[p] >= 0 ? owner[p] : null,
        arrivals: this.arrivals[p],
        completed: this.completedCount[p],
        expired: this.expiredCount[p],
        lag: { mean: elapsed > 0 ? this.lagArea[p] / elapsed : this.lag[p], max: this.lagMax[p] },
        wait: {
          mean: waited > 0 ? this.waitSum[p] / waited : null,
          p99: waited > 0 && this.waits.length > 0 ? this.waits[p].quantile(0.99) : null,
        },
      });
    }
    const pausedSince = this.group[PAUSED_SINCE];
    return {
      count: this.partitions,
      hotPartition: hotPartitionOf(perPartition),
      idleConsumers,
      rebalances: this.group[REBALANCES],
      rebalancePausedSeconds:
        this.group[PAUSED_SECONDS] + (Number.isNaN(pausedSince) ? 0 : now - pausedSince),
      perPartition,
    };
  }

  /** Adds partition `p`'s lag area up to `now`. */
  private integrate(p: number, now: number): void {
    this.lagArea[p] += this.lag[p] * (now - this.lastTime[p]);
    this.lastTime[p] = now;
  }
}
