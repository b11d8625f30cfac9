import { emptyStatistics } from '../../src/scenario/index.js';
import { QUEUE_DEFAULTS } from './queue-defaults.js';
import type {
  DistributionSpec,
  ProducerSpec,
  QueueSpec,
  Scenario,
  StatisticsSpec,
  TopicSpec,
} from '../../src/scenario/types.js';

/** A queue with every issue-3 option at its default (FIFO, no TTL, no failures, prefetch 1). */
export function queueSpec(fields: Partial<QueueSpec> & Pick<QueueSpec, 'name'>): QueueSpec {
  return {
    capacity: null,
    overflow: 'reject-new',
    consumers: 0,
    service: null,
    ...QUEUE_DEFAULTS,
    ...fields,
  };
}

/** A Poisson producer with the given rate (per second). */
export function poissonProducer(
  name: string,
  to: string,
  ratePerSecond: number,
  fields: Partial<ProducerSpec> = {},
): ProducerSpec {
  return {
    name,
    to,
    interarrival: { kind: 'exponential', mean: 1 / ratePerSecond },
    types: [],
    messageBytes: null,
    ...fields,
  };
}

/** A scenario from its parts, with defaults for everything else. */
export function scenarioOf(fields: Partial<Scenario> & Pick<Scenario, 'producers' | 'queues'>): Scenario {
  return {
    name: 'test',
    description: '',
    seed: 1,
    durationSeconds: 1000,
    warmupSeconds: 0,
    exchanges: [],
    messageTypes: [],
    ...fields,
  };
}

export interface SingleQueueOptions {
  arrivalRate: number;
  service: DistributionSpec;
  consumers: number;
  /** Waiting room; null = unbounded. */
  capacity?: number | null;
  durationSeconds: number;
  warmupSeconds?: number;
  seed?: number;
  /** Further queue settings (overflow, failures, …). */
  queue?: Partial<QueueSpec>;
}

/** A scenario with one Poisson producer feeding one queue: the textbook single-station system. */
export function singleQueueScenario(options: SingleQueueOptions): Scenario {
  return scenarioOf({
    name: 'textbook',
    seed: options.seed ?? 1,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds ?? 0,
    producers: [poissonProducer('source', 'station', options.arrivalRate)],
    queues: [
      queueSpec({
        name: 'station',
        capacity: options.capacity ?? null,
        consumers: options.consumers,
        service: options.service,
        ...options.queue,
      }),
    ],
  });
}

/** Exponential service with the given rate per consumer. */
export function exponentialService(ratePerSecond: number): DistributionSpec {
  return { kind: 'exponential', mean: 1 / ratePerSecond };
}

/** Statistics settings: the given ones, nothing else. */
export function statistics(spec: Partial<StatisticsSpec>): StatisticsSpec {
  return { ...emptyStatistics(), ...spec };
}

/**
 * A topic: a queue spec with `topic` settings (no keys, no retention, a 3 s join time and a 3 s initial
 * delay by default; round-robin assignment and a commit per message unless a test asks for more).
 */
export function topicSpec(
  fields: Partial<QueueSpec> & Pick<QueueSpec, 'name' | 'consumers' | 'service'>,
  topic: Partial<TopicSpec> & Pick<TopicSpec, 'partitions'>,
): QueueSpec {
  return queueSpec({
    ...fields,
    topic: {
      keyCount: null,
      keySkew: 0,
      retentionSeconds: null,
      rebalancePauseSeconds: 3,
      commitIntervalSeconds: 0,
      assignor: 'round-robin',
      maxPollRecords: 500,
      initialRebalanceDelaySeconds: 3,
      limitToPartitionsWithLag: false,
      ...topic,
    },
  });
}
