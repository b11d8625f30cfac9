import { topicMatches } from '../scenario/topic-pattern.js';
import type { BindingSpec, ExchangeSpec, Scenario } from '../scenario/types.js';
import { distributionFromSpec } from './distribution-from-spec.js';

/** A producer as the report draws it: where it publishes and how fast on average. */
export interface TopologyProducer {
  name: string;
  /** The queue or exchange it publishes to. */
  to: string;
  /** Offered rate, messages per second (1 / mean inter-arrival time). */
  ratePerSecond: number;
  /** The inter-arrival law, e.g. "exponential(mean 20ms)". */
  interarrival: string;
}

/** A queue and its consumer pool as the report draws them. */
export interface TopologyQueue {
  name: string;
  consumers: number;
  /** Waiting room; null when unbounded. */
  capacity: number | null;
  /** Bytes that may wait (`capacity-bytes`); null or absent = no byte limit. */
  capacityBytes?: number | null;
  /** Mean service time, seconds; null without consumers. */
  meanServiceSeconds: number | null;
  /** The service law, e.g. "lognormal(mean 60ms, cv 1.5)"; null without consumers. */
  service: string | null;
}

/** A binding of an exchange to a queue, with the offered rate it carries. */
export interface TopologyBinding {
  queue: string;
  /** Message types bound (direct); null = every message (fanout) or by patterns (topic). */
  types: string[] | null;
  /** Topic exchanges: the binding patterns (absent otherwise). */
  patterns?: string[];
  /** Messages per second the producers' offered rates and type mixes send along this binding. */
  ratePerSecond: number;
}

/** An exchange as the report draws it. */
export interface TopologyExchange {
  name: string;
  type: 'fanout' | 'direct' | 'topic';
  bindings: TopologyBinding[];
  /** Messages per second the producers offer to the exchange. */
  ratePerSecond: number;
}

/**
 * A queue-to-queue edge: a `then` route taken by a share of the finished messages, or the dead-letter
 * queue that receives the queue's refused, dropped, expired and exhausted messages.
 */
export interface TopologyRoute {
  kind: 'then' | 'dead-letter';
  from: string;
  /** A queue or an exchange. */
  to: string;
  /** `then`: share of the finished messages routed here; dead-letter: null. */
  probability: number | null;
}

/** The shape of a network (producers → exchanges → queues → consumers): plain data for diagrams. */
export interface Topology {
  producers: TopologyProducer[];
  exchanges: TopologyExchange[];
  queues: TopologyQueue[];
  routes: TopologyRoute[];
}

/** Describes the network a scenario builds, with the offered rates and service laws. */
export function describeTopology(scenario: Scenario): Topology {
  const producers = scenario.producers.map((producer) => {
    const interarrival = distributionFromSpec(producer.interarrival);
    return {
      name: producer.name,
      to: producer.to,
      // Messages per second: arrival events times the mean batch.
      ratePerSecond:
        (producer.batch ? Math.max(1, distributionFromSpec(producer.batch).mean) : 1) / interarrival.mean,
      interarrival: interarrival.label,
    };
  });
  const exchanges = describeExchanges(scenario, producers);
  const routes = describeRoutes(scenario);
  return {
    producers,
    exchanges,
    queues: scenario.queues.map((queue) => {
      const service = queue.service ? distributionFromSpec(queue.service) : null;
      return {
        name: queue.name,
        consumers: queue.consumers,
        capacity: queue.capacity,
        capacityBytes: queue.capacityBytes,
        meanServiceSeconds: service ? service.mean : null,
        service: service ? service.label : null,
      };
    }),
    routes,
  };
}

/** The offered rate along one binding: all of it (fanout), or that of the types it routes. */
function bindingRate(
  type: ExchangeSpec['type'],
  binding: BindingSpec,
  byType: ReadonlyMap<string, number>,
  total: number,
): number {
  if (binding.patterns !== undefined) {
    const { patterns } = binding;
    let sum = 0;
    // Untyped messages ('') have no routing key here: unroutable at a topic exchange, as at a direct one.
    for (const [name, rate] of byType) {
      if (name !== '' && patterns.some((p) => topicMatches(p, name))) sum += rate;
    }
    return sum;
  }
  if (type === 'fanout' || binding.types === null) return total;
  return binding.types.reduce((sum, name) => sum + (byType.get(name) ?? 0), 0);
}

/** Each exchange with the rate offered to it and passed to each binding (by message type for direct). */
function describeExchanges(scenario: Scenario, producers: TopologyProducer[]): TopologyExchange[] {
  return scenario.exchanges.map((exchange) => {
    // Offered rate per message type into the exchange ('' for untyped messages).
    const byType = new Map<string, number>();
    let total = 0;
    scenario.producers.forEach((producer, index) => {
      if (producer.to !== exchange.name) return;
      const rate = producers[index].ratePerSecond;
      total += rate;
      const mix = producer.types.length > 0 ? producer.types : [{ type: '', probability: 1 }];
      for (const share of mix)
        byType.set(share.type, (byType.get(share.type) ?? 0) + rate * share.probability);
    });
    return {
      name: exchange.name,
      type: exchange.type,
      ratePerSecond: total,
      bindings: exchange.bindings.map((binding) => ({
        queue: binding.queue,
        types: binding.types,
        ...(binding.patterns !== undefined ? { patterns: binding.patterns } : {}),
        ratePerSecond: bindingRate(exchange.type, binding, byType, total),
      })),
    };
  });
}

/** The onward (`then:`) and dead-letter routes between queues. */
function describeRoutes(scenario: Scenario): TopologyRoute[] {
  return scenario.queues.flatMap((queue) => [
    ...queue.then.map((route) => ({
      kind: 'then' as const,
      from: queue.name,
      to: route.to,
      probability: route.probability,
    })),
    ...(queue.deadLetter
      ? [{ kind: 'dead-letter' as const, from: queue.name, to: queue.deadLetter, probability: null }]
      : []),
  ]);
}
