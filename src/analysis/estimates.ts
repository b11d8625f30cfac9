/**
 * Analytic steady-state estimates per queue, from the scenario alone. Each queue's arrival rate comes from
 * the traffic equations of the network (traffic-equations.ts: producers, exchanges and `then` routes;
 * dead-letter traffic and TTL expiries are left out). The formula follows the queue's configuration, read
 * from the distributions' own moments:
 * - capacity 0, Poisson arrivals, any service: Erlang B (M/G/c/c is insensitive to the service law);
 * - Poisson arrivals, exponential service: M/M/c (unbounded) or M/M/c/K (bounded);
 * - Poisson arrivals, general service, one consumer, unbounded: M/G/1 by Pollaczek–Khinchine;
 * - a topic (`partitions:`): one M/G/1 per consumer fed by its partitions' key shares (topic-estimates.ts);
 * - otherwise, unbounded: G/G/c by the Allen–Cunneen approximation (Kingman's for one consumer), with the
 *   arrival SCV of Whitt's QNA (Whitt 1983, Bell Syst. Tech. J. 62): superposed producers are weighted by rate.
 * A formula is exact when network-exactness.ts finds the arrivals exactly Poisson (or the queue a station of
 * a product-form network) and the queue has no failures, TTL, timeout, byte limit or dead-letter inflow.
 * Streams a network only makes nearly Poisson are taken as Poisson, labelled an approximation. With
 * failures a message takes E[N] = (1 − p^m)/(1 − p) attempts, so the formulas see λ·E[N] attempts a second.
 * A time-varying producer is taken at its peak rate (peak-rates.ts). An estimate is shown only where the
 * formula's assumptions hold for the queue (estimate-assumptions.ts); elsewhere it is "no estimate" with
 * the reason — though `plan` may still ask for the rough formula as a starting point of its search.
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import type { AnalyticComparison, NoAnalyticEstimate } from '../results/analysis-results.js';
import type { QueueSpec, Scenario } from '../scenario/types.js';
import {
  allenCunneen,
  erlangB,
  mg1,
  mmc,
  mmck,
  mmcSojournQuantile,
  mmcWaitQuantile,
  type SteadyState,
} from './closed-forms/index.js';
import { checkAfterFormula, withheldBeforeFormula } from './estimate-assumptions.js';
import { networkExactness, type Exactness } from './network-exactness.js';
import { noEstimate } from './no-estimate.js';
import { atPeakRates, describePeaks, type ProducerPeak } from './peak-rates.js';
import { retryMoments } from './retry-moments.js';
import { isExponential } from './station.js';
import { estimateTopic } from './topic-estimates.js';
import { solveTraffic, type QueueTraffic } from './traffic-equations.js';

export type AnalyticEstimate = Omit<AnalyticComparison, 'outside'>;

/** The solved network: each queue's traffic and how exactly the network feeds it. */
export interface NetworkAnalysis {
  traffic: Map<string, QueueTraffic>;
  exactness: Map<string, Exactness>;
  /** Time-varying producers, taken at these peak rates. */
  peaks: ProducerPeak[];
}

/** Solves the traffic equations of the scenario once (time-varying producers at their peak rates). */
export function analyseNetwork(scenario: Scenario): NetworkAnalysis {
  const peak = atPeakRates(scenario);
  const traffic = solveTraffic(peak.scenario);
  return { traffic, exactness: networkExactness(peak.scenario, traffic), peaks: peak.peaks };
}

/** How strictly to estimate: `rough` skips the assumption checks (plan's first guess, never shown). */
export interface EstimateOptions {
  rough?: boolean;
}

/** Finite values only: JSON has no Infinity, and "infinite" is what null means here. */
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The mean-value metrics every steady state gives, by dotted name. */
function steadyStateValues(
  state: SteadyState,
  dropRate: number,
  lossRate: number | null,
): Record<string, number | null> {
  return {
    throughput: finite(state.throughput),
    dropRate,
    lossRate,
    utilization: finite(state.utilization),
    meanQueueLength: finite(state.meanQueueLength),
    meanInSystem: finite(state.meanInSystem),
    probabilityOfWait: finite(state.probabilityOfWait),
    'wait.mean': finite(state.meanWait),
    'sojourn.mean': finite(state.meanSojourn),
  };
}

