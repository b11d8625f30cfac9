/**
 * Queues that grow without end: unbounded queues offered more than their consumers can finish, found from
 * the traffic equations before a run starts, so the user hears why a run is slow and eats memory.
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import type { QueueSpec, Scenario } from '../scenario/types.js';
import { retryMoments } from './retry-moments.js';
import { solveTraffic } from './traffic-equations.js';

/** One queue whose backlog grows on average. */
export interface Overload {
  queue: string;
  /** Messages offered per second (long-run average). */
  offered: number;
  /** Most messages the consumers can finish per second (with the most consumers an autoscaler may add). */
  served: number;
}

/** Margin below which a queue counts as balanced (rounding in the traffic equations). */
const RELATIVE_MARGIN = 1e-9;

/** True when nothing bounds the queue's backlog: no capacity, no byte limit, no TTL or retention. */
function unbounded(queue: QueueSpec): boolean {
  if (queue.topic) return queue.topic.retentionSeconds === null;
  return queue.capacity === null && queue.capacityBytes === null && queue.ttlSeconds === null;
}

/** Messages per second the queue's consumers can finish at most (each attempt costs a service time). */
function capacityPerSecond(queue: QueueSpec): number {
  if (queue.service === null) return 0;
  const most = queue.autoscale ? Math.max(queue.autoscale.max, queue.consumers) : queue.consumers;
  const working = queue.topic ? Math.min(most, queue.topic.partitions) : most;
  const attempts = retryMoments(queue.failureProbability, queue.retry).attempts;
  return working / (distributionFromSpec(queue.service).mean * attempts);
}

/**
 * The unbounded queues offered more than they can serve, at the producers' long-run average rates (a
 * peak that passes is not an overload); most growth first. `traffic`: the solved traffic, when the caller
 * has it already.
 */
export function overloadedQueues(scenario: Scenario, traffic = solveTraffic(scenario)): Overload[] {
  const found: Overload[] = [];
  for (const queue of scenario.queues) {
    const offered = traffic.get(queue.name)?.arrivalRate ?? 0;
    if (offered === 0 || !unbounded(queue)) continue;
    const served = capacityPerSecond(queue);
    if (offered - served > RELATIVE_MARGIN * offered) found.push({ queue: queue.name, offered, served });
  }
  return found.sort((a, b) => b.offered - b.served - (a.offered - a.served));
}
