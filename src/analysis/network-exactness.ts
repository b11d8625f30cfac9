/**
 * When a queue's closed form stays exact inside a network. Look at the queue j and everything upstream of
 * it (the queues from which a route leads to j). If every upstream queue is a stable Jackson station
 * (exponential consumers, unbounded, no failures, TTL, timeout or byte limit), every producer reaching them
 * is Poisson, no lossy queue dead-letters into them, and no publish copies a message into two branches that
 * both lead to j (fanout breaks the independence the theorems need), then:
 * - the upstream network has product form (Jackson 1963; per-type routing through direct exchanges is the
 *   multiclass case of Baskett, Chandy, Muntz & Palacios 1975), so a Jackson station j is exactly M/M/c
 *   (Gross et al. 4th ed. §4.1), routing cycles included;
 * - without routing cycles upstream, every stream into j is Poisson (Burke 1956: M/M/c departures are
 *   Poisson; Bernoulli splits and independent superpositions stay Poisson), so any formula that needs only
 *   Poisson arrivals at j (M/M/c/K, Erlang B, Pollaczek–Khinchine) is exact too.
 */
import type { Scenario } from '../scenario/types.js';
import { isExponential, isJacksonStation, mayDeadLetter } from './station.js';
import { publishTargets, typeMix, type QueueTraffic } from './traffic-equations.js';

/** How exactly the network feeds one queue. */
export interface Exactness {
  /** The arrival process is exactly Poisson. */
  poissonArrivals: boolean;
  /** The queue is a Jackson station in a product-form network: exactly M/M/c. */
  productForm: boolean;
  /** Every producer whose messages can reach the queue is Poisson. */
  poissonProducers: boolean;
  /** A producer with a time-varying rate (schedule, on/off) reaches the queue: the estimate is at its peak. */
  timeVaryingProducers: boolean;
  /** The names of those time-varying producers. */
  timeVaryingNames: string[];
  /** Producers whose arrivals bring several messages at once (`batch`) that reach the queue. */
  batchProducers: string[];
  /** A producer replaying a trace reaches the queue: the trace's mean rate is used, as if Poisson. */
  traceProducers: boolean;
  /** A queue that can lose messages dead-letters them here (traffic the estimate leaves out). */
  deadLetterInflow: boolean;
  /** The queues that dead-letter into this one. */
  deadLetterSources: string[];
}

/** One publish (a producer's, or a queue's `then` route): for each type it carries, the queues copied to. */
interface Publish {
  producerPoisson: boolean | null;
  producer?: string;
  batched?: boolean;
  scheduled?: boolean;
  traced?: boolean;
  copies: number[][];
}

/** The exactness of every queue's arrivals, by name, given the solved traffic. */
export function networkExactness(
  scenario: Scenario,
  traffic: Map<string, QueueTraffic>,
): Map<string, Exactness> {
  const queues = scenario.queues;
  const index = new Map(queues.map((queue, i) => [queue.name, i]));
  const targets = publishTargets(scenario);
  const indexes = (to: string, type: string) => targets(to, type).map((name) => index.get(name) as number);
  const publishes = producerPublishes(scenario, indexes);
  const { next, deadLettered } = queueRoutes(scenario, traffic, indexes, publishes);
  const network: RouteGraph = {
    publishes,
    deadLettered,
    reaches: queues.map((_, i) => reachable(i, next)),
    stable: queues.map((queue) => (traffic.get(queue.name)?.utilization ?? 0) < 1),
  };
  return new Map(queues.map((queue, j) => [queue.name, queueExactness(scenario, j, network)]));
}

/** Queue indexes a publish to `to` with message type `type` copies into. */
type TargetIndexes = (to: string, type: string) => number[];

