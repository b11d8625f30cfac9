/**
 * The traffic equations of an open queueing network (Jackson; Gross, Shortle, Thompson & Harris,
 * "Fundamentals of Queueing Theory" 4th ed. §4.1): λ_j = γ_j + Σ_i θ_i·p_ij, where γ_j is what producers
 * publish to queue j (through a fanout exchange every bound queue gets a copy; through a direct exchange the
 * queues bound to the message's type), θ_i is what queue i completes per second (its arrivals less M/M/c/K
 * or Erlang B losses, exhausted retries and, when saturated, the excess) and p_ij its `then` routes.
 * A message keeps its type and a direct exchange routes by it, so rates are carried per type. The fixed
 * point is reached by iterating from γ; it converges because the scenario's routing-cycle check keeps the
 * spectral radius of the routing below 1. Dead-letter traffic and TTL expiries are left out.
 *
 * Arrival variability follows Whitt's QNA (Bell Syst. Tech. J. 62, 1983): streams superpose with
 * rate-weighted SCVs, a Bernoulli split with probability q has SCV q·c² + 1 − q, and a station with c
 * consumers at utilisation ρ departs with SCV 1 + (1 − ρ²)(c_a² − 1) + ρ²(c_s² − 1)/√c (the linking
 * equation of Hopp & Spearman, "Factory Physics" 3rd ed. §8.6).
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import { topicMatches } from '../scenario/topic-pattern.js';
import type { DistributionSpec, ProducerSpec, QueueSpec, Scenario } from '../scenario/types.js';
import { serve } from './station.js';

/** The type of messages from producers without `types`. */
export const UNTYPED = '';

/** The solved traffic into one queue. */
export interface QueueTraffic {
  /** Messages offered per second by type (UNTYPED for messages without one). */
  byType: Map<string, number>;
  /** Messages offered per second, all types. */
  arrivalRate: number;
  /** The part producers publish straight to this queue (not through an exchange or a route). */
  directRate: number;
  /** Completed messages per second: what `then` routes onward. */
  throughput: number;
  /** Consumers' busy fraction (capped at 1). */
  utilization: number;
  /** Squared coefficient of variation of the interarrival times (QNA; exact for a renewal producer). */
  arrivalScv: number;
}

/** Where a message of `type` published to `to` is delivered: queue names, one per copy. */
export type Targets = (to: string, type: string) => string[];

/** The delivery rule of the scenario's queues and exchanges (unknown names deliver nowhere). */
export function publishTargets(scenario: Scenario): Targets {
  const queues = new Set(scenario.queues.map((queue) => queue.name));
  const exchanges = new Map(scenario.exchanges.map((exchange) => [exchange.name, exchange]));
  return (to, type) => {
    if (queues.has(to)) return [to];
    const exchange = exchanges.get(to);
    if (!exchange) return [];
    const bound = exchange.bindings.filter(
      (binding) =>
        exchange.type === 'fanout' ||
        (binding.patterns !== undefined
          ? type !== '' && binding.patterns.some((pattern) => topicMatches(pattern, type))
          : (binding.types?.includes(type) ?? false)),
    );
    return bound.map((binding) => binding.queue).filter((queue) => queues.has(queue));
  };
}

/**
 * The queue indexes a publish to `to` of type `type` lands in, resolved once per (entry, type): many
 * producers publish to the same exchange. The arrays are shared: callers must not change them.
 */
export function targetIndexes(
  scenario: Scenario,
  index: ReadonlyMap<string, number>,
): (to: string, type: string) => number[] {
  const byName = publishTargets(scenario);
  const resolved = new Map<string, number[]>();
  return (to, type) => {
    const key = `${to}\u0000${type}`;
    let found = resolved.get(key);
    if (found === undefined) {
      found = byName(to, type).map((name) => index.get(name) as number);
      resolved.set(key, found);
    }
    return found;
  };
}

