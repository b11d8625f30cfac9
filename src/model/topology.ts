import type { Scenario } from '../scenario/types.js';
import { distributionFromSpec } from './distribution-from-spec.js';

/** A producer as the report draws it: where it publishes and how fast on average. */
export interface TopologyProducer {
  name: string;
  /** The queue it publishes to. */
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
  /** Mean service time, seconds; null without consumers. */
  meanServiceSeconds: number | null;
  /** The service law, e.g. "lognormal(mean 60ms, cv 1.5)"; null without consumers. */
  service: string | null;
}

/** The shape of a network (producers → queues → consumers): plain data for diagrams. */
export interface Topology {
  producers: TopologyProducer[];
  queues: TopologyQueue[];
}

/** Describes the network a scenario builds, with the offered rates and service laws. */
export function describeTopology(scenario: Scenario): Topology {
  return {
    producers: scenario.producers.map((producer) => {
      const interarrival = distributionFromSpec(producer.interarrival);
      return {
        name: producer.name,
        to: producer.to,
        ratePerSecond: 1 / interarrival.mean,
        interarrival: interarrival.label,
      };
    }),
    queues: scenario.queues.map((queue) => {
      const service = queue.service ? distributionFromSpec(queue.service) : null;
      return {
        name: queue.name,
        consumers: queue.consumers,
        capacity: queue.capacity,
        meanServiceSeconds: service ? service.mean : null,
        service: service ? service.label : null,
      };
    }),
  };
}
