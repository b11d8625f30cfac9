import { checkRate } from './steady-state.js';

/** M/M/1 whose waiting messages expire after a fixed TTL (M/M/1+D): rates per second, TTL in seconds. */
export interface Mm1TtlQueue {
  arrivalRate: number;
  serviceRate: number;
  ttlSeconds: number;
}

/** Steady state of M/M/1+D; always exists (the TTL bounds the work a message brings). */
export interface Mm1TtlMetrics {
  /** Fraction of arrivals that expire before service: P(V > τ). */
  expiredFraction: number;
  /** P(server busy) = λ(1 − P(expire))/μ. */
  utilization: number;
  /** Served messages per second. */
  throughput: number;
  /** Mean wait of the messages that are served, E[V | V ≤ τ]. */
  meanWaitServed: number;
  /** Mean time in the queue over all arrivals, E[min(V, τ)] (expired ones wait τ). */
  meanWaitAll: number;
  /** Mean number waiting, by Little's law: λ·E[min(V, τ)]. */
  meanQueueLength: number;
}

/**
 * M/M/1 with deterministic patience (Baccelli, Boyer & Hébuterne, "Single-server queues with impatient
 * customers", Adv. Appl. Prob. 16, 1984; Zeltyn & Mandelbaum 2005). In a FIFO queue a message's wait is the
 * virtual waiting time V it finds (the work of those ahead that will be served), so it expires iff V > τ.
 * Level crossing on V gives its density: v(x) = P₀λe^{−(μ−λ)x} on (0, τ], v(x) = v(τ)e^{−μ(x−τ)} beyond,
 * P₀ = 1 / (1 + λ∫₀^τ e^{−(μ−λ)x}dx + λe^{−(μ−λ)τ}/μ). Valid for any λ/μ, including overload.
 */
export function mm1Ttl(q: Mm1TtlQueue): Mm1TtlMetrics {
  checkRate('arrivalRate', q.arrivalRate);
  checkRate('serviceRate', q.serviceRate, true);
  checkRate('ttlSeconds', q.ttlSeconds);
  const { arrivalRate: lambda, serviceRate: mu, ttlSeconds: tau } = q;
  const delta = mu - lambda;
  const tail = Math.exp(-delta * tau); // e^{−(μ−λ)τ}
  // ∫₀^τ e^{−δx} dx and ∫₀^τ x e^{−δx} dx, by series near δτ = 0 where the closed forms cancel.
  const x = delta * tau;
  const mass = x === 0 ? tau : -Math.expm1(-x) / delta;
  const moment = tau * tau * (Math.abs(x) < 0.1 ? momentSeries(x) : (1 - tail * (1 + x)) / (x * x));
  const idle = 1 / (1 + lambda * mass + (lambda * tail) / mu);
  const expiredFraction = (idle * lambda * tail) / mu;
  const servedWork = idle * lambda * moment; // E[V; 0 < V ≤ τ]
  const meanWaitAll = servedWork + tau * expiredFraction;
  return {
    expiredFraction,
    utilization: 1 - idle,
    throughput: lambda * (1 - expiredFraction),
    meanWaitServed: servedWork / (1 - expiredFraction),
    meanWaitAll,
    meanQueueLength: lambda * meanWaitAll,
  };
}

/** (1 − e^{−x}(1 + x)) / x² = Σ_{n≥2} (−1)ⁿ (n − 1) x^{n−2} / n!, for |x| < 0.1 (16 terms: below 1e-30). */
function momentSeries(x: number): number {
  let sum = 0;
  let power = 1; // x^{n−2}
  let factorial = 2; // n!
  for (let n = 2; n < 18; n++) {
    sum += ((n % 2 === 0 ? 1 : -1) * (n - 1) * power) / factorial;
    power *= x;
    factorial *= n + 1;
  }
  return sum;
}