/** A producer's type mix, untyped messages as one share. */
export function typeMix(producer: ProducerSpec): { type: string; probability: number }[] {
  return producer.types.length > 0 ? producer.types : [{ type: UNTYPED, probability: 1 }];
}

const sum = (rates: Map<string, number>): number => [...rates.values()].reduce((a, b) => a + b, 0);
const add = (rates: Map<string, number>, type: string, rate: number): void => {
  rates.set(type, (rates.get(type) ?? 0) + rate);
};
/** The squared coefficient of variation of a law. */
const scvOf = (law: { mean: number; variance: number }): number => law.variance / law.mean ** 2;

const MAX_PASSES = 100_000;
const TOLERANCE = 1e-14;

/** A stream into queue `to`: from a producer (with its SCV) or from queue `from`'s completions. */
interface Stream {
  to: number;
  rate: number;
  /** The rate of the whole stream it was split from. */
  sourceRate: number;
  producerScv: number | null;
  from: number;
}

/** The scenario's queues by index, and where a publish lands, as indexes. */
interface Network {
  queues: QueueSpec[];
  targets: (to: string, type: string) => number[];
}

/** Calls `deliver` with every flow, by type, that queue i's completions route to queue j. */
function route(
  network: Network,
  rates: Map<string, number>[],
  deliver: (i: number, j: number, type: string, rate: number) => void,
): void {
  network.queues.forEach((queue, i) => {
    // A queue with no routes sends nothing on: no need to solve it (an M/M/c/K per queue and pass).
    if (queue.then.length === 0) return;
    const total = sum(rates[i]);
    if (total === 0) return;
    const share = serve(queue, total).completed / total;
    for (const [type, rate] of rates[i]) {
      for (const { to, probability } of queue.then) {
        for (const j of network.targets(to, type)) deliver(i, j, type, rate * share * probability);
      }
    }
  });
}

/**
 * Producers that publish the same traffic: the same destination, interarrival law, batch and type mix.
 * Their streams differ only in rate, and QNA's superposition is linear in the rates of streams with the
 * same split fraction and SCV, so a group of k counts as one producer k times as fast: 50,000 producers
 * over 1,000 exchanges cost what 1,000 do.
 */
function producerGroups(producers: ProducerSpec[]): { producer: ProducerSpec; count: number }[] {
  const groups = new Map<string, { producer: ProducerSpec; count: number }>();
  for (const producer of producers) {
    const key = JSON.stringify([
      producer.to,
      lawKey(producer.interarrival),
      lawKey(producer.batch),
      producer.types,
    ]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { producer, count: 1 });
    else group.count++;
  }
  return [...groups.values()];
}

// A long empirical law is keyed by identity: comparing its values would cost more than it saves.
const LONG_LAW_VALUES = 64;
const lawIds = new WeakMap<object, number>();
let nextLawId = 0;
function lawKey(law: DistributionSpec | undefined): unknown {
  if (law === undefined) return null;
  if (law.kind !== 'empirical' || law.values.length <= LONG_LAW_VALUES) return law;
  let id = lawIds.get(law);
  if (id === undefined) lawIds.set(law, (id = nextLawId++));
  return `empirical#${id}`;
}

/** The producers' traffic: external rates by queue and type, rates published straight to a queue, streams. */
function producerStreams(
  scenario: Scenario,
  network: Network,
  index: Map<string, number>,
): { external: Map<string, number>[]; directRate: Float64Array; streams: Stream[] } {
  const queues = scenario.queues;
  const external = queues.map(() => new Map<string, number>());
  const directRate = new Float64Array(queues.length);
  const streams: Stream[] = [];
  for (const { producer, count } of producerGroups(scenario.producers)) {
    // Messages per second: arrival events times the mean batch, times the producers in the group.
    const batch = producer.batch ? Math.max(1, distributionFromSpec(producer.batch).mean) : 1;
    const interarrival = distributionFromSpec(producer.interarrival);
    const rate = (count * batch) / interarrival.mean;
    // Sparse: a producer reaches a few queues, and a dense row per producer is quadratic in large networks.
    const into = new Map<number, number>();
    for (const { type, probability } of typeMix(producer)) {
      for (const j of network.targets(producer.to, type)) {
        add(external[j], type, rate * probability);
        into.set(j, (into.get(j) ?? 0) + rate * probability);
      }
    }
    const producerScv = scvOf(interarrival);
    [...into]
      .sort(([a], [b]) => a - b)
      .forEach(
        ([j, r]) => r > 0 && streams.push({ to: j, rate: r, sourceRate: rate, producerScv, from: -1 }),
      );
    const direct = index.get(producer.to);
    if (direct !== undefined) directRate[direct] += rate;
  }

  return { external, directRate, streams };
}

