/** The sufficient statistics every estimator reads, computed once per sample. */
export interface SampleStatistics {
  /** The observations in seconds, ascending. */
  sorted: Float64Array;
  n: number;
  mean: number;
  /** Σ x² / n. */
  meanSquare: number;
  /** Σ ln x / n, or null when some value is 0 (its logarithm is −∞). */
  meanLog: number | null;
  /** Values equal to 0: they rule out the families whose density is 0 or infinite there. */
  zeros: number;
  min: number;
  max: number;
}

/** The statistics of non-negative observations (seconds); the caller has rejected negatives already. */
export function sampleStatistics(values: ArrayLike<number>): SampleStatistics {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let sum = 0;
  let sumSquares = 0;
  let sumLogs = 0;
  let zeros = 0;
  for (const x of sorted) {
    sum += x;
    sumSquares += x * x;
    if (x === 0) zeros++;
    else sumLogs += Math.log(x);
  }
  return {
    sorted,
    n,
    mean: sum / n,
    meanSquare: sumSquares / n,
    meanLog: zeros === 0 ? sumLogs / n : null,
    zeros,
    min: sorted[0],
    max: sorted[n - 1],
  };
}

/** The p-quantile of sorted values, interpolating between order statistics (Hyndman & Fan type 7, as R and numpy). */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}
