import type { Distribution } from '../engine/distributions/index.js';
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import type { QueueSpec, Scenario } from '../scenario/types.js';
import { allenCunneen, mg1, mmc, mmck, type SteadyState } from './closed-forms/index.js';

/** A steady-state estimate for one queue from queueing theory, to set beside the simulated values. */
export interface AnalyticEstimate extends SteadyState {
  /** The model used, in Kendall notation with its name: "M/M/4 (Erlang C)", "G/G/6 (Allen–Cunneen)". */
  model: string;
  /** True for an exact steady-state result, false for an approximation. */
  exact: boolean;
  /** Fraction of arrivals refused (M/M/c/K blocking probability; 0 for an unbounded queue). */
  dropRate: number;
}

/**
 * Analytic estimates per queue name, for the queues that a closed form describes: Poisson arrivals with
 * exponential service (M/M/c, M/M/c/K exact), Poisson arrivals with one consumer (M/G/1, exact), and
 * otherwise unbounded queues by the Allen–Cunneen G/G/c approximation. Bounded queues with non-exponential
 * service or arrivals, and queues without consumers, have none.
 */
export function analyticEstimates(scenario: Scenario): Record<string, AnalyticEstimate> {
  const estimates: Record<string, AnalyticEstimate> = {};
  for (const queue of scenario.queues) {
    const arrivals = scenario.producers
      .filter((producer) => producer.to === queue.name)
      .map((producer) => ({
        poisson: producer.interarrival.kind === 'exponential',
        law: distributionFromSpec(producer.interarrival),
      }));
    const estimate = estimateQueue(queue, arrivals);
    if (estimate) estimates[queue.name] = estimate;
  }
  return estimates;
}

interface ArrivalStream {
  poisson: boolean;
  law: Distribution;
}

function estimateQueue(queue: QueueSpec, streams: ArrivalStream[]): AnalyticEstimate | null {
  if (queue.consumers === 0 || !queue.service || streams.length === 0) return null;
  const c = queue.consumers;
  const service = distributionFromSpec(queue.service);
  const arrivalRate = streams.reduce((sum, stream) => sum + 1 / stream.law.mean, 0);
  const poisson = streams.every((stream) => stream.poisson); // a superposition of Poisson streams is Poisson
  const exponentialService = queue.service.kind === 'exponential';
  const serviceRate = 1 / service.mean;

  if (poisson && exponentialService) {
    if (queue.capacity === null) {
      return {
        ...mmc({ arrivalRate, serviceRate, servers: c }),
        model: `M/M/${c} (Erlang C)`,
        exact: true,
        dropRate: 0,
      };
    }
    const k = c + queue.capacity;
    const metrics = mmck({ arrivalRate, serviceRate, servers: c, systemCapacity: k });
    const { blockingProbability, ...rest } = metrics;
    return { ...rest, stable: true, model: `M/M/${c}/${k}`, exact: true, dropRate: blockingProbability };
  }
  if (queue.capacity !== null) return null;
  const serviceScv = service.variance / service.mean ** 2;
  if (poisson && c === 1) {
    const estimate = mg1({ arrivalRate, serviceMean: service.mean, serviceVariance: service.variance });
    return { ...estimate, model: 'M/G/1 (Pollaczek–Khinchine)', exact: true, dropRate: 0 };
  }
  // Superposed renewal streams: the rate-weighted SCV (Whitt's QNA asymptotic method) — an approximation.
  const arrivalScv = streams.reduce(
    (sum, stream) => sum + ((1 / stream.law.mean / arrivalRate) * stream.law.variance) / stream.law.mean ** 2,
    0,
  );
  const estimate = allenCunneen({
    arrivalRate,
    arrivalScv,
    serviceMean: service.mean,
    serviceScv,
    servers: c,
  });
  const name = c === 1 ? 'Kingman' : 'Allen–Cunneen';
  return { ...estimate, model: `G/G/${c} (${name}, approx.)`, exact: false, dropRate: 0 };
}
