/**
 * Routing cycles that would multiply messages without bound. Over the queues, the step matrix Q holds the
 * expected copies that one message finished at queue i sends to queue j: the `then` probability, times one
 * copy per binding when the route goes through an exchange (dead-letter edges are left out: a message is
 * dead-lettered at most once, as RabbitMQ drops dead-letter cycles). Messages die out iff ρ(Q) < 1, so each
 * strongly connected part of Q with a cycle must have spectral radius below 1. A message keeps its type, and
 * a direct exchange routes by type, so Q is built per type named in a direct binding (other types route
 * like untyped messages).
 */
import * as msg from '../messages.js';
import type { PathProblem } from '../positions.js';
import { bindingPasses, linksFrom, UNTYPED, type Destination, type RoutingGraph } from './routing-graph.js';
import { isSubcritical, spectralRadius } from './spectral-radius.js';
import { error, type Rule } from './view.js';

/** A sparse square matrix: row i maps column j to its entry; absent entries are zero. */
export type SparseRows<T> = Map<number, T>[];

/** Q for one message type, and through which exchange each step goes (null: a direct `then` to the queue). */
interface StepMatrix {
  weight: SparseRows<number>;
  via: SparseRows<string | null>;
}

/** Sparse rows, because a dense n × n matrix of 10,000 queues is 100 million entries. */
function stepMatrix(graph: RoutingGraph, queues: Destination[], type: string): StepMatrix {
  const indexOf = new Map(queues.map((queue, i) => [queue.name, i]));
  const weight: SparseRows<number> = queues.map(() => new Map());
  const via: SparseRows<string | null> = queues.map(() => new Map());
  const links = linksFrom(graph);
  const add = (i: number, j: number, probability: number, through: string | null): void => {
    weight[i].set(j, (weight[i].get(j) ?? 0) + probability);
    if (!via[i].has(j)) via[i].set(j, through);
  };
  queues.forEach((queue, i) => {
    for (const route of links.routes(queue.entry)) {
      const target = graph.destinations.get(route.to);
      if (target?.kind === 'queue') {
        add(i, indexOf.get(target.name) as number, route.probability, null);
        via[i].set(indexOf.get(target.name) as number, null);
      } else if (target?.kind === 'exchange') {
        for (const binding of links.bindings(target.entry)) {
          const j = indexOf.get(binding.queue);
          if (j === undefined || !bindingPasses(binding, type)) continue;
          add(i, j, route.probability, target.name);
        }
      }
    }
  });
  return { weight, via };
}

/** The entry at (i, j), zero when absent. */
export function entryAt(weight: SparseRows<number>, i: number, j: number): number {
  return weight[i].get(j) ?? 0;
}

/** The columns of row v with a positive entry, in ascending order (the order a dense scan visits them). */
function successors(weight: SparseRows<number>, v: number): number[] {
  return [...weight[v]]
    .filter(([, value]) => value > 0)
    .map(([w]) => w)
    .sort((a, b) => a - b);
}

/** Strongly connected components of the graph with an edge i → j where weight[i][j] > 0 (Tarjan). */
export function stronglyConnected(weight: SparseRows<number>): number[][] {
  const n = weight.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (const w of successors(weight, v)) {
      if (index[w] === -1) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] !== index[v]) return;
    const component: number[] = [];
    let w: number;
    do {
      w = stack.pop() as number;
      onStack[w] = false;
      component.push(w);
    } while (w !== v);
    components.push(component.sort((a, b) => a - b));
  };
  for (let v = 0; v < n; v++) if (index[v] === -1) visit(v);
  return components;
}

/** The shortest cycle through `start` inside `component` (breadth-first), as nodes from `start`. */
export function shortestCycle(
  start: number,
  component: readonly number[],
  weight: SparseRows<number>,
): number[] {
  const members = new Set(component);
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of successors(weight, v)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const cycle = [v];
        while (cycle[0] !== start) cycle.unshift(parent.get(cycle[0]) as number);
        return cycle;
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start]; // unreachable for a component with a cycle
}

/**
 * The cycle to name: of the shortest cycles through each node, the one that returns most copies (its
 * gain: the product of the expected copies along it).
 */
function cycleToName(
  component: readonly number[],
  weight: SparseRows<number>,
): { cycle: number[]; gain: number } {
  let best: number[] = [];
  let bestGain = -1;
  for (const start of component) {
    const cycle = shortestCycle(start, component, weight);
    const gain = cycle.reduce(
      (product, v, k) => product * entryAt(weight, v, cycle[(k + 1) % cycle.length]),
      1,
    );
    if (gain > bestGain) [best, bestGain] = [cycle, gain];
  }
  // Start at the queue written first, so the message reads the way the file does.
  const first = best.indexOf(Math.min(...best));
  return { cycle: [...best.slice(first), ...best.slice(0, first)], gain: bestGain };
}

/** Names along a cycle, exchanges included: billing → orders → email → billing. */
function cycleNames(cycle: readonly number[], queues: Destination[], via: StepMatrix['via']): string[] {
  const names: string[] = [];
  cycle.forEach((v, k) => {
    const next = cycle[(k + 1) % cycle.length];
    names.push(queues[v].name);
    const exchange = via[v].get(next);
    if (typeof exchange === 'string') names.push(exchange);
  });
  names.push(queues[cycle[0]].name);
  return names;
}

/** The queues of a component in file order, then the exchanges its steps go through. */
function componentNames(
  component: readonly number[],
  queues: Destination[],
  via: StepMatrix['via'],
): string[] {
  const exchanges = new Set<string>();
  for (const i of component) {
    for (const j of component) {
      const exchange = via[i].get(j);
      if (typeof exchange === 'string') exchanges.add(exchange);
    }
  }
  return [...component.map((i) => queues[i].name), ...exchanges];
}

/** Every routing cycle lets messages leave, and fan-out on it does not outgrow the exits. */
export const routingCyclesExit: Rule = ({ graph }) => {
  const queues = [...graph.destinations.values()].filter((destination) => destination.kind === 'queue');
  // Topic bindings route by pattern, so with one in the file every type a producer emits is tried.
  const hasTopic = graph.bindings.some((binding) => binding.exchangeType === 'topic');
  const directTypes = graph.bindings.flatMap((binding) =>
    binding.exchangeType === 'direct' ? (binding.types ?? []) : [],
  );
  if (hasTopic) directTypes.push(...graph.producerLinks.flatMap((link) => link.types ?? []));
  const reported = new Set<number>();
  const problems: PathProblem[] = [];
  for (const type of new Set([UNTYPED, ...directTypes])) {
    const { weight, via } = stepMatrix(graph, queues, type);
    for (const component of stronglyConnected(weight)) {
      const hasCycle = component.length > 1 || entryAt(weight, component[0], component[0]) > 0;
      if (!hasCycle || component.some((v) => reported.has(v))) continue;
      const sub = component.map((i) => component.map((j) => entryAt(weight, i, j)));
      if (isSubcritical(sub)) continue;
      component.forEach((v) => reported.add(v));
      const { cycle, gain } = cycleToName(component, weight);
      // One cycle without an exit says most; otherwise fan-out makes the copies outgrow the exits.
      const ofType = type === UNTYPED ? undefined : type;
      const message =
        gain >= 1 - 1e-9 && gain <= 1 + 1e-9
          ? msg.routingCycleNoExit(cycleNames(cycle, queues, via), ofType)
          : msg.routingCyclesMultiply(componentNames(component, queues, via), spectralRadius(sub), ofType);
      const path = ['queues', queues[cycle[0]].entry.index, 'then'];
      problems.push(error(path, message));
    }
  }
  return problems;
};
