import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile } from './student-t.js';

export interface ConfidenceInterval {
  mean: number;
  halfWidth: number;
  low: number;
  high: number;
  /** Number of independent observations (replications or batches). */
  n: number;
}

/** Student-t confidence interval for the mean of independent, roughly normal observations (n ≥ 2). */
export function confidenceInterval(observations: readonly number[], level = 0.95): ConfidenceInterval {
  const n = observations.length;
  if (n < 2) throw new Error(`confidenceInterval: needs at least 2 observations, got ${n}`);
  const center = mean(observations as number[]);
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  const halfWidth = (t * sampleStandardDeviation(observations as number[])) / Math.sqrt(n);
  return { mean: center, halfWidth, low: center - halfWidth, high: center + halfWidth, n };
}
