import type { QueueResult } from '../../model/run-result.js';
import type { AnalyticComparison } from '../../results/analysis-results.js';
import type { TopologyQueue } from '../../model/topology.js';
import { formatBytes, formatCount, formatNumber, formatPercent } from '../format.js';
import { unevenAssignmentText } from '../topic-summary.js';
import { htmlId } from './escape.js';
import type { ReportInput } from './input.js';
import { queueColor } from './palette.js';

/** One queue as the report presents it: its results beside its colour, anchor and configuration. */
export interface QueueView {
  name: string;
  index: number;
  color: string;
  /** HTML id of the queue's section. */
  anchor: string;
  result: QueueResult;
  topology: TopologyQueue | undefined;
  /** Issue 4's steady-state estimate of this queue (`result.analytic`) when a formula applies. */
  analytic: AnalyticComparison | undefined;
  /** Why there is no estimate, when the result says so. */
  noAnalyticReason: string | undefined;
  /** Measured arrival rate (producers, exchanges and `then` routes together), messages per second. */
  arrivalRate: number;
}

/** The queues of a report in scenario order. */
export function queueViews(input: ReportInput): QueueView[] {
  const seconds = input.result.measuredSeconds;
  // By name once: a find per queue is quadratic in a network of thousands of queues.
  const topologyByName = new Map<string, TopologyQueue>();
  for (const queue of input.topology.queues)
    if (!topologyByName.has(queue.name)) topologyByName.set(queue.name, queue);
  return Object.entries(input.result.queues).map(([name, result], index) => {
    const analytic = result.analytic;
    return {
      name,
      index,
      color: queueColor(index),
      anchor: htmlId('queue', index, name),
      result,
      topology: topologyByName.get(name),
      analytic: analytic && analytic.model !== null ? analytic : undefined,
      noAnalyticReason: analytic && analytic.model === null ? analytic.reason : undefined,
      arrivalRate: seconds > 0 ? result.arrivals / seconds : 0,
    };
  });
}

/** Messages a queue lost or dead-lettered: refused, dropped from the head, expired, exhausted. */
export function lostOrDeadLettered(queue: QueueResult): number {
  const { rejected, droppedHead, expired, exhausted, deadLettered } = queue.fates;
  return rejected + droppedHead + expired + exhausted + deadLettered;
}

/** Why a queue limits the system, or null when it has room to spare. */
export interface Bottleneck {
  view: QueueView;
  /** True when it loses messages or its consumers are ≥ 80 % busy; otherwise it is just the busiest. */
  saturated: boolean;
  reason: string;
}

/** The queue under the most pressure: the most messages lost or dead-lettered, then the busiest consumers. */

/** Consumers this busy (a share of their time) leave a pool little room: waits grow steeply past it. */
export const SATURATED_UTILIZATION = 0.8;

/** A partition whose mean lag is this many times the topic's mean is a bottleneck of its own. */
const HOT_PARTITION_LAG_RATIO = 3;

/** The share of a queue's arrivals lost or dead-lettered. */
function lossShare(view: QueueView): number {
  return view.result.arrivals > 0 ? lostOrDeadLettered(view.result) / view.result.arrivals : 0;
}

/** How hard a queue is pressed: losses weigh ten times busy consumers (the bottleneck's and ranking's score). */
export function pressureScore(view: QueueView): number {
  // Hitting the autoscaler's max or a hot partition counts as a full pool.
  const pressure = Math.max(
    busiestUtilization(view.result) ?? 0,
    reachedMax(view.result) || hotPartitionOf(view.result) ? 1 : 0,
  );
  return lossShare(view) * 10 + pressure;
}

/** The queue with the highest pressure score, and why; null when none is pressed at all. */
export function findBottleneck(views: QueueView[]): Bottleneck | null {
  let worst: QueueView | null = null;
  let worstScore = 0;
  for (const view of views) {
    const score = pressureScore(view);
    if (score > worstScore) {
      worst = view;
      worstScore = score;
    }
  }
  if (!worst) return null;
  const { autoscale, partitions } = worst.result;
  const utilization = busiestUtilization(worst.result);
  const busiest = partitions?.busiestConsumer;
  const lost = lossShare(worst);
  const hot = hotPartitionOf(worst.result);
  const atMax = reachedMax(worst.result);
  const reasons = [
    utilization === null
      ? ''
      : busiest
        ? `consumer ${busiest.consumer} ${formatPercent(utilization)} busy (the group ${formatPercent(worst.result.utilization ?? 0)} on average)`
        : `consumers ${formatPercent(utilization)} busy`,
    partitions && !partitions.assignment.even ? unevenAssignmentText(partitions) : '',
    lost > 0 ? `${formatPercent(lost)} of arrivals lost or dead-lettered` : '',
    atMax && autoscale ? `the autoscaler reached its max of ${autoscale.range[1]} consumers` : '',
    hot
      ? `hot partition ${hot.partition} takes ${formatPercent(hot.shareOfArrivals)} of arrivals, its lag ${formatNumber(hot.lagRatio)}× the mean`
      : '',
  ];
  return {
    view: worst,
    saturated: lost > 0 || (utilization ?? 0) >= SATURATED_UTILIZATION || atMax || hot !== null,
    reason: reasons.filter(Boolean).join(', '),
  };
}

/**
 * The waiting room in words: "capacity 300", "capacity 8 MB", "capacity 300 · 8 MB" or "unbounded"; a
 * queue bounded only by `capacity-bytes` is bounded.
 */
export function describeRoom(view: QueueView, countWord = 'capacity '): string {
  const count = view.result.capacity;
  const bytes = view.topology?.capacityBytes ?? null;
  if (count === null && bytes === null) return 'unbounded';
  return `${countWord}${[count === null ? '' : formatCount(count), bytes === null ? '' : formatBytes(bytes)]
    .filter(Boolean)
    .join(' · ')}`;
}

/** The pool whose consumers are busiest (a topic by its busiest consumer); null when no queue has consumers. */
export function busiestPool(views: QueueView[]): { view: QueueView; utilization: number } | null {
  let busiest: { view: QueueView; utilization: number } | null = null;
  for (const view of views) {
    const utilization = busiestUtilization(view.result);
    if (utilization !== null && (busiest === null || utilization > busiest.utilization))
      busiest = { view, utilization };
  }
  return busiest;
}

/** How busy a queue's consumers are for its verdict: a topic's busiest consumer, else the pool's mean. */
export function busiestUtilization(result: QueueResult): number | null {
  return result.busiestConsumerUtilization ?? result.utilization;
}

/** An autoscaled pool's utilisation says little: scaling to its max says it ran out of room to grow. */
function reachedMax(result: QueueResult): boolean {
  return result.autoscale !== undefined && result.autoscale.peakConsumers >= result.autoscale.range[1];
}

/** A topic's hot partition when its lag stands out (the average hides it: one consumer can saturate alone). */
function hotPartitionOf(
  result: QueueResult,
): { partition: number; shareOfArrivals: number; lagRatio: number } | null {
  const hot = result.partitions?.hotPartition;
  if (!hot || hot.lagRatio === null || hot.lagRatio < HOT_PARTITION_LAG_RATIO) return null;
  return { partition: hot.partition, shareOfArrivals: hot.shareOfArrivals, lagRatio: hot.lagRatio };
}