const none = noEstimate;

/** Share of the capacity an approximation's mean queue may use before the capacity limit matters. */
const FREE_CAPACITY_SHARE = 0.1;

const round = (value: number): number => Number(value.toPrecision(4));

/** The analytic estimate for one queue of the scenario, or why there is none. */
export function estimateQueue(
  scenario: Scenario,
  queue: QueueSpec,
  network: NetworkAnalysis = analyseNetwork(scenario),
  options: EstimateOptions = {},
): AnalyticEstimate | NoAnalyticEstimate {
  const traffic = network.traffic.get(queue.name);
  const flags = network.exactness.get(queue.name);
  if (!traffic || !flags || !(traffic.arrivalRate > 0)) {
    return none(
      flags?.deadLetterInflow
        ? 'only dead-letter traffic reaches this queue, and the estimates leave dead-letter traffic out'
        : 'no producer, exchange binding or upstream route sends to this queue',
    );
  }
  if (queue.consumers === 0 || queue.service === null) return none('no consumers: messages only accumulate');
  if (queue.autoscale && queue.autoscale.min !== queue.autoscale.max) {
    return none('autoscaled: the number of consumers follows the load, which no steady-state formula covers');
  }
  const withheld = options.rough ? null : withheldBeforeFormula(scenario, queue, flags, network.peaks);
  if (withheld !== null) return none(withheld);
  const formula = formulaEstimate(queue, traffic, flags);
  if (formula.model === null) {
    const atPeak = network.peaks.some((peak) => flags.timeVaryingNames.includes(peak.producer));
    const rate = Number(traffic.arrivalRate.toPrecision(4));
    return atPeak ? none(`at the peak (${rate}/s offered to this queue), ${formula.reason}`) : formula;
  }
  if (options.rough) return formula.estimate;
  return checked(scenario, queue, formula, network.peaks, flags, traffic);
}

/** A formula's estimate, and the probability that the queue is full on arrival when the formula knows it. */
interface Formula {
  model: string;
  estimate: AnalyticEstimate;
  fullOnArrival: number | null;
}

/** The estimate after the checks that need the formula's answer (estimate-assumptions.ts), and the peak label. */
function checked(
  scenario: Scenario,
  queue: QueueSpec,
  formula: Formula,
  peaks: ProducerPeak[],
  flags: Exactness,
  traffic: QueueTraffic,
): AnalyticEstimate | NoAnalyticEstimate {
  const { estimate } = formula;
  const values = estimate.values;
  const after = checkAfterFormula(scenario, queue, {
    stable: estimate.stable,
    probabilityOfWait: values.probabilityOfWait ?? null,
    meanWait: values['wait.mean'] ?? null,
    meanQueueLength: values.meanQueueLength ?? null,
    fullOnArrival: formula.fullOnArrival,
  });
  if (after.withheld !== null) return none(after.withheld);
  const notes = [estimate.method];
  const atPeak = peaks.filter((peak) => flags.timeVaryingNames.includes(peak.producer));
  if (atPeak.length > 0) notes.unshift(describePeaks(atPeak, traffic.arrivalRate));
  notes.push(...after.notes);
  const kept = Object.fromEntries(Object.entries(values).filter(([metric]) => !after.drop(metric)));
  return {
    ...estimate,
    method: notes.join('; '),
    exact: estimate.exact && after.notes.length === 0 && atPeak.length === 0,
    values: kept,
    ...(atPeak.length > 0 ? { peakRate: traffic.arrivalRate } : {}),
  };
}

/** What every formula reads: the queue, its traffic and the arrival and service letters. */
interface FormulaInputs {
  queue: QueueSpec;
  traffic: QueueTraffic;
  flags: Exactness;
  c: number;
  service: { mean: number; variance: number };
  serviceLetter: 'M' | 'G';
  retry: ReturnType<typeof retryMoments>;
  failures: boolean;
  /** Processing attempts offered per second: the formulas' arrival rate. */
  lambda: number;
  exactPoisson: boolean;
  poisson: boolean;
  viaNetwork: boolean;
  /** Notes on what the formula leaves out. */
  left: string[];
}

