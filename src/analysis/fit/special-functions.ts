/**
 * Special functions the estimators and CDFs need beyond those the engine has: digamma and trigamma (gamma
 * MLE) and the regularised incomplete gamma function (gamma and Erlang CDFs). They run a handful of times
 * per fit, so they favour accuracy over speed.
 */

import { normalCdf } from '../../math/special-functions.js';

/** Below this the recurrences shift x up before the asymptotic series, which is accurate from here on. */
const ASYMPTOTIC_FROM = 10;

/** Digamma ψ(x) = d/dx ln Γ(x) for x > 0: recurrence ψ(x) = ψ(x + 1) − 1/x, then the asymptotic series (A&S 6.3.18). */
export function digamma(x: number): number {
  if (!(x > 0)) throw new Error(`digamma: x must be > 0, got ${String(x)}`);
  let shift = 0;
  while (x < ASYMPTOTIC_FROM) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // ln x − 1/(2x) − Σ B₂ₙ/(2n·x²ⁿ), Bernoulli numbers 1/6, −1/30, 1/42, −1/30, 5/66.
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/** Trigamma ψ′(x) for x > 0: recurrence ψ′(x) = ψ′(x + 1) + 1/x², then the asymptotic series (A&S 6.4.12). */
export function trigamma(x: number): number {
  if (!(x > 0)) throw new Error(`trigamma: x must be > 0, got ${String(x)}`);
  let shift = 0;
  while (x < ASYMPTOTIC_FROM) {
    shift += 1 / (x * x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // 1/x + 1/(2x²) + Σ B₂ₙ/x²ⁿ⁺¹.
  const series = inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - (5 / 66) * inv2))));
  return shift + inv + 0.5 * inv2 + series;
}

/**
 * Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), a > 0, x ≥ 0: the power series (A&S 6.5.29)
 * below x = a + 1, else 1 − Q with Q from Legendre's continued fraction (A&S 6.5.31), each where it converges fast.
 */
export function regularizedGammaP(a: number, x: number, logGammaA: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return 1;
  if (a > WILSON_HILFERTY_FROM) return wilsonHilferty(a, x);
  // x^a e^(−x) / Γ(a), in logs so that large a and x neither overflow nor underflow early.
  const logPrefactor = a * Math.log(x) - x - logGammaA;
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, sum * Math.exp(logPrefactor));
  }
  return Math.max(0, 1 - upperGammaContinuedFraction(a, x) * Math.exp(logPrefactor));
}

/**
 * Beyond this shape the series needs ~10√a terms per value; the Wilson–Hilferty cube-root normal
 * approximation is then accurate to a few 1e-8, far below what a KS distance can resolve.
 */
const WILSON_HILFERTY_FROM = 1e5;

/** P(a, x) ≈ Φ(((x/a)^(1/3) − 1 + 1/(9a))·√(9a)) (Wilson & Hilferty 1931; A&S 26.4.17 for χ² with 2a degrees). */
function wilsonHilferty(a: number, x: number): number {
  const z = (Math.cbrt(x / a) - 1 + 1 / (9 * a)) * Math.sqrt(9 * a);
  return normalCdf(z);
}

/** Γ(a, x)·eˣ·x⁻ᵃ·Γ(a) as 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)), by the modified Lentz method. */
function upperGammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let fraction = d;
  for (let n = 1; n < 10_000; n++) {
    const an = -n * (n - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    fraction *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return fraction;
}
