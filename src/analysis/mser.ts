/**
 * MSER-5 warm-up detection (White 1997, "An effective truncation heuristic for bias reduction in simulation
 * output"; Franklin & White 2008; recommended by Hoad, Robinson & Davies 2010, "Automating warm-up length
 * estimation", JORS 61). The series is averaged in batches of 5 observations, Z_1…Z_m; deleting the first d
 * batches leaves a mean whose squared standard error is estimated by
 *   MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (m − d)²,
 * and the cut is the d that minimises it: deleting the transient removes bias faster than it adds variance.
 */

/** Observations per batch. */
export const MSER_BATCH = 5;

export interface MserCut {
  /** Observations to delete from the start (a multiple of 5). */
  observations: number;
  /**
   * False when the statistic is smallest in the second half of the series: the transient may last longer
   * than the run, and the cut, limited to half the series, is only a lower bound (Hoad et al. 2010).
   */
  reliable: boolean;
}

/** MSER-5 on an evenly spaced series (at least 10 observations); the cut is searched in the first half. */
export function mser5(series: ArrayLike<number>): MserCut {
  const m = Math.floor(series.length / MSER_BATCH);
  if (m < 2) throw new Error(`mser5: needs at least ${2 * MSER_BATCH} observations, got ${series.length}`);
  const batchMeans = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let sum = 0;
    for (let i = 0; i < MSER_BATCH; i++) sum += series[j * MSER_BATCH + i];
    batchMeans[j] = sum / MSER_BATCH;
  }
  // Welford's running mean and sum of squares, from the end backwards: statistic(d) for every d in O(m).
  const statistic = new Float64Array(m);
  let mean = 0;
  let squares = 0;
  for (let j = m - 1, k = 1; j >= 0; j--, k++) {
    const delta = batchMeans[j] - mean;
    mean += delta / k;
    squares += delta * (batchMeans[j] - mean);
    statistic[j] = squares / (k * k);
  }
  // The last few values rest on a handful of batches and are erratic: they are never candidates.
  const lastCandidate = Math.max(0, m - 5);
  const half = Math.floor(m / 2);
  let best = 0;
  let overall = 0;
  for (let d = 1; d <= lastCandidate; d++) {
    if (d <= half && statistic[d] < statistic[best]) best = d;
    if (statistic[d] < statistic[overall]) overall = d;
  }
  return { observations: best * MSER_BATCH, reliable: overall <= half };
}

/** The element-wise mean of equally long series (the replications' average, as Welch's method uses). */
export function averageSeries(series: readonly (readonly number[])[]): number[] {
  const length = series[0].length;
  return Array.from({ length }, (_, i) => series.reduce((sum, one) => sum + one[i], 0) / series.length);
}
