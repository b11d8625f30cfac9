/**
 * Confidence intervals for percentiles by sectioning (Asmussen & Glynn 2007, ch. III.5; Nakayama 2014).
 *
 * A percentile taken from a short or correlated stretch is biased (towards the body of the distribution:
 * a short run rarely sees the long excursions that make the tail), so the mean of per-replication or
 * per-batch percentiles is centred off the truth, and their spread says nothing about that bias. Sectioning
 * takes the POOLED percentile (of all the observations at once) as the estimate, and only the spread of the
 * sections' own percentiles around it for the width: half-width = t(k−1) · s / √k with
 * s² = Σ (ξ_i − ξ)² / (k − 1) over k sections.
 *
 * Each section must hold enough observations beyond the percentile for its own percentile to be close to
 * normal: consecutive units (replications or batches) are merged into sections of at least
 * `TAIL_OBSERVATIONS` such observations. Fewer than two sections give no interval.
 */
import { poolBuckets, type HistogramBucket } from '../metrics/index.js';
import { studentTQuantile } from './student-t.js';

/**
 * Observations beyond the percentile each section needs (100 for a p99 section is 10,000 messages): with
 * fewer, a section's percentile is skewed and a t-interval over sections covers too rarely.
 */
export const TAIL_OBSERVATIONS = 100;

/** A percentile's sectioning interval, or null with how much more data would give one. */
export type SectionedPercentile =
  | { estimate: number; ci95: [number, number]; sections: number; unitsPerSection: number }
  | { estimate: number | null; ci95: null; sections: number; runLengthFactor: number | null };

/** Number of observations in a set of buckets. */
function total(buckets: readonly HistogramBucket[]): number {
  let count = 0;
  for (const bucket of buckets) count += bucket[2];
  return count;
}

/**
 * The q-quantile of a bucketed distribution: the value below which a fraction q of the observations lie,
 * the cumulative count interpolated linearly within the bucket that holds it (so percentiles of pooled
 * buckets move smoothly with the data, not in steps of a bucket). Null when empty.
 */
export function bucketQuantile(buckets: readonly HistogramBucket[], q: number): number | null {
  const count = total(buckets);
  if (count === 0) return null;
  const rank = q * count;
  let seen = 0;
  for (const [lower, upper, n] of buckets) {
    if (seen + n >= rank) return n === 0 ? lower : lower + ((rank - seen) / n) * (upper - lower);
    seen += n;
  }
  return buckets[buckets.length - 1][1];
}

/**
 * Units (in order) merged into k sections of near-equal size, k as large as lets every section hold
 * `tail` observations beyond the percentile (judged on the units' mean count).
 */
export function sectionCount(
  units: ReadonlyArray<readonly HistogramBucket[]>,
  q: number,
  tail: number,
): number {
  const beyond = units.reduce((sum, buckets) => sum + total(buckets), 0) * (1 - q);
  return Math.min(units.length, Math.floor(beyond / tail));
}

/**
 * The q-quantile of units' pooled observations with its 95 % sectioning interval. `centre` replaces the
 * pooled estimate as the interval's centre when the caller has a finer one (a whole run's own percentile).
 */
export function sectionedPercentile(
  units: ReadonlyArray<readonly HistogramBucket[]>,
  q: number,
  centre?: number,
  tail = TAIL_OBSERVATIONS,
): SectionedPercentile {
  const pooledEstimate = bucketQuantile(poolBuckets(units), q);
  const estimate = centre ?? pooledEstimate;
  const k = sectionCount(units, q, tail);
  if (estimate === null || pooledEstimate === null || k < 2) {
    const beyond = units.reduce((sum, buckets) => sum + total(buckets), 0) * (1 - q);
    return {
      estimate,
      ci95: null,
      sections: Math.max(k, 0),
      runLengthFactor: beyond > 0 ? (2 * tail) / beyond : null,
    };
  }
  const quantiles: number[] = [];
  for (let i = 0; i < k; i++) {
    const section = units.slice(Math.floor((i * units.length) / k), Math.floor(((i + 1) * units.length) / k));
    const value = bucketQuantile(poolBuckets(section), q);
    if (value !== null) quantiles.push(value);
  }
  if (quantiles.length < 2)
    return { estimate, ci95: null, sections: quantiles.length, runLengthFactor: null };
  // Deviations from the pooled percentile (computed as the sections' are), not from their mean: the
  // sections' mean carries the short-stretch bias that sectioning is there to avoid. On a log scale: a
  // tail percentile of a section is skewed to the right (one long excursion lifts it far, none lowers it
  // little), and its logarithm is much closer to the normal the t-interval assumes.
  const logs = quantiles.map((value) => Math.log(Math.max(value, Number.MIN_VALUE)));
  const centreLog = Math.log(Math.max(pooledEstimate, Number.MIN_VALUE));
  const squares = logs.reduce((sum, value) => sum + (value - centreLog) ** 2, 0);
  const sd = Math.sqrt(squares / (quantiles.length - 1));
  const halfWidth = (studentTQuantile(0.975, quantiles.length - 1) * sd) / Math.sqrt(quantiles.length);
  return {
    estimate,
    ci95: [estimate * Math.exp(-halfWidth), estimate * Math.exp(halfWidth)],
    sections: quantiles.length,
    unitsPerSection: units.length / quantiles.length,
  };
}
