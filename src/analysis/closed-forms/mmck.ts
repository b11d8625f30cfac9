import { checkCount, checkRate } from './steady-state.js';

/**
 * M/M/c/K: Poisson arrivals, exponential service, c servers and room for K messages IN THE SYSTEM (in service
 * plus waiting). The simulator's queue `capacity` is the waiting room only, so K = servers + capacity;
 * K = c is the pure-loss system M/M/c/c. Arrivals that find K present are lost. Rates per second.
 */
export interface MmckQueue {
  arrivalRate: number;
  serviceRate: number;
  servers: number;
  systemCapacity: number;
}

/** Steady state of M/M/c/K; always exists, whatever λ. Times in seconds, for accepted messages. */
export interface MmckMetrics {
  /** P_K: probability an arrival is lost (PASTA). */
  blockingProbability: number;
  /** Accepted (= departure) rate λ(1 − P_K), per second. */
  throughput: number;
  /** Fraction of time each server is busy: λ(1 − P_K)/(cμ). */
  utilization: number;
  /** Probability an accepted message has to queue: Σ_{c ≤ n < K} p_n / (1 − P_K). */
  probabilityOfWait: number;
  /** Lq = Σ (n − c)·p_n. */
  meanQueueLength: number;
  /** L = Σ n·p_n. */
  meanInSystem: number;
  /** Wq = Lq / throughput (Little); 0 when λ = 0. */
  meanWait: number;
  /** W = L / throughput (Little); 1/μ when λ = 0. */
  meanSojourn: number;
}

/**
 * p_0…p_K of M/M/c/K, Gross et al. 4th ed. §2.5: p_n ∝ aⁿ/n! (n ≤ c), a^c/c!·(a/c)^{n−c} (n > c), a = λ/μ.
 * Built in log space from the ratios p_n/p_{n−1} = a/min(n, c) and normalised by log-sum-exp, so c = 500,
 * K = 10⁵ neither overflows nor underflows to NaN.
 */
export function mmckStateProbabilities(q: MmckQueue): Float64Array {
  checkRate('arrivalRate', q.arrivalRate);
  checkRate('serviceRate', q.serviceRate, true);
  checkCount('servers', q.servers, 1);
  checkCount('systemCapacity', q.systemCapacity, q.servers);
  const load = q.arrivalRate / q.serviceRate;
  const logs = new Float64Array(q.systemCapacity + 1);
  let max = 0;
  for (let n = 1; n < logs.length; n++) {
    logs[n] = logs[n - 1] + Math.log(load / Math.min(n, q.servers));
    if (logs[n] > max) max = logs[n];
  }
  let total = 0;
  for (let n = 0; n < logs.length; n++) total += logs[n] = Math.exp(logs[n] - max);
  for (let n = 0; n < logs.length; n++) logs[n] /= total;
  return logs;
}

/** M/M/c/K metrics, Gross et al. 4th ed. §2.5 (waits via Little's law with the accepted rate λ(1 − P_K)). */
export function mmck(q: MmckQueue): MmckMetrics {
  const p = mmckStateProbabilities(q);
  const c = q.servers;
  const K = q.systemCapacity;
  let meanInSystem = 0;
  let meanQueueLength = 0;
  let waiting = 0;
  for (let n = 1; n <= K; n++) {
    meanInSystem += n * p[n];
    if (n > c) meanQueueLength += (n - c) * p[n];
    if (n >= c && n < K) waiting += p[n];
  }
  const blockingProbability = p[K];
  const throughput = q.arrivalRate * (1 - blockingProbability);
  const accepted = 1 - blockingProbability;
  return {
    blockingProbability,
    throughput,
    utilization: throughput / (c * q.serviceRate),
    probabilityOfWait: accepted > 0 ? waiting / accepted : 1,
    meanQueueLength,
    meanInSystem,
    meanWait: throughput > 0 ? meanQueueLength / throughput : 0,
    meanSojourn: throughput > 0 ? meanInSystem / throughput : 1 / q.serviceRate,
  };
}