/** The publishes of the producers. */
function producerPublishes(scenario: Scenario, indexes: TargetIndexes): Publish[] {
  return scenario.producers.map((producer) => ({
    // A time-varying rate is Poisson locally; the estimates take it at its peak (peak-rates.ts).
    producerPoisson:
      isExponential(producer.interarrival) && producer.trace === undefined && producer.batch === undefined,
    producer: producer.name,
    batched:
      producer.batch !== undefined && !(producer.batch.kind === 'constant' && producer.batch.value <= 1),
    scheduled: producer.schedule !== undefined || producer.onOff !== undefined,
    traced: producer.trace !== undefined,
    copies: typeMix(producer).map(({ type }) => indexes(producer.to, type)),
  }));
}

/**
 * The queues' `then` routes (appended to `publishes`), the next-hop sets they make, and which queues
 * dead-letter into which.
 */
function queueRoutes(
  scenario: Scenario,
  traffic: Map<string, QueueTraffic>,
  indexes: TargetIndexes,
  publishes: Publish[],
): { next: Set<number>[]; deadLettered: Map<number, Set<string>> } {
  const queues = scenario.queues;
  const next = queues.map(() => new Set<number>());
  const deadLettered = new Map<number, Set<string>>();
  queues.forEach((queue, i) => {
    const types = [...(traffic.get(queue.name)?.byType ?? [])]
      .filter(([, rate]) => rate > 0)
      .map(([type]) => type);
    if (mayDeadLetter(queue))
      types.forEach((type) =>
        indexes(queue.deadLetter ?? '', type).forEach((j) =>
          deadLettered.set(j, (deadLettered.get(j) ?? new Set()).add(queue.name)),
        ),
      );
    if (queue.consumers === 0 || types.length === 0) return;
    for (const route of queue.then) {
      const copies = types.map((type) => indexes(route.to, type));
      copies.flat().forEach((j) => next[i].add(j));
      publishes.push({ producerPoisson: null, copies });
    }
  });
  return { next, deadLettered };
}

/** Every publish, the dead-letter sources, what each queue reaches and which queues are stable. */
interface RouteGraph {
  publishes: Publish[];
  deadLettered: Map<number, Set<string>>;
  reaches: Set<number>[];
  stable: boolean[];
}

/** How exactly the network feeds queue `j`. */
function queueExactness(scenario: Scenario, j: number, graph: RouteGraph): Exactness {
  const queues = scenario.queues;
  const { publishes, deadLettered, reaches, stable } = graph;
  const inside = (i: number) => i === j || reaches[i].has(j);
  const upstream = queues.map((_, i) => i).filter((i) => i !== j && inside(i));
  const cleanUpstream = upstream.every((i) => isJacksonStation(queues[i]) && stable[i]);
  const noFork = publishes.every((p) => p.copies.every((copies) => copies.filter(inside).length < 2));
  const feeding = publishes.filter((p) => p.producerPoisson !== null && p.copies.flat().some(inside));
  const poissonProducers = feeding.every((p) => p.producerPoisson);
  const noDeadLetters = ![...deadLettered.keys()].some(inside);
  const reaching = (p: Publish) => p.copies.flat().some(inside);
  const names = (keep: (p: Publish) => boolean) =>
    publishes.filter((p) => keep(p) && reaching(p)).map((p) => p.producer as string);
  const acyclic = [j, ...upstream].every((i) => !reaches[i].has(i));
  const network = cleanUpstream && noFork && poissonProducers && noDeadLetters;
  return {
    poissonArrivals: network && acyclic,
    productForm: network && isJacksonStation(queues[j]),
    poissonProducers,
    timeVaryingProducers: publishes.some((p) => p.scheduled === true && reaching(p)),
    timeVaryingNames: names((p) => p.scheduled === true),
    batchProducers: names((p) => p.batched === true),
    traceProducers: publishes.some((p) => p.traced === true && reaching(p)),
    deadLetterInflow: deadLettered.has(j),
    deadLetterSources: [...(deadLettered.get(j) ?? [])],
  };
}

/** The queues reachable from `start` in one or more steps. */
function reachable(start: number, next: Set<number>[]): Set<number> {
  const seen = new Set<number>();
  const stack = [...next[start]];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (seen.has(i)) continue;
    seen.add(i);
    stack.push(...next[i]);
  }
  return seen;
}
