import { checkCount, checkRate } from './steady-state.js';

/**
 * Erlang B (loss probability of M/M/c/c), Gross, Shortle, Thompson & Harris, "Fundamentals of Queueing
 * Theory" 4th ed. §2.6, computed by the stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)), B(0) = 1,
 * so no factorial or power ever overflows. `offeredLoad` a = λ/μ in Erlangs.
 */
export function erlangB(servers: number, offeredLoad: number): number {
  checkCount('servers', servers, 0);
  checkRate('offeredLoad', offeredLoad);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b;
}

/**
 * Erlang C (probability an arrival waits in M/M/c), Gross et al. 4th ed. §2.3 / Kleinrock vol. 1 §3.5,
 * from Erlang B: C = c·B / (c − a·(1 − B)). Returns 1 when a ≥ c (unstable: in the limit everyone waits).
 */
export function erlangC(servers: number, offeredLoad: number): number {
  checkCount('servers', servers, 1);
  const b = erlangB(servers, offeredLoad);
  if (offeredLoad >= servers) return 1;
  return (servers * b) / (servers - offeredLoad * (1 - b));
}
