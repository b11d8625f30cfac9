/**
 * Whether consecutive observations look independent, as every fitted distribution assumes and as the
 * simulator draws them: bursts of short inter-arrival times or streaks of slow service show up as a
 * positive lag-1 autocorrelation, which a distribution alone cannot reproduce.
 */

/** Beyond this many standard errors (1/√n under independence) the correlation is not chance. */
const Z = 4;
/** Below this it does not matter for capacity, however sure we are that it is not zero. */
const NEGLIGIBLE = 0.05;

/** Lag-1 autocorrelation r₁ = Σ(xᵢ − x̄)(xᵢ₊₁ − x̄) / Σ(xᵢ − x̄)², values in the order observed. */
export function lag1Autocorrelation(values: ArrayLike<number>): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let lagged = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    squares += d * d;
    if (i + 1 < n) lagged += d * (values[i + 1] - mean);
  }
  return squares === 0 ? 0 : lagged / squares;
}

/** True when r₁ is both clearly not chance (|r₁| > 4/√n) and large enough to matter (|r₁| ≥ 0.05). */
export function isSeriallyCorrelated(r1: number, n: number): boolean {
  return Math.abs(r1) > Z / Math.sqrt(n) && Math.abs(r1) >= NEGLIGIBLE;
}
