import type { QueueSpec, Scenario } from '../../src/scenario/types.js';

/** The message-queue settings of a plain FIFO queue (no TTL, failures, prefetch or routes). */
export const QUEUE_DEFAULTS: Omit<QueueSpec, 'name' | 'capacity' | 'overflow' | 'consumers' | 'service'> = {
  capacityBytes: null,
  ttlSeconds: null,
  deadLetter: null,
  prefetch: 1,
  failureProbability: 0,
  retry: { maxAttempts: null, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null },
  timeoutSeconds: null,
  maxPriority: 0,
  then: [],
};

/** A scenario without exchanges or declared message types. */
export const SCENARIO_DEFAULTS: Pick<Scenario, 'exchanges' | 'messageTypes'> = {
  exchanges: [],
  messageTypes: [],
};
