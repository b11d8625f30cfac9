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

/** One consumer of the group over the measured interval. */
export interface GroupConsumerStats {
  consumer: number;
  /** Partitions it owned at the end (0: idle, more consumers than partitions). */
  partitions: number;
  /**
   * Time it spent processing or blocked publishing onward, over the time it was in the group; null when it
   * never was.
   */
  utilization: number | null;
}

/** How the partitions were spread over the group at the end. */
export interface AssignmentStats {
  /** True when every consumer owned the same number of partitions (none idle). */
  even: boolean;
  fewestPartitions: number;
  mostPartitions: number;
}

/** The `partitions` block of a topic's results. */
export interface TopicStats {
  count: number;
  /**
   * The partition with the highest mean lag (the one falling behind), with its own share of the arrivals
   * and its own mean lag over the mean of all partitions' mean lags.
   */
  hotPartition: {
    partition: number;
    /** This partition's arrivals over the topic's. */
    shareOfArrivals: number;
    /** This partition's mean lag over the mean of the partitions' mean lags (1 = even; null when no lag at all). */
    lagRatio: number | null;
  };
  /** Consumers owning no partition at the end (more consumers than partitions). */
  idleConsumers: number;
  /** Partitions per consumer at the end: uneven when some own more than others, or some own none. */
  assignment: AssignmentStats;
  /** Every consumer the group had, by number. */
  perConsumer: GroupConsumerStats[];
  /** The consumer with the highest utilisation (ties to the lowest number); null without consumers. */
  busiestConsumer: { consumer: number; utilization: number } | null;
  /** Changes in the number of consumers that paused the group. */
  rebalances: number;
  /** Simulated time the group spent paused by rebalances. */
  rebalancePausedSeconds: number;
  perPartition: PartitionStats[];
}

/**
 * The hot partition of per-partition results: the highest mean lag (ties to the lowest number; with no lag
 * at all, the most arrivals). Every figure quoted for it is its own, so the partition named, coloured and
 * quoted is one and the same.
 */
export function hotPartitionOf(perPartition: readonly PartitionStats[]): TopicStats['hotPartition'] {
  let hot = 0;
  let arrivals = 0;
  let lagSum = 0;
  for (let p = 0; p < perPartition.length; p++) {
    const stats = perPartition[p];
    const best = perPartition[hot];
    arrivals += stats.arrivals;
    lagSum += stats.lag.mean;
    if (
      stats.lag.mean > best.lag.mean ||
      (stats.lag.mean === best.lag.mean && stats.arrivals > best.arrivals)
    ) {
      hot = p;
    }
  }
  const meanLag = lagSum / perPartition.length;
  return {
    partition: perPartition[hot].partition,
    shareOfArrivals: arrivals > 0 ? perPartition[hot].arrivals / arrivals : 0,
    lagRatio: meanLag > 0 ? perPartition[hot].lag.mean / meanLag : null,
  };
}

/** The busiest of the group's consumers (ties to the lowest number); null when none has a utilisation. */
export function busiestConsumerOf(perConsumer: readonly GroupConsumerStats[]): TopicStats['busiestConsumer'] {
  let busiest: TopicStats['busiestConsumer'] = null;
  for (const { consumer, utilization } of perConsumer) {
    if (utilization !== null && (busiest === null || utilization > busiest.utilization)) {
      busiest = { consumer, utilization };
    }
  }
  return busiest;
}

/** How evenly partitions are spread over the consumers that are in the group. */
export function assignmentOf(perConsumer: readonly GroupConsumerStats[], members: number): AssignmentStats {
  // A loop, not Math.min(...owned): a group may have up to a million consumers, past the argument limit.
  let fewest = Infinity;
  let most = -Infinity;
  for (let i = 0; i < Math.min(members, perConsumer.length); i++) {
    fewest = Math.min(fewest, perConsumer[i].partitions);
    most = Math.max(most, perConsumer[i].partitions);
  }
  if (fewest === Infinity) return { even: true, fewestPartitions: 0, mostPartitions: 0 };
  return { even: fewest === most, fewestPartitions: fewest, mostPartitions: most };
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
  /** Per consumer: when its current busy spell began (NaN: free), busy time, and time in the group. */
  private readonly busySince: Float64Array;
  private readonly busyArea: Float64Array;
  private readonly memberArea: Float64Array;
  private members = 0;
  /** Since when `members` has held (membership is integrated on change, off the per-message path). */
  private membersSince = 0;

  constructor(
    readonly partitions: number,
    /** The most consumers the group can ever have. */
    readonly maxConsumers: number = 0,
  ) {
    this.busySince = new Float64Array(maxConsumers).fill(NaN);
    this.busyArea = new Float64Array(maxConsumers);
    this.memberArea = new Float64Array(maxConsumers);
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

  /** Consumer `c` took a message: it is busy until it is free again (processing or blocked publishing onward). */
  consumerBusy(c: number, now: number): void {
    this.busySince[c] = now;
  }

  /** Consumer `c` is free. */
  consumerFree(c: number, now: number): void {
    const since = this.busySince[c];
    if (Number.isNaN(since)) return;
    this.busyArea[c] += now - since;
    this.busySince[c] = NaN;
  }

  /**
   * The group now has `members` consumers (0 … members − 1). One that leaves stops counting at once, busy
   * or not, as it stops counting as provisioned.
   */
  membersChanged(members: number, now: number): void {
    const elapsed = now - this.membersSince;
    for (let c = 0; c < this.members; c++) this.memberArea[c] += elapsed;
    for (let c = members; c < this.members; c++) this.consumerFree(c, now);
    this.members = members;
    this.membersSince = now;
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
    for (let c = 0; c < this.maxConsumers; c++) {
      if (!Number.isNaN(this.busySince[c])) this.busySince[c] = now;
    }
    this.busyArea.fill(0);
    this.memberArea.fill(0);
    this.membersSince = now;
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
    const perConsumer = this.consumerStats(now, owner);
    return {
      count: this.partitions,
      hotPartition: hotPartitionOf(perPartition),
      idleConsumers,
      assignment: assignmentOf(perConsumer, this.members),
      perConsumer,
      busiestConsumer: busiestConsumerOf(perConsumer),
      rebalances: this.group[REBALANCES],
      rebalancePausedSeconds:
        this.group[PAUSED_SECONDS] + (Number.isNaN(pausedSince) ? 0 : now - pausedSince),
      perPartition,
    };
  }

  /** Each consumer that was in the group while measuring, or is in it now: partitions owned and utilisation. */
  private consumerStats(now: number, owner: Int32Array): GroupConsumerStats[] {
    const owned = new Int32Array(this.maxConsumers);
    for (const c of owner) if (c >= 0) owned[c]++;
    const stats: GroupConsumerStats[] = [];
    for (let c = 0; c < this.maxConsumers; c++) {
      const member = c < this.members;
      const inGroup = this.memberArea[c] + (member ? now - this.membersSince : 0);
      if (!member && inGroup === 0) continue;
      const since = this.busySince[c];
      const busy = this.busyArea[c] + (Number.isNaN(since) ? 0 : now - since);
      stats.push({ consumer: c, partitions: owned[c], utilization: inGroup > 0 ? busy / inGroup : null });
    }
    return stats;
  }

  /** Adds partition `p`'s lag area up to `now`. */
  private integrate(p: number, now: number): void {
    this.lagArea[p] += this.lag[p] * (now - this.lastTime[p]);
    this.lastTime[p] = now;
  }
}
