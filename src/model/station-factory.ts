import { PartitionCollector } from '../metrics/index.js';
import type { OverflowPolicy, QueueSpec, TopicSpec } from '../scenario/types.js';
import type { BuildContext } from './build-context.js';
import { ConsumerPool } from './consumer-pool.js';
import { distributionFromSpec } from './distribution-from-spec.js';
import { OVERFLOW_BLOCK, OVERFLOW_DROP_OLDEST, OVERFLOW_REJECT_NEW } from './events.js';
import { KeySampler } from './key-sampler.js';
import { OnwardRoutes } from './onward-routes.js';
import { Queue } from './queue.js';
import { RetryPolicy } from './retry-policy.js';
import { Topic } from './topic.js';

const OVERFLOW_CODES: Record<OverflowPolicy, number> = {
  'reject-new': OVERFLOW_REJECT_NEW,
  'drop-oldest': OVERFLOW_DROP_OLDEST,
  block: OVERFLOW_BLOCK,
};

/** Where a queue or topic sits in the network. */
export interface StationPlace {
  /** Its destination number and event target. */
  index: number;
  /** Publisher code of its worker 0 (its workers publish onward as `firstPublisher + worker`). */
  firstPublisher: number;
}

/**
 * Worker slots a queue's pool needs: its consumers, or for an autoscaled pool twice its max — removed
 * workers that are finishing a message still hold a slot while their replacements start.
 */
export function workerSlots(queue: QueueSpec): number {
  if (!queue.autoscale) return queue.consumers;
  // A topic's group reuses a leaving consumer's place (topic.ts): its max is enough.
  if (queue.topic) return Math.max(queue.consumers, queue.autoscale.max);
  return Math.max(queue.consumers, 2 * queue.autoscale.max);
}

/** The parts queues and topics build alike: the stream namer, onward routes, retries, dead-letter queue. */
function commonParts(spec: QueueSpec, build: BuildContext) {
  const stream = (purpose: string) => build.shared.random(`queue:${spec.name}/${purpose}`);
  const onward = new OnwardRoutes(
    spec.then.map((route) => ({
      destination: build.destinationOf(route.to),
      probability: route.probability,
    })),
    stream('route'),
  );
  const deadLetter = spec.deadLetter === null ? -1 : build.destinationOf(spec.deadLetter);
  return { stream, onward, retry: new RetryPolicy(spec.retry), deadLetter };
}

/** A plain (RabbitMQ/SQS-style) queue and its consumer pool. */
export function buildQueue(spec: QueueSpec, place: StationPlace, build: BuildContext): Queue {
  const { stream, onward, retry, deadLetter } = commonParts(spec, build);
  const service = spec.service ? distributionFromSpec(spec.service) : null;
  const consumers = new ConsumerPool(
    spec.consumers,
    spec.prefetch,
    service,
    stream('service'),
    workerSlots(spec),
  );
  const settings = {
    name: spec.name,
    index: place.index,
    capacity: spec.capacity ?? Infinity,
    capacityBytes: spec.capacityBytes ?? Infinity,
    overflow: OVERFLOW_CODES[spec.overflow],
    ttlSeconds: spec.ttlSeconds,
    timeoutSeconds: spec.timeoutSeconds,
    failureProbability: spec.failureProbability,
    priorityLevels: spec.maxPriority + 1,
    deadLetter,
    firstPublisher: place.firstPublisher,
  };
  const probe = build.queueCollectors[place.index];
  const failureRandom = stream('failure');
  return new Queue({ settings, consumers, retry, onward, failureRandom, context: build.context, probe });
}

/** A Kafka-style topic, its consumer group and its per-partition statistics. */
export function buildTopic(
  spec: QueueSpec & { topic: TopicSpec },
  place: StationPlace,
  build: BuildContext,
): { topic: Topic; partitions: PartitionCollector } {
  const { stream, onward, retry, deadLetter } = commonParts(spec, build);
  const service = spec.service ? distributionFromSpec(spec.service) : null;
  const { topic } = spec;
  const slots = workerSlots(spec);
  const partitions = new PartitionCollector(topic.partitions, slots);
  const settings = {
    name: spec.name,
    index: place.index,
    partitions: topic.partitions,
    consumers: spec.consumers,
    maxConsumers: slots,
    retentionSeconds: topic.retentionSeconds,
    rebalancePauseSeconds: topic.rebalancePauseSeconds,
    commitIntervalSeconds: topic.commitIntervalSeconds,
    assignor: topic.assignor,
    maxPollRecords: topic.maxPollRecords,
    initialRebalanceDelaySeconds: topic.initialRebalanceDelaySeconds,
    limitToPartitionsWithLag: topic.limitToPartitionsWithLag,
    failureProbability: spec.failureProbability,
    deadLetter,
    firstPublisher: place.firstPublisher,
  };
  const randomness = {
    // A topic without consumers never samples a service time.
    service: service ?? distributionFromSpec({ kind: 'constant', value: 0 }),
    serviceRandom: stream('service'),
    keys: topic.keyCount === null ? null : new KeySampler(topic.keyCount, topic.keySkew, topic.partitions),
    keyRandom: stream('keys'),
    failureRandom: stream('failure'),
  };
  const probe = build.queueCollectors[place.index];
  const built = new Topic({
    settings,
    random: randomness,
    retry,
    onward,
    context: build.context,
    probe,
    partitionProbe: partitions,
  });
  return { topic: built, partitions };
}