/** The formula that fits the queue's configuration, before any check of its assumptions. */
function formulaEstimate(
  queue: QueueSpec,
  traffic: QueueTraffic,
  flags: Exactness,
): Formula | NoAnalyticEstimate {
  if (queue.service === null) return none('no consumers: messages only accumulate');
  const service = distributionFromSpec(queue.service);
  const retry = retryMoments(queue.failureProbability, queue.retry);
  const failures = queue.failureProbability > 0;
  const lambda = traffic.arrivalRate * retry.attempts;
  const exactPoisson = flags.poissonArrivals || flags.productForm;
  const poisson = exactPoisson || (flags.poissonProducers && Math.abs(traffic.arrivalScv - 1) < 1e-9);
  if (queue.topic) {
    const topic = estimateTopic(queue, queue.topic, { arrivalRate: lambda, poisson, exactPoisson });
    return topic.model === null ? topic : { model: topic.model, estimate: topic, fullOnArrival: null };
  }
  const inputs: FormulaInputs = {
    queue,
    traffic,
    flags,
    c: queue.consumers,
    service,
    serviceLetter: isExponential(queue.service) ? 'M' : 'G',
    retry,
    failures,
    lambda,
    exactPoisson,
    poisson,
    viaNetwork: traffic.arrivalRate > traffic.directRate * (1 + 1e-9),
    left: failures ? [`failures: ${round(retry.attempts)} attempts per message`] : [],
  };
  if (queue.capacity === 0 && queue.prefetch === 1) return lossSystemEstimate(inputs);
  if (poisson && inputs.serviceLetter === 'M') return markovianEstimate(inputs);
  if (queue.capacity === null && poisson && inputs.c === 1) {
    const state = mg1({ arrivalRate: lambda, serviceMean: service.mean, serviceVariance: service.variance });
    const method = 'Pollaczek–Khinchine (Gross et al. 4th ed. §5.1.1)';
    return formulaResult(inputs, 'M/G/1', method, flags.poissonArrivals, state, null);
  }
  return approximateEstimate(inputs);
}

/** The estimate from a steady state of the attempts, with the loss probability on arrival. */
function formulaResult(
  inputs: FormulaInputs,
  model: string,
  method: string,
  exactFormula: boolean,
  state: SteadyState,
  blocking: number | null,
): Formula {
  const { queue, traffic, retry, poisson, exactPoisson, viaNetwork } = inputs;
  const notes = [method];
  if (viaNetwork) notes.push('rates from the traffic equations (Gross et al. 4th ed. §4.1)');
  if (poisson && !exactPoisson) notes.push('arrivals taken as Poisson');
  if (!poisson && viaNetwork) notes.push(`arrival SCV ${round(traffic.arrivalScv)} by Whitt's QNA`);
  // Lost without dead-lettering: refused on arrival (a blocked publisher loses nothing), or exhausted.
  const refused = queue.overflow === 'block' ? 0 : (blocking ?? 0);
  const dropped = refused + (1 - (blocking ?? 0)) * (1 - retry.success);
  // Every loss, dead-lettered or not; unknown when expiries (which the formulas leave out) add to it.
  const lost = queue.ttlSeconds === null || queue.capacity === 0 ? dropped : null;
  const values = steadyStateValues(state, queue.deadLetter === null ? dropped : 0, lost);
  if (inputs.failures) {
    const messages = state.throughput / retry.attempts;
    values.throughput = finite(messages * retry.success);
    values.meanInSystem = finite(state.meanInSystem + messages * retry.delay);
    values['sojourn.mean'] = finite(retry.attemptsIfCompleted * state.meanSojourn + retry.delayIfCompleted);
  }
  const exact = exactFormula && inputs.left.length === 0;
  const described = [...notes, ...inputs.left].join('; ');
  const result = { model, method: described, exact, stable: state.stable, values };
  return { model, estimate: result, fullOnArrival: blocking };
}

