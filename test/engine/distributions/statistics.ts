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

/** How far the sample moments are from the declared ones, in standard errors. */
export interface MomentCheck {
  sampleMean: number;
  sampleVariance: number;
  /** (sample mean − declared mean) / √(variance/n). */
  meanZ: number;
  /** (s² − declared variance) / √((m4 − s⁴)/n), using the sample fourth central moment m4. */
  varianceZ: number;
}

/** Compares sample mean and variance with a distribution's declared moments. */
export function checkMoments(samples: Float64Array, mean: number, variance: number): MomentCheck {
  const n = samples.length;
  let sum = 0;
  for (const x of samples) sum += x;
  const sampleMean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of samples) {
    const d2 = (x - sampleMean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  const sampleVariance = m2 / (n - 1);
  m4 /= n;
  const meanZ = (sampleMean - mean) / Math.sqrt(variance / n);
  const varianceZ = (sampleVariance - variance) / Math.sqrt((m4 - sampleVariance ** 2) / n);
  return { sampleMean, sampleVariance, meanZ, varianceZ };
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

/** Asymptotic 1 % critical value of D·√n (Kolmogorov distribution). */
export const KS_CRITICAL_1_PERCENT = 1.63;

/** Relative difference |a − b| / |b|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
