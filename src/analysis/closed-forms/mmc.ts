import { erlangC } from './erlang.js';
import { checkCount, checkRate, unstable, type SteadyState } from './steady-state.js';

/** M/M/c: Poisson arrivals (per second), exponential service at `serviceRate` per server, FCFS, no limit. */
export interface MmcQueue {
  arrivalRate: number;
  serviceRate: number;
  servers: number;
}

function check(q: MmcQueue): void {
  checkRate('arrivalRate', q.arrivalRate);
  checkRate('serviceRate', q.serviceRate, true);
  checkCount('servers', q.servers, 1);
}

function checkProbability(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
}

/** M/M/c steady state, Gross et al. 4th ed. §2.3 (c = 1 is M/M/1, §2.2): Wq = C(c, a)/(cμ − λ), W = Wq + 1/μ. */
export function mmc(q: MmcQueue): SteadyState {
  check(q);
  const { arrivalRate: lambda, serviceRate: mu, servers: c } = q;
  if (lambda >= c * mu) return unstable(c * mu);
  const probabilityOfWait = erlangC(c, lambda / mu);
  const meanWait = probabilityOfWait / (c * mu - lambda);
  const meanSojourn = meanWait + 1 / mu;
  return {
    stable: true,
    utilization: lambda / (c * mu),
    probabilityOfWait,
    meanWait,
    meanSojourn,
    meanQueueLength: lambda * meanWait,
    meanInSystem: lambda * meanSojourn,
    throughput: lambda,
  };
}

/** P(Wq ≤ t) = 1 − C·e^{−(cμ−λ)t} for FCFS M/M/c, Gross et al. 4th ed. §2.3; 0 for all t when unstable. */
export function mmcWaitCdf(q: MmcQueue, t: number): number {
  const { stable, probabilityOfWait } = mmc(q);
  if (t < 0 || !stable) return 0;
  return 1 - probabilityOfWait * Math.exp(-(q.servers * q.serviceRate - q.arrivalRate) * t);
}

/** Inverse of {@link mmcWaitCdf}: smallest t with P(Wq ≤ t) ≥ p (0 when p ≤ 1 − C; Infinity if unstable). */
export function mmcWaitQuantile(q: MmcQueue, p: number): number {
  checkProbability(p);
  const { stable, probabilityOfWait } = mmc(q);
  if (p <= 1 - probabilityOfWait) return 0;
  if (!stable || p === 1) return Infinity;
  return Math.log(probabilityOfWait / (1 - p)) / (q.servers * q.serviceRate - q.arrivalRate);
}

/**
 * P(W > t) for the sojourn W = Wq + S with S ~ Exp(μ) independent of Wq (FCFS): convolving the wait law of
 * Gross et al. §2.3 gives e^{−μt} + C·μ·(e^{−θt} − e^{−μt})/(μ − θ), θ = cμ − λ. Written as
 * e^{−μt} + C·μ·e^{−min(θ,μ)t}·(1 − e^{−|μ−θ|t})/|μ−θ| so θ ≈ μ loses no precision and θ = μ gives C·μ·t·e^{−μt}.
 */
function sojournTail(q: MmcQueue, probabilityOfWait: number, t: number): number {
  const mu = q.serviceRate;
  const theta = q.servers * mu - q.arrivalRate;
  const gap = Math.abs(mu - theta);
  const spread = gap === 0 ? t : -Math.expm1(-gap * t) / gap;
  return Math.exp(-mu * t) + probabilityOfWait * mu * Math.exp(-Math.min(theta, mu) * t) * spread;
}

/** P(W ≤ t), sojourn (wait + service) of FCFS M/M/c, see {@link sojournTail}; 0 for all t when unstable. */
export function mmcSojournCdf(q: MmcQueue, t: number): number {
  const { stable, probabilityOfWait } = mmc(q);
  if (t <= 0 || !stable) return 0;
  return 1 - sojournTail(q, probabilityOfWait, t);
}

/**
 * Smallest t with P(W ≤ t) ≥ p: for M/M/1 W ~ Exp(μ − λ) (Gross et al. §2.2), so t = −ln(1 − p)/(μ − λ);
 * for c > 1 the exact CDF of {@link mmcSojournCdf} is inverted by bisection. Infinity if unstable or p = 1.
 */
export function mmcSojournQuantile(q: MmcQueue, p: number): number {
  checkProbability(p);
  const { stable, probabilityOfWait } = mmc(q);
  if (p === 0) return 0;
  if (!stable || p === 1) return Infinity;
  if (q.servers === 1) return -Math.log1p(-p) / (q.serviceRate - q.arrivalRate);
  const target = 1 - p;
  const slowest = Math.min(q.serviceRate, q.servers * q.serviceRate - q.arrivalRate);
  let lo = 0;
  let hi = 1 / slowest;
  while (sojournTail(q, probabilityOfWait, hi) > target) [lo, hi] = [hi, 2 * hi];
  for (let i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (sojournTail(q, probabilityOfWait, mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
