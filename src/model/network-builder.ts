import type { FlowCollector, PartitionCollector, QueueCollector } from '../metrics/index.js';
import { topicMatches } from '../scenario/topic-pattern.js';
import type { BindingSpec, Scenario } from '../scenario/types.js';
import { Autoscaler } from './autoscaler.js';
import { buildContext, type BuildContext, type SharedParts } from './build-context.js';
import type { Destination } from './destination.js';
import type { ElasticConsumers } from './elastic-consumers.js';
import { Exchange } from './exchange.js';
import { buildProducer } from './producer-factory.js';
import type { RouteTracking } from './route-tracking.js';
import type { Producer } from './producer.js';
import { buildQueue, buildTopic, workerSlots } from './station-factory.js';
import type { Topic } from './topic.js';

export type { SharedParts } from './build-context.js';

export interface NetworkComponents {
  producers: Producer[];
  /** Queues and topics by destination number: both take deliveries and have elastic consumers. */
  queues: Array<Destination & ElasticConsumers>;
  /** The topic at each destination number, or null for a plain queue. */
  topics: Array<Topic | null>;
  /** Per-partition statistics of each topic (null for a plain queue). */
  partitionCollectors: Array<PartitionCollector | null>;
  exchanges: Exchange[];
  queueCollectors: QueueCollector[];
  flowCollectors: FlowCollector[];
  /** Per-route tracking when the scenario has `then` routes, else null. */
  routes: RouteTracking | null;
  /** Each queue's autoscaler, or null for a fixed pool (by queue index). */
  autoscalers: Array<Autoscaler | null>;
  /** For publisher codes of workers (≥ number of producers): their queue and worker index. */
  publisherQueue: Int32Array;
  publisherWorker: Int32Array;
}

/**
 * Builds the components of a (validated) scenario. Destinations are numbered queues first, then
 * exchanges; publisher codes are producers first, then every queue's workers.
 */
export function buildComponents(scenario: Scenario, shared: SharedParts): NetworkComponents {
  const build = buildContext(scenario, shared);
  const stations = buildStations(scenario, build);
  const { queues } = stations;
  const exchanges = buildExchanges(scenario, build);
  const producers = scenario.producers.map((spec, index) => buildProducer(spec, index, queues, build));
  const autoscalers = scenario.queues.map((spec, index) =>
    spec.autoscale
      ? new Autoscaler(
          spec.autoscale,
          spec.consumers,
          index,
          queues[index],
          build.queueCollectors[index],
          shared.simulation,
        )
      : null,
  );
  return {
    ...stations,
    producers,
    exchanges,
    queueCollectors: build.queueCollectors,
    flowCollectors: build.flowCollectors,
    routes: build.context.routes,
    autoscalers,
  };
}

/** The queues and topics, by destination number, with the publisher codes of their workers. */
function buildStations(scenario: Scenario, build: BuildContext) {
  const totalWorkers = scenario.queues.reduce((sum, queue) => sum + workerSlots(queue), 0);
  const publisherQueue = new Int32Array(scenario.producers.length + totalWorkers);
  const publisherWorker = new Int32Array(scenario.producers.length + totalWorkers);
  let firstPublisher = scenario.producers.length;
  const topics: Array<Topic | null> = scenario.queues.map(() => null);
  const partitionCollectors: Array<PartitionCollector | null> = scenario.queues.map(() => null);
  const queues = scenario.queues.map((spec, index): Destination & ElasticConsumers => {
    const slots = workerSlots(spec);
    build.queueCollectors[index].consumersChanged(0, spec.consumers);
    for (let worker = 0; worker < slots; worker++) {
      publisherQueue[firstPublisher + worker] = index;
      publisherWorker[firstPublisher + worker] = worker;
    }
    const place = { index, firstPublisher };
    firstPublisher += slots;
    if (!spec.topic) return buildQueue(spec, place, build);
    const { topic, partitions } = buildTopic({ ...spec, topic: spec.topic }, place, build);
    topics[index] = topic;
    partitionCollectors[index] = partitions;
    return topic;
  });
  return { queues, topics, partitionCollectors, publisherQueue, publisherWorker };
}

/**
 * True when a binding sends messages of `type` to its queue: a direct binding names the type, a topic
 * binding has a pattern it matches (a queue bound by several matching patterns still gets one copy).
 */
function bindingRoutes(binding: BindingSpec, type: string): boolean {
  if (binding.patterns !== undefined) return binding.patterns.some((pattern) => topicMatches(pattern, type));
  return binding.types?.includes(type) ?? false;
}

/** The exchanges: fanout to every bound queue, or per message type to the queues bound for it. */
function buildExchanges(scenario: Scenario, build: BuildContext): Exchange[] {
  const types = [...build.typeNames];
  return scenario.exchanges.map((spec) => {
    const queuesOf = (bindings: typeof spec.bindings) =>
      Int32Array.from(bindings.map((binding) => build.destinationOf(binding.queue)));
    if (spec.type === 'fanout') return new Exchange(spec.name, queuesOf(spec.bindings), []);
    // Routing depends on the type alone, so each type's queues are found once here, not per message.
    const byType = types.map((type) =>
      queuesOf(spec.bindings.filter((binding) => bindingRoutes(binding, type))),
    );
    return new Exchange(spec.name, null, byType);
  });
}
