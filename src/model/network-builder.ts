import type { RandomStream, Simulation } from '../engine/index.js';
import { OnOffInterarrival } from './on-off-arrivals.js';
import { ScheduledInterarrival } from './scheduled-arrivals.js';
import { FlowCollector, PartitionCollector, QueueCollector } from '../metrics/index.js';
import type { OverflowPolicy, QueueSpec, Scenario } from '../scenario/types.js';
import { ConsumerPool } from './consumer-pool.js';
import type { Destination } from './destination.js';
import { distributionFromSpec } from './distribution-from-spec.js';
import type { DuplicateGroups } from './duplicate-groups.js';
import { OVERFLOW_BLOCK, OVERFLOW_DROP_OLDEST, OVERFLOW_REJECT_NEW } from './events.js';
import { Exchange } from './exchange.js';
import { KeySampler } from './key-sampler.js';
import type { MessagePool } from './message-pool.js';
import { OnwardRoutes } from './onward-routes.js';
import { Producer, type TypeMix } from './producer.js';
import { Queue } from './queue.js';
import { RetryPolicy } from './retry-policy.js';
import type { MessageRouter } from './routing.js';
import { Topic } from './topic.js';

/** What every component shares. */
export interface SharedParts {
  simulation: Simulation;
  messages: MessagePool;
  duplicates: DuplicateGroups;
  router: MessageRouter;
  /** The random stream of a component, by its stable name. */
  random: (streamName: string) => RandomStream;
}

export interface NetworkComponents {
  producers: Producer[];
  /** Queues and topics, by destination number. */
  queues: Destination[];
  /** The topic at each destination number, or null for a plain queue. */
  topics: Array<Topic | null>;
  /** Per-partition statistics of each topic (null for a plain queue). */
  partitionCollectors: Array<PartitionCollector | null>;
  exchanges: Exchange[];
  queueCollectors: QueueCollector[];
  flowCollectors: FlowCollector[];
  publisherQueue: Int32Array;
  publisherWorker: Int32Array;
}

const OVERFLOW_CODES: Record<OverflowPolicy, number> = {
  'reject-new': OVERFLOW_REJECT_NEW,
  'drop-oldest': OVERFLOW_DROP_OLDEST,
  block: OVERFLOW_BLOCK,
};

/**
 * Builds the components of a (validated) scenario. Destinations are numbered queues first, then
 * exchanges; publisher codes are producers first, then every queue's workers.
 */
