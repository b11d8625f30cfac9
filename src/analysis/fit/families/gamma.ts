import type { SampleStatistics } from '../sample-statistics.js';
import { digamma, logGamma, regularizedGammaP, trigamma } from '../../../math/special-functions.js';
import { zerosRuleOut, type FamilyOutcome } from './family.js';

/**
 * The MLE of the gamma shape k: the root of ln k − ψ(k) = s, s = ln(mean) − mean(ln x) > 0. Minka's closed-form
 * start, then his generalised Newton step on 1/k (Minka 2002, "Estimating a gamma distribution", eq. 7–8),
 * which converges in a few steps from any start. The scale MLE is then mean/k.
 */
export function gammaShapeMle(s: number): number {
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let i = 0; i < 100; i++) {
    const next = 1 / (1 / k + (Math.log(k) - digamma(k) - s) / (k * k * (1 / k - trigamma(k))));
    const converged = Math.abs(next - k) <= 1e-13 * k;
    k = next;
    if (converged) break;
  }
  return k;
}

/** ln L of gamma(shape k, scale mean/k) at the sample: n[(k − 1)·mean(ln x) − k − k ln θ − ln Γ(k)]. */
export function gammaLogLikelihood(sample: SampleStatistics, meanLog: number, k: number): number {
  const theta = sample.mean / k;
  return sample.n * ((k - 1) * meanLog - k - k * Math.log(theta) - logGamma(k));
}

/** The gamma distribution function with shape k and the given mean: P(k, x·k/mean). */
export function gammaCdf(k: number, mean: number): (x: number) => number {
  const logGammaK = logGamma(k);
  return (x) => regularizedGammaP(k, (x * k) / mean, logGammaK);
}

/** ln(mean) − mean(ln x), the statistic the gamma shape equation needs; ≥ 0 by Jensen's inequality. */
export function logMeanGap(sample: SampleStatistics, meanLog: number): number {
  return Math.log(sample.mean) - meanLog;
}

/** Gamma: shape by gammaShapeMle, mean by the sample mean; written as { mean, cv = 1/√k }. */
export function fitGamma(sample: SampleStatistics): FamilyOutcome {
  if (sample.meanLog === null) return zerosRuleOut(sample.zeros, 'ln x enters the gamma likelihood');
  const k = gammaShapeMle(logMeanGap(sample, sample.meanLog));
  return {
    spec: { kind: 'gamma', mean: sample.mean, cv: 1 / Math.sqrt(k) },
    parameterCount: 2,
    logLikelihood: gammaLogLikelihood(sample, sample.meanLog, k),
    cdf: gammaCdf(k, sample.mean),
  };
}
