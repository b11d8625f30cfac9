/**
 * Goodness-of-fit figures for a fitted distribution function against the sorted sample: the
 * Kolmogorov–Smirnov distance with its asymptotic p-value, and the Anderson–Darling statistic, which weighs
 * the tails more. With parameters estimated from the same data both are optimistic about the fit (the
 * p-value is conservative: Lilliefors 1967), so they rank poorly fitting families, they do not certify a fit.
 */

/** The goodness-of-fit figures of a fitted CDF against a sorted sample. */
export interface GoodnessOfFit {
  ks: { d: number; pValue: number };
  andersonDarling: number;
}

/** KS distance, its p-value and A², evaluating the CDF once per value (it dominates the cost of a fit). */
export function goodnessOfFit(sorted: ArrayLike<number>, cdf: (x: number) => number): GoodnessOfFit {
  const atSorted = Float64Array.from({ length: sorted.length }, (_, i) => cdf(sorted[i]));
  const d = ksDistanceOf(atSorted);
  return { ks: { d, pValue: ksPValue(d, sorted.length) }, andersonDarling: andersonDarlingOf(atSorted) };
}

/** KS distance D = sup |F̂ₙ(x) − F(x)| over a sorted sample. */
export function ksDistance(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  return ksDistanceOf(Float64Array.from({ length: sorted.length }, (_, i) => cdf(sorted[i])));
}

/** D from the fitted CDF at each sorted value. */
function ksDistanceOf(f: Float64Array): number {
  const n = f.length;
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, f[i] - i / n, (i + 1) / n - f[i]);
  return d;
}

/**
 * P(K > λ) for the Kolmogorov distribution K = lim √n·Dₙ: the alternating series 2Σ(−1)^(j−1)·e^(−2j²λ²)
 * for large λ, and 1 − (√(2π)/λ)·Σ e^(−(2j−1)²π²/(8λ²)) for small λ, where each converges in a few terms.
 */
export function kolmogorovSurvival(lambda: number): number {
  if (!(lambda > 0)) return 1;
  if (lambda < 1.18) {
    const factor = -(Math.PI * Math.PI) / (8 * lambda * lambda);
    let sum = 0;
    for (let j = 1; j <= 20; j++) sum += Math.exp(factor * (2 * j - 1) ** 2);
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += j % 2 === 1 ? term : -term;
    if (term < 1e-18) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * The asymptotic p-value of a KS distance d from n values, with Stephens' small-sample correction
 * λ = (√n + 0.12 + 0.11/√n)·d (Stephens 1970, JRSS B 32(1); accurate for n ≥ 5 with known parameters).
 */
export function ksPValue(d: number, n: number): number {
  const root = Math.sqrt(n);
  return kolmogorovSurvival((root + 0.12 + 0.11 / root) * d);
}

/** Anderson–Darling A² = −n − (1/n)·Σ (2i − 1)·[ln F(x₍ᵢ₎) + ln(1 − F(x₍ₙ₊₁₋ᵢ₎))] over a sorted sample. */
export function andersonDarling(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  return andersonDarlingOf(Float64Array.from({ length: sorted.length }, (_, i) => cdf(sorted[i])));
}

/** A² from the fitted CDF at each sorted value. */
function andersonDarlingOf(atSorted: Float64Array): number {
  const n = atSorted.length;
  // Clamped so a value the fit calls impossible costs a large but finite amount instead of Infinity.
  const f = atSorted.map((p) => Math.min(1 - 1e-16, Math.max(1e-300, p)));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (2 * i + 1) * (Math.log(f[i]) + Math.log1p(-f[n - 1 - i]));
  return -n - sum / n;
}
