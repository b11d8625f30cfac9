import { RandomStream } from '../../../src/engine/random.js';
import type { Distribution } from '../../../src/engine/distributions/index.js';

/** Sample size the statistical tests use. */
export const N = 200_000;

/** N draws from a fresh `RandomStream(12345, 'test')`. */
export function draw(
  distribution: Distribution,
  n = N,
  stream = new RandomStream(12345, 'test'),
): Float64Array {
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) samples[i] = distribution.sample(stream);
  return samples;
}

/** Kolmogorov–Smirnov statistic D·√n of the samples (sorted in place) against an exact CDF. */
export function ksStatistic(samples: Float64Array, cdf: (x: number) => number): number {
  samples.sort();
  const n = samples.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(samples[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d * Math.sqrt(n);
}

/** Relative difference |a − b| / |b|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
