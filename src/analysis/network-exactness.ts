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
import { targetIndexes, typeMix, type QueueTraffic } from './traffic-equations.js';

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
  // Shared arrays per (entry, type) also let insideCount reuse its set.
  const indexes = targetIndexes(scenario, index);
  const publishes: Publish[] = scenario.producers.map((producer) => ({
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
  // Upstream sets by reverse search from each queue: work in proportion to what each queue can be reached
  // from, not to the number of queues times the number of publishes.
  const previous = queues.map(() => [] as number[]);
  next.forEach((targets, i) => targets.forEach((j) => previous[j].push(i)));
  const publishesInto = queues.map(() => [] as number[]);
  publishes.forEach((p, n) => landingQueues(p.copies).forEach((j) => publishesInto[j].push(n)));
  const upstreamOf = queues.map((_, j) => reachable(j, previous));
  const onCycle = upstreamOf.map((upstream, i) => upstream.has(i));
  const stable = queues.map((queue) => (traffic.get(queue.name)?.utilization ?? 0) < 1);

  const context: RegionContext = { queues, publishes, publishesInto, deadLettered, onCycle, stable };
  return new Map(queues.map((queue, j) => [queue.name, queueExactness(j, upstreamOf[j], context)]));
}

/** What every queue's exactness is judged against: the network, indexed once. */
interface RegionContext {
  queues: Scenario['queues'];
  publishes: Publish[];
  /** Per queue, the publishes with a copy landing there, in publish order. */
  publishesInto: number[][];
  deadLettered: Map<number, Set<string>>;
  onCycle: boolean[];
  stable: boolean[];
}

/** The exactness of queue j's arrivals, from the queues that can reach it (`upstreamSet`). */
function queueExactness(j: number, upstreamSet: Set<number>, context: RegionContext): Exactness {
  const { queues, publishes, publishesInto, deadLettered, onCycle, stable } = context;
  const inside = (i: number) => i === j || upstreamSet.has(i);
  const region = [j, ...[...upstreamSet].filter((i) => i !== j)];
  const upstream = region.slice(1);
  const cleanUpstream = upstream.every((i) => isJacksonStation(queues[i]) && stable[i]);
  // The publishes whose copies reach the region, in publish order (names are listed in that order).
  // publishesInto[j] holds each publish once, in publish order: a region of one queue needs no merge.
  const reachingNumbers =
    region.length === 1
      ? publishesInto[j]
      : [...new Set(region.flatMap((i) => publishesInto[i]))].sort((a, b) => a - b);
  const reaching = reachingNumbers.map((n) => publishes[n]);
  const noFork = reaching.every((p) => p.copies.every((copies) => insideCount(copies, inside, region) < 2));
  const feeding = reaching.filter((p) => p.producerPoisson !== null);
  const poissonProducers = feeding.every((p) => p.producerPoisson);
  const noDeadLetters = !region.some((i) => deadLettered.has(i));
  const names = (keep: (p: Publish) => boolean) => reaching.filter(keep).map((p) => p.producer as string);
  const acyclic = region.every((i) => !onCycle[i]);
  const network = cleanUpstream && noFork && poissonProducers && noDeadLetters;
  return {
    poissonArrivals: network && acyclic,
    productForm: network && isJacksonStation(queues[j]),
    poissonProducers,
    timeVaryingProducers: reaching.some((p) => p.scheduled === true),
    timeVaryingNames: names((p) => p.scheduled === true),
    batchProducers: names((p) => p.batched === true),
    traceProducers: reaching.some((p) => p.traced === true),
    deadLetterInflow: deadLettered.has(j),
    deadLetterSources: [...(deadLettered.get(j) ?? [])],
  };
}

/**
 * The distinct queues one publish lands in. A single-type publish's copies are the memoised target array
 * shared by every producer of that (entry, type), so its distinct queues are worked out once.
 */
function landingQueues(copies: number[][]): ReadonlySet<number> {
  if (copies.length !== 1) return new Set(copies.flat());
  const targets = copies[0];
  let distinct = distinctTargets.get(targets);
  if (distinct === undefined) distinctTargets.set(targets, (distinct = new Set(targets)));
  return distinct;
}
const distinctTargets = new WeakMap<number[], Set<number>>();

/** How many of one publish's copies land inside the region (a fanout to every queue is counted once per queue). */
function insideCount(copies: number[], inside: (i: number) => boolean, region: number[]): number {
  if (copies.length <= region.length) return copies.filter(inside).length;
  let set = copySets.get(copies);
  if (set === undefined) copySets.set(copies, (set = new Set(copies)));
  const found = set;
  return region.filter((i) => found.has(i)).length;
}
const copySets = new WeakMap<number[], Set<number>>();

/** The queues reachable from `start` in one or more steps along `next` (forward or reverse edges). */
function reachable(start: number, next: Iterable<number>[]): Set<number> {
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
