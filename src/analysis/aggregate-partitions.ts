/**
 * Replications of a topic → one `partitions` block: every per-partition number is the mean over the runs
 * (maxima the mean of each run's maximum, as for queues; waits over the runs that have them), owners come
 * from the first run, and the hot partition is found again from the means. Each consumer's utilisation is
 * its mean over the runs it was in the group; the busiest consumer is found again from those means (the
 * queue's `busiestConsumerUtilization` stays the mean of each run's busiest, with its CI).
 */
import { mean } from 'simple-statistics';
import {
  busiestConsumerOf,
  hotPartitionOf,
  type GroupConsumerStats,
  type PartitionStats,
  type TopicStats,
} from '../metrics/index.js';

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
  const consumers = new Map<number, GroupConsumerStats[]>();
  for (const run of runs) {
    for (const stats of run.perConsumer)
      consumers.set(stats.consumer, [...(consumers.get(stats.consumer) ?? []), stats]);
  }
  const perConsumer = [...consumers.entries()]
    .sort(([a], [b]) => a - b)
    .map(([consumer, each]): GroupConsumerStats => ({
      consumer,
      partitions: each[0].partitions,
      utilization: meanOrNull(each.map((s) => s.utilization)),
    }));
  return {
    ...combined,
    hotPartition: hotPartitionOf(perPartition),
    assignment: runs[0].assignment,
    perConsumer,
    busiestConsumer: busiestConsumerOf(perConsumer),
    perPartition,
  };
}
