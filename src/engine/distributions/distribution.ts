import type { RandomStream } from '../random.js';

/**
 * A probability distribution of durations (or other non-negative quantities) that knows its own moments,
 * so analytic estimates and validation read `mean` and `variance` instead of re-deriving them (Ciw `dists/`).
 */
export interface Distribution {
  /** One draw, using only the given stream. */
  sample(random: RandomStream): number;
  readonly mean: number;
  readonly variance: number;
  /** e.g. "lognormal(mean 60ms, cv 1.5)" — a short human description. */
  readonly label: string;
}