/** Capacity 0 without prefetch: the loss system M/G/c/c by Erlang B (Poisson arrivals only). */
function lossSystemEstimate(inputs: FormulaInputs): Formula | NoAnalyticEstimate {
  const { c, lambda, service } = inputs;
  if (!inputs.poisson)
    return none('a loss system (capacity 0) with non-Poisson arrivals has no closed form here');
  const blocking = erlangB(c, lambda * service.mean);
  const throughput = lambda * (1 - blocking);
  const busy = throughput * service.mean;
  return formulaResult(
    inputs,
    `M/${inputs.serviceLetter}/${c}/${c}`,
    'Erlang B (Gross et al. 4th ed. §2.6; insensitive to the service distribution)',
    inputs.flags.poissonArrivals,
    {
      stable: true,
      utilization: busy / c,
      probabilityOfWait: 0,
      meanWait: 0,
      meanSojourn: service.mean,
      meanQueueLength: 0,
      meanInSystem: busy,
      throughput,
    },
    blocking,
  );
}

/** Poisson arrivals, exponential service: M/M/c/K when bounded, else M/M/c with its wait quantiles. */
function markovianEstimate(inputs: FormulaInputs): Formula {
  const { queue, c, lambda, flags } = inputs;
  const serviceRate = 1 / inputs.service.mean;
  if (queue.capacity !== null) {
    // Messages held by consumers do not count against `capacity`: with prefetch, each holds up to `prefetch`.
    const K = c * queue.prefetch + queue.capacity;
    const state = mmck({ arrivalRate: lambda, serviceRate, servers: c, systemCapacity: K });
    const method = 'M/M/c/K (Gross et al. 4th ed. §2.5)';
    const steady = { ...state, stable: true };
    return formulaResult(
      inputs,
      `M/M/${c}/${K}`,
      method,
      flags.poissonArrivals,
      steady,
      state.blockingProbability,
    );
  }
  const q = { arrivalRate: lambda, serviceRate, servers: c };
  const state = mmc(q);
  const method = 'M/M/c with Erlang C (Gross et al. 4th ed. §2.3)';
  const result = formulaResult(inputs, `M/M/${c}`, method, inputs.exactPoisson, state, null);
  if (state.stable && !inputs.failures) {
    for (const p of [50, 95, 99]) {
      result.estimate.values[`wait.p${p}`] = finite(mmcWaitQuantile(q, p / 100));
      result.estimate.values[`sojourn.p${p}`] = finite(mmcSojournQuantile(q, p / 100));
    }
  }
  return result;
}

/** G/G/c by Allen–Cunneen (Kingman for one consumer); bounded queues only while the capacity is rarely near. */
function approximateEstimate(inputs: FormulaInputs): Formula | NoAnalyticEstimate {
  const { queue, c, service, poisson } = inputs;
  const state = allenCunneen({
    arrivalRate: inputs.lambda,
    arrivalScv: poisson ? 1 : inputs.traffic.arrivalScv,
    serviceMean: service.mean,
    serviceScv: service.variance / service.mean ** 2,
    servers: c,
  });
  const model = `${poisson ? 'M' : 'G'}/${inputs.serviceLetter}/${c}`;
  const method = c === 1 ? 'Kingman approximation' : 'Allen–Cunneen approximation';
  if (queue.capacity === null) return formulaResult(inputs, model, method, false, state, null);
  if (!state.stable) {
    const most = Number((c / (service.mean * inputs.retry.attempts)).toPrecision(4));
    return none(
      `the consumers cannot keep up (they finish at most ${most}/s): the queue fills its capacity of ${queue.capacity}, and with non-exponential times no formula here describes it there`,
    );
  }
  if (state.meanQueueLength > FREE_CAPACITY_SHARE * queue.capacity) {
    return none(
      `bounded queue with non-exponential times: no closed form, and the queue fills too often for the unbounded ${method} to apply`,
    );
  }
  const ignoring = `ignoring the capacity of ${queue.capacity} (the approximate mean queue is under ${FREE_CAPACITY_SHARE * 100} % of it)`;
  return formulaResult(inputs, model, `${method}, ${ignoring}`, false, state, null);
}

/** The analytic estimate of every queue, by name, in the scenario's order. */
export function estimateScenario(
  scenario: Scenario,
  options: EstimateOptions = {},
): Record<string, AnalyticEstimate | NoAnalyticEstimate> {
  const network = analyseNetwork(scenario);
  return Object.fromEntries(
    scenario.queues.map((queue) => [queue.name, estimateQueue(scenario, queue, network, options)]),
  );
}