/** Solves the traffic equations and QNA's arrival SCVs for every queue, by name. */
export function solveTraffic(scenario: Scenario): Map<string, QueueTraffic> {
  const queues = scenario.queues;
  const index = new Map(queues.map((queue, i) => [queue.name, i]));
  const network: Network = { queues, targets: targetIndexes(scenario, index) };
  const { external, directRate, streams } = producerStreams(scenario, network, index);

  // λ ← γ + routed(θ(λ)), per type, until nothing moves.
  let rates = external;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = external.map((byType) => new Map(byType));
    route(network, rates, (_, j, type, rate) => add(next[j], type, rate));
    let change = 0;
    let scale = 0;
    next.forEach((byType, j) =>
      byType.forEach((r, t) => {
        change = Math.max(change, Math.abs(r - (rates[j].get(t) ?? 0)));
        scale = Math.max(scale, r);
      }),
    );
    rates = next;
    if (change <= TOLERANCE * scale) break;
  }

  const arrivals = rates.map(sum);
  const served = queues.map((queue, i) => serve(queue, arrivals[i]));
  const flows = new Map<string, Stream>();
  route(network, rates, (i, j, _, rate) => {
    const flow = flows.get(`${i}>${j}`) ?? {
      to: j,
      rate: 0,
      sourceRate: served[i].completed,
      producerScv: null,
      from: i,
    };
    flow.rate += rate;
    flows.set(`${i}>${j}`, flow);
  });
  const utilization = served.map((s) => s.utilization);
  const scv = arrivalScvs(queues, arrivals, utilization, [...streams, ...flows.values()]);
  return new Map(
    queues.map((queue, i) => [
      queue.name,
      {
        byType: rates[i],
        arrivalRate: arrivals[i],
        directRate: directRate[i],
        throughput: served[i].completed,
        utilization: utilization[i],
        arrivalScv: scv[i],
      },
    ]),
  );
}

/** QNA's arrival SCVs: superposition of split producer streams and split departure streams, iterated. */
function arrivalScvs(
  queues: QueueSpec[],
  arrivals: number[],
  utilization: number[],
  streams: Stream[],
): number[] {
  const serviceScv = queues.map((queue) =>
    queue.service === null ? 1 : scvOf(distributionFromSpec(queue.service)),
  );
  let scv = queues.map(() => 1);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const departure = queues.map((queue, i) => {
      const rho2 = utilization[i] ** 2;
      return (
        1 + (1 - rho2) * (scv[i] - 1) + (rho2 * (serviceScv[i] - 1)) / Math.sqrt(Math.max(1, queue.consumers))
      );
    });
    const next = arrivals.map((rate) => (rate > 0 ? 0 : 1));
    for (const stream of streams) {
      const q = Math.min(1, stream.rate / stream.sourceRate);
      const source = stream.producerScv ?? departure[stream.from];
      next[stream.to] += (stream.rate / arrivals[stream.to]) * (q * source + 1 - q);
    }
    const change = next.reduce<number>((most, value, j) => Math.max(most, Math.abs(value - scv[j])), 0);
    scv = next;
    if (change <= 1e-12) break;
  }
  return scv;
}
