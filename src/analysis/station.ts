/** One queue seen as a service station: the traits the traffic equations and the estimates share. */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import type { DistributionSpec, QueueSpec } from '../scenario/types.js';
import { erlangB, mmck } from './closed-forms/index.js';
import { retryMoments } from './retry-moments.js';

/** True when the distribution is exponential, whatever family it was written as. */
export function isExponential(spec: DistributionSpec): boolean {
  switch (spec.kind) {
    case 'exponential':
      return true;
    case 'erlang':
      return spec.k === 1;
    case 'gamma':
      return spec.cv === 1;
    case 'weibull':
      return spec.shape === 1;
    default:
      return false;
  }
}

/**
 * Probability that an arriving message is lost for want of room, with `attemptRate` attempts per second
 * offered: Erlang B for capacity 0 (any service law), M/M/c/K blocking for exponential service; other
 * bounded queues (and byte limits) have no closed form, and their losses are ignored (0).
 */
export function lossProbability(queue: QueueSpec, attemptRate: number): number {
  if (queue.service === null || queue.consumers === 0 || queue.capacity === null) return 0;
  const mean = distributionFromSpec(queue.service).mean;
  if (queue.capacity === 0 && queue.prefetch === 1) return erlangB(queue.consumers, attemptRate * mean);
  if (!isExponential(queue.service)) return 0;
  const servers = queue.consumers;
  // Messages held by consumers (up to `prefetch` each) do not count against `capacity`.
  const systemCapacity = servers * queue.prefetch + queue.capacity;
  return mmck({ arrivalRate: attemptRate, serviceRate: 1 / mean, servers, systemCapacity })
    .blockingProbability;
}

/** What a queue offered `arrivalRate` messages per second completes (per second) and how busy it is. */
export function serve(queue: QueueSpec, arrivalRate: number): { completed: number; utilization: number } {
  if (queue.service === null || queue.consumers === 0) return { completed: 0, utilization: 0 };
  const retry = retryMoments(queue.failureProbability, queue.retry);
  const mean = distributionFromSpec(queue.service).mean;
  const accepted = arrivalRate * (1 - lossProbability(queue, arrivalRate * retry.attempts));
  // Saturated consumers finish c/(E[S]·E[attempts]) messages per second, whatever is offered.
  const messages = Math.min(accepted, queue.consumers / (mean * retry.attempts));
  return {
    completed: messages * retry.success,
    utilization: (messages * retry.attempts * mean) / queue.consumers,
  };
}

/** Exponential consumers, unbounded, nothing lost or repeated: a station of a Jackson network. */
export function isJacksonStation(queue: QueueSpec): boolean {
  return (
    queue.consumers > 0 &&
    queue.service !== null &&
    isExponential(queue.service) &&
    queue.capacity === null &&
    queue.capacityBytes === null &&
    queue.failureProbability === 0 &&
    queue.ttlSeconds === null &&
    queue.timeoutSeconds === null
  );
}

/** True when the queue can send messages to its dead-letter queue (capacity, TTL or exhausted retries). */
export function mayDeadLetter(queue: QueueSpec): boolean {
  if (queue.deadLetter === null) return false;
  const exhausts = queue.failureProbability > 0 && queue.retry.maxAttempts !== null;
  return queue.capacity !== null || queue.capacityBytes !== null || queue.ttlSeconds !== null || exhausts;
}
