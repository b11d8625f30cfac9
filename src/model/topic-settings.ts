import type { Distribution, RandomStream } from '../engine/index.js';
import type { PartitionCollector, QueueProbe } from '../metrics/index.js';
import type { Assignor } from '../scenario/types.js';
import type { KeySampler } from './key-sampler.js';
import type { OnwardRoutes } from './onward-routes.js';
import type { QueueContext } from './queue-context.js';
import type { RetryPolicy } from './retry-policy.js';

/** A topic's fixed configuration, resolved to numbers. */
export interface TopicSettings {
  name: string;
  /** Position in the network: the target of this topic's events and its destination number. */
  index: number;
  partitions: number;
  /** Consumers at the start. */
  consumers: number;
  /** The most consumers the group may grow to (per-consumer state and publisher codes are sized for them). */
  maxConsumers: number;
  retentionSeconds: number | null;
  /** Join/sync time of a rebalance, once the members holding records have finished them. */
  rebalancePauseSeconds: number;
  /** Auto-commit interval, seconds; 0 = a commit after every record. */
  commitIntervalSeconds: number;
  assignor: Assignor;
  /** Most records one poll returns (max.poll.records): what a member finishes before an eager rebalance. */
  maxPollRecords: number;
  /** The wait when a consumer joins an empty group (group.initial.rebalance.delay.ms). */
  initialRebalanceDelaySeconds: number;
  /** The scaler's lag is capped at target × partitions with lag (KEDA limitToPartitionsWithLag). */
  limitToPartitionsWithLag: boolean;
  failureProbability: number;
  /** Destination index of the dead-letter queue, or -1. */
  deadLetter: number;
  /** Publisher code of consumer 0 (consumers publish onward as `firstPublisher + consumer`). */
  firstPublisher: number;
}

/** The random streams and draws a topic uses. */
export interface TopicRandomness {
  service: Distribution;
  serviceRandom: RandomStream;
  /** Zipf key draws; null = no keys (a uniformly random partition per message). */
  keys: KeySampler | null;
  keyRandom: RandomStream;
  failureRandom: RandomStream;
}

/** What a topic is built from (station-factory.ts assembles it). */
export interface TopicParts {
  settings: TopicSettings;
  random: TopicRandomness;
  retry: RetryPolicy;
  onward: OnwardRoutes;
  context: QueueContext;
  probe: QueueProbe;
  partitionProbe: PartitionCollector;
}
