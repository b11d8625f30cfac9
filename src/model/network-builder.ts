import type { RandomStream, Simulation } from '../engine/index.js';
import { OnOffInterarrival } from './on-off-arrivals.js';
import { ScheduledInterarrival } from './scheduled-arrivals.js';
import { TraceArrivals } from './trace-arrivals.js';
import { FlowCollector, PartitionCollector, QueueCollector } from '../metrics/index.js';
import type { OverflowPolicy, QueueSpec, Scenario } from '../scenario/types.js';
import { Autoscaler } from './autoscaler.js';
import { ConsumerPool } from './consumer-pool.js';
import type { Destination } from './destination.js';
import type { ElasticConsumers } from './elastic-consumers.js';
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
  /** Queues and topics by destination number: both take deliveries and have elastic consumers. */
  queues: Array<Destination & ElasticConsumers>;
  /** The topic at each destination number, or null for a plain queue. */
  topics: Array<Topic | null>;
  /** Per-partition statistics of each topic (null for a plain queue). */
  partitionCollectors: Array<PartitionCollector | null>;
  exchanges: Exchange[];
  queueCollectors: QueueCollector[];
  flowCollectors: FlowCollector[];
  /** Each queue's autoscaler, or null for a fixed pool (by queue index). */
  autoscalers: Array<Autoscaler | null>;
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
  const totalWorkers = scenario.queues.reduce((sum, queue) => sum + workerSlots(queue), 0);
  const publisherQueue = new Int32Array(scenario.producers.length + totalWorkers);
  const publisherWorker = new Int32Array(scenario.producers.length + totalWorkers);
  const context = { ...shared, flows: flowCollectors };

  let firstPublisher = scenario.producers.length;
  const topics: Array<Topic | null> = scenario.queues.map(() => null);
  const partitionCollectors: Array<PartitionCollector | null> = scenario.queues.map(() => null);
  const queues = scenario.queues.map((spec, index): Destination & ElasticConsumers => {
    const stream = (purpose: string) => shared.random(`queue:${spec.name}/${purpose}`);
    const service = spec.service ? distributionFromSpec(spec.service) : null;
    const slots = workerSlots(spec);
    queueCollectors[index].consumersChanged(0, spec.consumers);
    const onward = new OnwardRoutes(
      spec.then.map((route) => ({ destination: destinationOf(route.to), probability: route.probability })),
      stream('route'),
    );
    for (let worker = 0; worker < slots; worker++) {
      publisherQueue[firstPublisher + worker] = index;
      publisherWorker[firstPublisher + worker] = worker;
    }
    if (spec.topic) {
      const topic = spec.topic;
      const partitions = new PartitionCollector(topic.partitions, slots);
      const built = new Topic(
        {
          name: spec.name,
          index,
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
      firstPublisher += slots;
      topics[index] = built;
      partitionCollectors[index] = partitions;
      return built;
    }
    const consumers = new ConsumerPool(spec.consumers, spec.prefetch, service, stream('service'), slots);
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
    firstPublisher += slots;
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
    const trace = spec.trace ? new TraceArrivals(spec.trace, shared.simulation, typeOf, priorityOf) : null;
    // A typed trace sets each record's type; the written mix serves only records without one.
    const shares = spec.trace?.typed ? spec.trace.fallbackTypes : spec.types;
    let cumulative = 0;
    const mix: TypeMix | null =
      shares.length === 0
        ? spec.trace?.typed
          ? UNTYPED_MIX // the trace types its messages; a record without a type stays untyped
          : null
        : {
            types: Int32Array.from(shares.map((share) => typeOf(share.type))),
            cumulative: Float64Array.from(shares.map((share) => (cumulative += share.probability))),
            priorities: Int32Array.from(shares.map((share) => priorityOf.get(share.type) ?? 0)),
          };
    const size = spec.messageBytes ? distributionFromSpec(spec.messageBytes) : null;
    const destination = destinationOf(spec.to);
    return new Producer(
      spec.name,
      index,
      destination,
      destination < queues.length ? queues[destination] : null,
      trace ??
        (spec.onOff
          ? new OnOffInterarrival(spec.onOff, shared.simulation)
          : spec.schedule
            ? new ScheduledInterarrival(
                spec.schedule,
                distributionFromSpec(spec.interarrival).mean,
                shared.simulation,
              )
            : distributionFromSpec(spec.interarrival)),
      stream('interarrival'),
      mix,
      stream('types'),
      spec.trace?.typed ? trace : null,
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

  const autoscalers = scenario.queues.map((spec, index) =>
    spec.autoscale
      ? new Autoscaler(
          spec.autoscale,
          spec.consumers,
          index,
          queues[index],
          queueCollectors[index],
          shared.simulation,
        )
      : null,
  );

  return {
    producers,
    queues,
    topics,
    partitionCollectors,
    exchanges,
    queueCollectors,
    flowCollectors,
    autoscalers,
    publisherQueue,
    publisherWorker,
  };
}

/**
 * Worker slots a queue's pool needs: its consumers, or for an autoscaled pool twice its max — removed
 * workers that are finishing a message still hold a slot while their replacements start.
 */
function workerSlots(queue: QueueSpec): number {
  if (!queue.autoscale) return queue.consumers;
  // A topic's group reuses a leaving consumer's place (topic.ts): its max is enough.
  if (queue.topic) return Math.max(queue.consumers, queue.autoscale.max);
  return Math.max(queue.consumers, 2 * queue.autoscale.max);
}

/** A mix that always draws "untyped" (type -1, priority 0). */
const UNTYPED_MIX: TypeMix = {
  types: Int32Array.of(-1),
  cumulative: Float64Array.of(1),
  priorities: Int32Array.of(0),
};

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
