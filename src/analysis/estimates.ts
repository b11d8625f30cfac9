/**
 * Analytic steady-state estimates per queue, from the scenario alone. The formula follows the queue's
 * configuration, read from the distributions' own moments:
 * - capacity 0, Poisson arrivals, any service: Erlang B (M/G/c/c is insensitive to the service law);
 * - Poisson arrivals, exponential service: M/M/c (unbounded) or M/M/c/K (bounded), exact;
 * - Poisson arrivals, general service, one consumer, unbounded: M/G/1 by Pollaczek–Khinchine, exact means;
 * - otherwise, unbounded: G/G/c by the Allen–Cunneen approximation (Kingman's for one consumer).
 * Several producers feeding one queue are superposed: Poisson if they all are, else an approximate
 * renewal process with the rate-weighted SCV of Whitt's QNA (Whitt 1983, Bell Syst. Tech. J. 62).
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import type { AnalyticComparison, NoAnalyticEstimate } from '../model/statistics-result.js';
import type { DistributionSpec, QueueSpec, Scenario } from '../scenario/types.js';
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

export type AnalyticEstimate = Omit<AnalyticComparison, 'outside'>;

/** True when the distribution is exponential, whatever family it was written as. */
function isExponential(spec: DistributionSpec): boolean {
  switch (spec.kind) {
    case 'exponential':
      return true;
    case 'erlang':
      return spec.k === 1;
    case 'gamma':
      return spec.cv === 1;
    case 'weibull':
      return spec.shape === 1;
    default:
      return false;
  }
}

/** The superposed arrival stream into one queue: rate per second, SCV, and whether it is Poisson. */
interface ArrivalStream {
  rate: number;
  scv: number;
  poisson: boolean;
}

function arrivalStream(scenario: Scenario, queue: QueueSpec): ArrivalStream | null {
  const producers = scenario.producers.filter((producer) => producer.to === queue.name);
  if (producers.length === 0) return null;
  let rate = 0;
  let weightedScv = 0;
  for (const producer of producers) {
    const interarrival = distributionFromSpec(producer.interarrival);
    const producerRate = 1 / interarrival.mean;
    rate += producerRate;
    weightedScv += producerRate * (interarrival.variance / interarrival.mean ** 2);
  }
  const poisson = producers.every((producer) => isExponential(producer.interarrival));
  return { rate, scv: poisson ? 1 : weightedScv / rate, poisson };
}

/** Finite values only: JSON has no Infinity, and "infinite" is what null means here. */
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** The mean-value metrics every steady state gives, by dotted name. */
function steadyStateValues(state: SteadyState, dropRate: number): Record<string, number | null> {
  return {
    throughput: finite(state.throughput),
    dropRate,
    utilization: finite(state.utilization),
    meanQueueLength: finite(state.meanQueueLength),
    meanInSystem: finite(state.meanInSystem),
    probabilityOfWait: finite(state.probabilityOfWait),
    'wait.mean': finite(state.meanWait),
    'sojourn.mean': finite(state.meanSojourn),
  };
}

const none = (reason: string): NoAnalyticEstimate => ({ model: null, reason });

/** Share of the capacity an approximation's mean queue may use before the capacity limit matters. */
const FREE_CAPACITY_SHARE = 0.1;

