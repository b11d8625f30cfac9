import { checkRate, unstable, type SteadyState } from './steady-state.js';

/** M/G/1: Poisson arrivals (per second), one server, any service law given by its mean (s) and variance (s²). */
export interface Mg1Queue {
  arrivalRate: number;
  serviceMean: number;
  serviceVariance: number;
}

/**
 * Pollaczek–Khinchine mean-value formula, Gross et al. 4th ed. §5.1.1 / Kleinrock vol. 1 ch. 5:
 * Wq = λE[S²] / (2(1 − ρ)), ρ = λE[S], E[S²] = Var S + E[S]². See SteadyState for ρ ≥ 1.
 */
export function mg1(q: Mg1Queue): SteadyState {
  checkRate('arrivalRate', q.arrivalRate);
  checkRate('serviceMean', q.serviceMean, true);
  checkRate('serviceVariance', q.serviceVariance);
  const rho = q.arrivalRate * q.serviceMean;
  if (rho >= 1) return unstable(1 / q.serviceMean);
  const secondMoment = q.serviceVariance + q.serviceMean * q.serviceMean;
  const meanWait = (q.arrivalRate * secondMoment) / (2 * (1 - rho));
  const meanSojourn = meanWait + q.serviceMean;
  return {
    stable: true,
    utilization: rho,
    probabilityOfWait: rho, // PASTA: an arrival waits iff the server is busy
    meanWait,
    meanSojourn,
    meanQueueLength: q.arrivalRate * meanWait,
    meanInSystem: q.arrivalRate * meanSojourn,
    throughput: q.arrivalRate,
  };
}

/** M/D/1 (constant service time D): P–K with zero variance, Wq = ρD / (2(1 − ρ)), Gross et al. §5.1.1. */
export function md1(arrivalRate: number, serviceTime: number): SteadyState {
  return mg1({ arrivalRate, serviceMean: serviceTime, serviceVariance: 0 });
}
