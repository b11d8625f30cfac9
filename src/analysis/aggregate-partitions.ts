/**
 * Replications of a topic → one `partitions` block: every per-partition number is the mean over the runs
 * (maxima the mean of each run's maximum, as for queues; waits over the runs that have them), owners come
 * from the first run, and the hot partition is found again from the means.
 */
import { mean } from 'simple-statistics';
import { hotPartitionOf, type PartitionStats, type TopicStats } from '../metrics/index.js';

const meanOrNull = (values: Array<number | null>): number | null => {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length > 0 ? mean(defined) : null;
};

/** The per-partition means of several runs' `partitions` blocks (scalars are combined by the caller). */
export function averagePartitions(runs: readonly TopicStats[], combined: TopicStats): TopicStats {
  const perPartition = runs[0].perPartition.map((first, p): PartitionStats => {
    const each = runs.map((run) => run.perPartition[p]);
    const average = (pick: (stats: PartitionStats) => number) => mean(each.map(pick));
    return {
      partition: first.partition,
      consumer: first.consumer,
      arrivals: average((s) => s.arrivals),
      completed: average((s) => s.completed),
      expired: average((s) => s.expired),
      lag: { mean: average((s) => s.lag.mean), max: average((s) => s.lag.max) },
      wait: { mean: meanOrNull(each.map((s) => s.wait.mean)), p99: meanOrNull(each.map((s) => s.wait.p99)) },
    };
  });
  return { ...combined, hotPartition: hotPartitionOf(perPartition), perPartition };
}