/** The analytic estimate for one queue of the scenario, or why there is none. */
export function estimateQueue(scenario: Scenario, queue: QueueSpec): AnalyticEstimate | NoAnalyticEstimate {
  const arrivals = arrivalStream(scenario, queue);
  if (arrivals === null) return none('no producer sends to this queue');
  if (queue.consumers === 0 || queue.service === null) return none('no consumers: messages only accumulate');
  const c = queue.consumers;
  const service = distributionFromSpec(queue.service);
  const serviceScv = service.variance / service.mean ** 2;
  const exponentialService = isExponential(queue.service);
  const arrivalLetter = arrivals.poisson ? 'M' : 'G';
  const serviceLetter = exponentialService ? 'M' : 'G';
  const lambda = arrivals.rate;

  if (queue.capacity === 0) {
    if (!arrivals.poisson)
      return none('a loss system (capacity 0) with non-Poisson arrivals has no closed form here');
    const blocking = erlangB(c, lambda * service.mean);
    const throughput = lambda * (1 - blocking);
    return {
      model: `M/${serviceLetter}/${c}/${c}`,
      method: 'Erlang B (Gross et al. 4th ed. §2.6; insensitive to the service distribution)',
      exact: true,
      stable: true,
      values: {
        throughput,
        dropRate: blocking,
        utilization: (throughput * service.mean) / c,
        meanQueueLength: 0,
        meanInSystem: throughput * service.mean,
        probabilityOfWait: 0,
        'wait.mean': 0,
        'sojourn.mean': service.mean,
      },
    };
  }

  if (arrivals.poisson && exponentialService) {
    const serviceRate = 1 / service.mean;
    if (queue.capacity !== null) {
      const K = c + queue.capacity;
      const state = mmck({ arrivalRate: lambda, serviceRate, servers: c, systemCapacity: K });
      return {
        model: `M/M/${c}/${K}`,
        method: 'M/M/c/K (Gross et al. 4th ed. §2.5)',
        exact: true,
        stable: true,
        values: {
          throughput: state.throughput,
          dropRate: state.blockingProbability,
          utilization: state.utilization,
          meanQueueLength: state.meanQueueLength,
          meanInSystem: state.meanInSystem,
          probabilityOfWait: state.probabilityOfWait,
          'wait.mean': state.meanWait,
          'sojourn.mean': state.meanSojourn,
        },
      };
    }
    const q = { arrivalRate: lambda, serviceRate, servers: c };
    const state = mmc(q);
    const values = steadyStateValues(state, 0);
    if (state.stable) {
      for (const p of [50, 95, 99]) {
        values[`wait.p${p}`] = finite(mmcWaitQuantile(q, p / 100));
        values[`sojourn.p${p}`] = finite(mmcSojournQuantile(q, p / 100));
      }
    }
    return {
      model: `M/M/${c}`,
      method: 'M/M/c with Erlang C (Gross et al. 4th ed. §2.3)',
      exact: true,
      stable: state.stable,
      values,
    };
  }

  if (queue.capacity === null && arrivals.poisson && c === 1) {
    const state = mg1({ arrivalRate: lambda, serviceMean: service.mean, serviceVariance: service.variance });
    return {
      model: 'M/G/1',
      method: 'Pollaczek–Khinchine (Gross et al. 4th ed. §5.1.1)',
      exact: true,
      stable: state.stable,
      values: steadyStateValues(state, 0),
    };
  }

  const state = allenCunneen({
    arrivalRate: lambda,
    arrivalScv: arrivals.scv,
    serviceMean: service.mean,
    serviceScv,
    servers: c,
  });
  const model = `${arrivalLetter}/${serviceLetter}/${c}`;
  const method = c === 1 ? 'Kingman approximation' : 'Allen–Cunneen approximation';
  if (queue.capacity !== null) {
    if (!state.stable || state.meanQueueLength > FREE_CAPACITY_SHARE * queue.capacity) {
      return none(
        `bounded queue with non-exponential times: no closed form, and the queue fills too often for the unbounded ${method} to apply`,
      );
    }
    return {
      model,
      method: `${method}, ignoring the capacity of ${queue.capacity} (the approximate mean queue is under ${FREE_CAPACITY_SHARE * 100} % of it)`,
      exact: false,
      stable: true,
      values: steadyStateValues(state, 0),
    };
  }
  return { model, method, exact: false, stable: state.stable, values: steadyStateValues(state, 0) };
}

/** The analytic estimate of every queue, by name, in the scenario's order. */
export function estimateScenario(scenario: Scenario): Record<string, AnalyticEstimate | NoAnalyticEstimate> {
  return Object.fromEntries(scenario.queues.map((queue) => [queue.name, estimateQueue(scenario, queue)]));
}
