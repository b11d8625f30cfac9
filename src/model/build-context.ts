import type { RandomStream, Simulation } from '../engine/index.js';
import { FlowCollector, QueueCollector, timeSeriesBinsFor } from '../metrics/index.js';
import type { Scenario } from '../scenario/types.js';
import type { DuplicateGroups } from './duplicate-groups.js';
import type { MessagePool } from './message-pool.js';
import type { QueueContext } from './queue-context.js';
import { hasRoutes } from './route-table.js';
import { RouteTracking } from './route-tracking.js';
import type { MessageRouter } from './routing.js';

/** What every component shares. */
export interface SharedParts {
  simulation: Simulation;
  messages: MessagePool;
  duplicates: DuplicateGroups;
  router: MessageRouter;
  /** The random stream of a component, by its stable name. */
  random: (streamName: string) => RandomStream;
}

/** What the per-component factories read while a network is built. */
export interface BuildContext {
  shared: SharedParts;
  /** The shared parts a queue or topic works with (with the flows' collectors). */
  context: QueueContext;
  /** A queue's or exchange's destination number (queues first, then exchanges). */
  destinationOf: (name: string) => number;
  /** A message type's index (types are numbered as first met). */
  typeOf: (name: string) => number;
  /** The types numbered so far, by index. */
  typeNames: readonly string[];
  /** Each named type's priority. */
  priorityOf: ReadonlyMap<string, number>;
  flowCollectors: FlowCollector[];
  queueCollectors: QueueCollector[];
}

/** The build context of a scenario: type and destination numbering, collectors, the queues' context. */
export function buildContext(scenario: Scenario, shared: SharedParts): BuildContext {
  const typeIndex = new Map<string, number>();
  const typeNames: string[] = [];
  const typeOf = (name: string) => {
    if (!typeIndex.has(name)) {
      typeIndex.set(name, typeIndex.size);
      typeNames.push(name);
    }
    return typeIndex.get(name) as number;
  };
  scenario.messageTypes.forEach((type) => typeOf(type.name));
  scenario.producers.forEach((producer) => producer.types.forEach((share) => typeOf(share.type)));
  const flowCollectors = scenario.producers.map(() => new FlowCollector());
  // A large network gets a coarser grid, so the series' memory stays bounded whatever its size.
  const timeSeriesBins = timeSeriesBinsFor(scenario.queues.length);
  return {
    shared,
    context: {
      ...shared,
      flows: flowCollectors,
      routes: hasRoutes(scenario) ? new RouteTracking(scenario) : null,
    },
    destinationOf: destinationIndex(scenario),
    typeOf,
    typeNames,
    priorityOf: new Map(scenario.messageTypes.map((type) => [type.name, type.priority])),
    flowCollectors,
    queueCollectors: scenario.queues.map(() => new QueueCollector({ timeSeriesBins })),
  };
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