export function buildComponents(scenario: Scenario, shared: SharedParts): NetworkComponents {
  const destinationOf = destinationIndex(scenario);
  const typeIndex = new Map<string, number>();
  const typeOf = (name: string) => {
    if (!typeIndex.has(name)) typeIndex.set(name, typeIndex.size);
    return typeIndex.get(name) as number;
  };
  const priorityOf = new Map(scenario.messageTypes.map((type) => [type.name, type.priority]));
  scenario.messageTypes.forEach((type) => typeOf(type.name));
  scenario.producers.forEach((producer) => producer.types.forEach((share) => typeOf(share.type)));

  const flowCollectors = scenario.producers.map(() => new FlowCollector());
  const queueCollectors = scenario.queues.map(() => new QueueCollector());
  const totalWorkers = scenario.queues.reduce((sum, queue) => sum + maxConsumersOf(queue), 0);
  const publisherQueue = new Int32Array(scenario.producers.length + totalWorkers);
  const publisherWorker = new Int32Array(scenario.producers.length + totalWorkers);
  const context = { ...shared, flows: flowCollectors };

  let firstPublisher = scenario.producers.length;
  const topics: Array<Topic | null> = scenario.queues.map(() => null);
  const partitionCollectors: Array<PartitionCollector | null> = scenario.queues.map(() => null);
  const queues = scenario.queues.map((spec, index): Destination => {
    const stream = (purpose: string) => shared.random(`queue:${spec.name}/${purpose}`);
    const service = spec.service ? distributionFromSpec(spec.service) : null;
    const onward = new OnwardRoutes(
      spec.then.map((route) => ({ destination: destinationOf(route.to), probability: route.probability })),
      stream('route'),
    );
    for (let worker = 0; worker < maxConsumersOf(spec); worker++) {
      publisherQueue[firstPublisher + worker] = index;
      publisherWorker[firstPublisher + worker] = worker;
    }
    if (spec.topic) {
      const topic = spec.topic;
      const partitions = new PartitionCollector(topic.partitions);
      const built = new Topic(
        {
          name: spec.name,
          index,
          partitions: topic.partitions,
          consumers: spec.consumers,
          maxConsumers: maxConsumersOf(spec),
          retentionSeconds: topic.retentionSeconds,
          rebalancePauseSeconds: topic.rebalancePauseSeconds,
          failureProbability: spec.failureProbability,
          deadLetter: spec.deadLetter === null ? -1 : destinationOf(spec.deadLetter),
          firstPublisher,
        },
        {
          // A topic without consumers never samples a service time.
          service: service ?? distributionFromSpec({ kind: 'constant', value: 0 }),
          serviceRandom: stream('service'),
          keys: topic.keyCount === null ? null : new KeySampler(topic.keyCount, topic.keySkew),
          keyRandom: stream('keys'),
          failureRandom: stream('failure'),
        },
        new RetryPolicy(spec.retry),
        onward,
        context,
        queueCollectors[index],
        partitions,
      );
      firstPublisher += maxConsumersOf(spec);
      topics[index] = built;
      partitionCollectors[index] = partitions;
      return built;
    }
    const consumers = new ConsumerPool(spec.consumers, spec.prefetch, service, stream('service'));
    const settings = {
      name: spec.name,
      index,
      capacity: spec.capacity ?? Infinity,
      capacityBytes: spec.capacityBytes ?? Infinity,
      overflow: OVERFLOW_CODES[spec.overflow],
      ttlSeconds: spec.ttlSeconds,
      timeoutSeconds: spec.timeoutSeconds,
      failureProbability: spec.failureProbability,
      priorityLevels: spec.maxPriority + 1,
      deadLetter: spec.deadLetter === null ? -1 : destinationOf(spec.deadLetter),
      firstPublisher,
    };
    firstPublisher += spec.consumers;
    const retry = new RetryPolicy(spec.retry);
    return new Queue(settings, consumers, retry, onward, stream('failure'), context, queueCollectors[index]);
  });

  const exchanges = scenario.exchanges.map((spec) => {
    const queuesOf = (bindings: typeof spec.bindings) =>
      Int32Array.from(bindings.map((binding) => destinationOf(binding.queue)));
    if (spec.type === 'fanout') return new Exchange(spec.name, queuesOf(spec.bindings), []);
    const byType = [...typeIndex.keys()].map((type) =>
      queuesOf(spec.bindings.filter((binding) => binding.types?.includes(type))),
    );
    return new Exchange(spec.name, null, byType);
  });

  const producers = scenario.producers.map((spec, index) => {
    const stream = (purpose: string) => shared.random(`producer:${spec.name}/${purpose}`);
    let cumulative = 0;
    const mix: TypeMix | null =
      spec.types.length === 0
        ? null
        : {
            types: Int32Array.from(spec.types.map((share) => typeOf(share.type))),
            cumulative: Float64Array.from(spec.types.map((share) => (cumulative += share.probability))),
            priorities: Int32Array.from(spec.types.map((share) => priorityOf.get(share.type) ?? 0)),
          };
    const size = spec.messageBytes ? distributionFromSpec(spec.messageBytes) : null;
    const destination = destinationOf(spec.to);
    return new Producer(
      spec.name,
      index,
      destination,
      destination < queues.length ? queues[destination] : null,
      spec.onOff
        ? new OnOffInterarrival(spec.onOff, shared.simulation)
        : spec.schedule
          ? new ScheduledInterarrival(
              spec.schedule,
              distributionFromSpec(spec.interarrival).mean,
              shared.simulation,
            )
          : distributionFromSpec(spec.interarrival),
      stream('interarrival'),
      mix,
      stream('types'),
      size,
      stream('size'),
      spec.batch ? distributionFromSpec(spec.batch) : null,
      stream('batch'),
      shared.simulation,
      shared.messages,
      shared.router,
      flowCollectors[index],
    );
  });

  return {
    producers,
    queues,
    topics,
    partitionCollectors,
    exchanges,
    queueCollectors,
    flowCollectors,
    publisherQueue,
    publisherWorker,
  };
}

/**
 * The most consumers a queue or topic can have during the run: per-consumer state and publisher codes are
 * allocated for this many (the scenario's `consumers` until an autoscaler sets a maximum).
 */
export function maxConsumersOf(spec: QueueSpec): number {
  return spec.consumers;
}

/** Maps a queue or exchange name to its destination number (queues first, then exchanges). */
function destinationIndex(scenario: Scenario): (name: string) => number {
  const index = new Map<string, number>();
  scenario.queues.forEach((queue, i) => index.set(queue.name, i));
  scenario.exchanges.forEach((exchange, i) => index.set(exchange.name, scenario.queues.length + i));
  return (name) => {
    const destination = index.get(name);
    if (destination === undefined) throw new Error(`network: unknown queue or exchange '${name}'`);
    return destination;
  };
}
