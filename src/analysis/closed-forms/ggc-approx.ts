import { erlangC } from './erlang.js';
import { checkCount, checkRate, unstable, type SteadyState } from './steady-state.js';

/**
 * G/G/c described by two moments: arrival rate (per second) and squared coefficient of variation of
 * inter-arrival times ca² = Var/mean²; service mean (s) and its SCV cs². Exponential has SCV 1, constant 0.
 */
export interface GgcQueue {
  arrivalRate: number;
  arrivalScv: number;
  serviceMean: number;
  serviceScv: number;
  servers: number;
}

function approximate(q: GgcQueue, probabilityOfWait: number, meanWait: number): SteadyState {
  const meanSojourn = meanWait + q.serviceMean;
  return {
    stable: true,
    utilization: (q.arrivalRate * q.serviceMean) / q.servers,
    probabilityOfWait,
    meanWait,
    meanSojourn,
    meanQueueLength: q.arrivalRate * meanWait,
    meanInSystem: q.arrivalRate * meanSojourn,
    throughput: q.arrivalRate,
  };
}

function check(q: GgcQueue): void {
  checkRate('arrivalRate', q.arrivalRate);
  checkRate('arrivalScv', q.arrivalScv);
  checkRate('serviceMean', q.serviceMean, true);
  checkRate('serviceScv', q.serviceScv);
  checkCount('servers', q.servers, 1);
}

/**
 * Kingman's heavy-traffic approximation for G/G/1 (Kingman 1961; Hopp & Spearman "Factory Physics" VUT eq.):
 * Wq ≈ ((ca² + cs²)/2)·(ρ/(1 − ρ))·E[S]. Exact for M/M/1. `servers` is ignored (taken as 1).
 */
export function kingman(q: Omit<GgcQueue, 'servers'>): SteadyState {
  const one = { ...q, servers: 1 };
  check(one);
  const rho = q.arrivalRate * q.serviceMean;
  if (rho >= 1) return unstable(1 / q.serviceMean);
  const meanWait = ((q.arrivalScv + q.serviceScv) / 2) * (rho / (1 - rho)) * q.serviceMean;
  return approximate(one, rho, meanWait);
}

/**
 * Allen–Cunneen approximation for G/G/c (Allen, "Probability, Statistics, and Queueing Theory" 2nd ed.,
 * 1990; Gross et al. 4th ed. ch. 7): Wq ≈ C(c, a)/(cμ − λ)·(ca² + cs²)/2 with Erlang C. Exact for M/M/c.
 */
export function allenCunneen(q: GgcQueue): SteadyState {
  check(q);
  const load = q.arrivalRate * q.serviceMean;
  if (load >= q.servers) return unstable(q.servers / q.serviceMean);
  const probabilityOfWait = erlangC(q.servers, load);
  const capacityGap = q.servers / q.serviceMean - q.arrivalRate;
  return approximate(
    q,
    probabilityOfWait,
    (probabilityOfWait / capacityGap) * ((q.arrivalScv + q.serviceScv) / 2),
  );
}
