/**
 * The routes of a scenario with `then` routes: every path of queues a message (or a fan-out copy) can take
 * from its producer, numbered once at build time as a tree (a trie) of paths. Route r's children are the
 * paths one queue longer; a message carries its route number in the message pool, and moving on from a
 * queue is a lookup among the few children of its route, so the run allocates nothing per message.
 * Routing cycles (a `then` back to an earlier queue) make the set of paths unbounded: paths longer than
 * MAX_ROUTE_QUEUES queues, or past the first MAX_ROUTES routes (a very wide network), are counted together
 * in their producer's "other routes" row.
 */
import type { Scenario } from '../scenario/types.js';

/** Longest path (in queues) given a row of its own. */
export const MAX_ROUTE_QUEUES = 16;
/** Most routes numbered (each producer's "other routes" row included). */
export const MAX_ROUTES = 4096;

/** A route's readable identity. */
export interface RouteName {
  /** `producer → queue → … → queue`. */
  name: string;
  producer: string;
  /** The queues in the order visited (empty for a producer's own start). */
  queues: string[];
}

/** The numbered routes of a scenario and the transitions between them. */
export class RouteTable {
  /** Route numbers 0…P−1 are the producers' starts (no queue yet): a new message's route is its flow. */
  readonly routes: RouteName[];
  private readonly childStart: Int32Array;
  private readonly childQueue: Int32Array;
  private readonly childRoute: Int32Array;
  /** Each route's producer's "other routes" row. */
  private readonly longer: Int32Array;

  /** Numbers the paths of `scenario` from every producer, depth first in the order written. */
  constructor(scenario: Scenario) {
    const paths = enumeratePaths(scenario);
    const nodes = paths.nodes;
    this.routes = nodes.map((node) => node.name);
    this.childStart = new Int32Array(nodes.length + 1);
    const queues: number[] = [];
    const routes: number[] = [];
    nodes.forEach((node, route) => {
      this.childStart[route] = queues.length;
      for (const [queue, child] of node.children) {
        queues.push(queue);
        routes.push(child);
      }
    });
    this.childStart[nodes.length] = queues.length;
    this.childQueue = Int32Array.from(queues);
    this.childRoute = Int32Array.from(routes);
    this.longer = Int32Array.from(nodes.map((node) => paths.longerOf[node.producer]));
  }

  /** The route of a message on `route` once it has been through queue `queue` (`queue`: destination number). */
  next(route: number, queue: number): number {
    const end = this.childStart[route + 1];
    for (let i = this.childStart[route]; i < end; i++) {
      if (this.childQueue[i] === queue) return this.childRoute[i];
    }
    return this.longer[route];
  }
}

/** True when the scenario has `then` routes: only then are routes tracked (plain runs pay nothing). */
export function hasRoutes(scenario: Scenario): boolean {
  return scenario.queues.some((queue) => queue.then.length > 0);
}

interface PathNode {
  name: RouteName;
  producer: number;
  depth: number;
  children: Map<number, number>;
}

/** Depth-first numbering of every path, capped; each producer's "other routes" row comes last. */
function enumeratePaths(scenario: Scenario): { nodes: PathNode[]; longerOf: number[] } {
  const queueIndex = new Map(scenario.queues.map((queue, i) => [queue.name, i]));
  const exchanges = new Map(scenario.exchanges.map((exchange) => [exchange.name, exchange]));
  /** The queues a publish to `to` reaches (every binding of an exchange: a superset for direct ones). */
  const reached = (to: string): number[] => {
    const queue = queueIndex.get(to);
    if (queue !== undefined) return [queue];
    const exchange = exchanges.get(to);
    const bound = exchange ? exchange.bindings.map((binding) => queueIndex.get(binding.queue)) : [];
    return [...new Set(bound.filter((index): index is number => index !== undefined))];
  };
  const nodes: PathNode[] = scenario.producers.map((producer, index) => ({
    name: { name: producer.name, producer: producer.name, queues: [] },
    producer: index,
    depth: 0,
    children: new Map(),
  }));
  const grow = (parent: number, targets: number[]): void => {
    const node = nodes[parent];
    if (node.depth >= MAX_ROUTE_QUEUES) return;
    for (const queue of targets) {
      if (nodes.length >= MAX_ROUTES - scenario.producers.length) return;
      if (node.children.has(queue)) continue;
      const spec = scenario.queues[queue];
      const queues = [...node.name.queues, spec.name];
      const name = [node.name.producer, ...queues].join(' → ');
      nodes.push({
        name: { name, producer: node.name.producer, queues },
        producer: node.producer,
        depth: node.depth + 1,
        children: new Map(),
      });
      const child = nodes.length - 1;
      node.children.set(queue, child);
      grow(
        child,
        spec.then.flatMap((route) => reached(route.to)),
      );
    }
  };
  scenario.producers.forEach((producer, index) => grow(index, reached(producer.to)));
  const longerOf = scenario.producers.map((producer, index) => {
    nodes.push({
      name: { name: `${producer.name} → … (other routes)`, producer: producer.name, queues: [] },
      producer: index,
      depth: MAX_ROUTE_QUEUES,
      children: new Map(),
    });
    return nodes.length - 1;
  });
  return { nodes, longerOf };
}
