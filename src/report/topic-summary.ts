/**
 * One line per topic for the terminal: the hot partition, the spread of lag over partitions, the busiest
 * consumer, an uneven assignment (idle consumers among it), rebalances.
 */
import type { TopicStats } from '../metrics/index.js';
import type { RunResult } from '../model/run-result.js';
import type { Paint } from './estimate-cells.js';
import { formatNumber, formatPercent, formatSeconds } from './format.js';
import { describePool } from './pool.js';

/** The summary of one topic's partitions, e.g. "orders: 12 partitions — hot partition 3 takes 19.7 % …". */
export function topicSummary(name: string, pool: string, topic: TopicStats, paint: Paint): string {
  const { hotPartition: hot, perPartition } = topic;
  const lags = perPartition.map((stats) => stats.lag.mean).sort((a, b) => a - b);
  const parts = [
    `${name}: ${topic.count} partitions on ${pool}`,
    `hot partition ${hot.partition} takes ${formatPercent(hot.shareOfArrivals)} of arrivals (even share ${formatPercent(1 / topic.count)})`,
    `mean lag per partition ${formatNumber(lags[0])} … ${formatNumber(lags[Math.floor(lags.length / 2)])} (median) … ${formatNumber(lags[lags.length - 1])}` +
      (hot.lagRatio === null ? '' : `, max/mean ${formatNumber(hot.lagRatio)}×`),
  ];
  const busiest = topic.busiestConsumer;
  if (busiest) {
    parts.push(
      `busiest consumer ${busiest.consumer} ${formatPercent(busiest.utilization)} busy (the group's utilisation is their mean)`,
    );
  }
  if (!topic.assignment.even) parts.push(unevenAssignmentText(topic));
  if (topic.rebalances > 0)
    parts.push(
      `${formatNumber(topic.rebalances)} rebalance(s) paused the group ${formatSeconds(topic.rebalancePausedSeconds)}`,
    );
  const line = parts.join('; ');
  const strained = (hot.lagRatio !== null && hot.lagRatio > 2) || (busiest?.utilization ?? 0) >= 0.8;
  return strained ? paint.yellow(line) : line;
}

/** The summary lines of every topic in the result (none without topics). */
export function topicSummaries(result: RunResult, paint: Paint): string[] {
  return Object.entries(result.queues).flatMap(([name, queue]) =>
    queue.partitions ? [topicSummary(name, describePool(queue), queue.partitions, paint)] : [],
  );
}

/** "uneven assignment: 1 to 2 partitions per consumer, 2 consumers idle". */
export function unevenAssignmentText(topic: TopicStats): string {
  const { fewestPartitions, mostPartitions } = topic.assignment;
  const idle = topic.idleConsumers;
  return `uneven assignment: ${fewestPartitions === mostPartitions ? mostPartitions : `${fewestPartitions} to ${mostPartitions}`} partitions per consumer${idle > 0 ? `, ${idle} consumer${idle === 1 ? '' : 's'} idle` : ''}`;
}
