import { expect } from 'vitest';
import type { QueueResult } from '../../src/model/run-result.js';

/** Messages present in a queue: ready, in processing, prefetched, or awaiting redelivery. */
export function presentAtStart(queue: QueueResult): number {
  return queue.queuedAtStart + queue.inServiceAtStart + queue.bufferedAtStart + queue.delayedAtStart;
}

/** Messages present in a queue at the end of the run. */
export function presentAtEnd(queue: QueueResult): number {
  return queue.queuedAtEnd + queue.inServiceAtEnd + queue.bufferedAtEnd + queue.delayedAtEnd;
}

/**
 * Every message that entered a queue (new arrivals plus timeout copies) ended somewhere or is still
 * there: completed, dropped, expired, dead-lettered, abandoned, or present at the end.
 */
export function expectConserved(name: string, queue: QueueResult): void {
  const entered = queue.arrivals + queue.timeouts + presentAtStart(queue);
  const accounted =
    queue.completed +
    queue.dropped +
    queue.expired +
    queue.deadLettered +
    queue.fates.abandoned +
    presentAtEnd(queue);
  expect(accounted, `conservation at queue ${name}`).toBe(entered);
  const fates = queue.fates;
  expect(fates.rejected + fates.droppedHead + fates.exhausted, `dropped by reason at ${name}`).toBe(
    queue.dropped,
  );
  // The loss account: every message that left without being completed here, by exclusive reasons.
  const lostBy = queue.lostBy;
  expect(
    lostBy.rejected + lostBy.droppedHead + lostBy.expired + lostBy.exhausted + lostBy.deadLettered,
    `lost by reason at ${name}`,
  ).toBe(queue.lost);
  expect(queue.lost, `lost at ${name}`).toBe(queue.dropped + queue.expired + queue.deadLettered);
  expect(queue.lossRate, `lossRate at ${name}`).toBe(queue.arrivals > 0 ? queue.lost / queue.arrivals : 0);
  expect(queue.lossRate, `lossRate ≥ dropRate at ${name}`).toBeGreaterThanOrEqual(queue.dropRate);
}
