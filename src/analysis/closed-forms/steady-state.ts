/**
 * The long-run (steady-state) averages every closed form here returns, so analytic and simulated values line
 * up field by field. Rates are per second, times in seconds, lengths in messages.
 *
 * Unstable systems (offered utilization ρ = λ/(cμ) ≥ 1, infinite queue): `stable` is false, the server is
 * saturated (`utilization` = `probabilityOfWait` = 1, `throughput` = service capacity cμ) and every waiting
 * or length mean is `Infinity`. Note that `JSON.stringify` writes `Infinity` as `null`.
 */
export interface SteadyState {
  /** False when λ ≥ cμ: the queue grows without bound. */
  stable: boolean;
  /** Long-run fraction of time each server is busy, in [0, 1]. */
  utilization: number;
  /** Probability that an arrival has to queue before service (Erlang C for M/M/c). */
  probabilityOfWait: number;
  /** Mean time in queue, Wq (s). */
  meanWait: number;
  /** Mean time in system, W = Wq + E[S] (s). */
  meanSojourn: number;
  /** Mean number waiting, Lq = λWq. */
  meanQueueLength: number;
  /** Mean number in system, L = λW. */
  meanInSystem: number;
  /** Departure rate (per second). */
  throughput: number;
}

/** The saturated answer shared by all infinite-queue formulas when λ ≥ cμ (see {@link SteadyState}). */
export function unstable(serviceCapacity: number): SteadyState {
  return {
    stable: false,
    utilization: 1,
    probabilityOfWait: 1,
    meanWait: Infinity,
    meanSojourn: Infinity,
    meanQueueLength: Infinity,
    meanInSystem: Infinity,
    throughput: serviceCapacity,
  };
}

/** Throws a RangeError naming `name` unless `value` is finite and ≥ 0 (or > 0 when `positive`). */
export function checkRate(name: string, value: number, positive = false): void {
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw new RangeError(`${name} must be a finite number ${positive ? '> 0' : '≥ 0'}, got ${value}`);
  }
}

/** Throws a RangeError naming `name` unless `value` is an integer ≥ `min`. */
export function checkCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer ≥ ${min}, got ${value}`);
  }
}
