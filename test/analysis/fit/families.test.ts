/**
 * Each estimator on small samples whose maximum-likelihood answer is known: closed forms by hand, the
 * iterative ones against scipy.stats (…fit(x, floc=0) and logpdf sums) and against their own equations.
 */
import { describe, expect, it } from 'vitest';
import { fitErlang } from '../../../src/analysis/fit/families/erlang.js';
import { fitExponential } from '../../../src/analysis/fit/families/exponential.js';
import {
  isFitted,
  type FamilyOutcome,
  type FittedFamily,
} from '../../../src/analysis/fit/families/family.js';
import { fitGamma } from '../../../src/analysis/fit/families/gamma.js';
import { fitLognormal } from '../../../src/analysis/fit/families/lognormal.js';
import { fitTruncatedNormal } from '../../../src/analysis/fit/families/normal.js';
import { fitUniform } from '../../../src/analysis/fit/families/uniform.js';
import { fitWeibull } from '../../../src/analysis/fit/families/weibull.js';
import { sampleStatistics } from '../../../src/analysis/fit/sample-statistics.js';
import { digamma } from '../../../src/math/special-functions.js';

const ONE_TO_TEN = sampleStatistics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const WITH_ZERO = sampleStatistics([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

function fitted(outcome: FamilyOutcome): FittedFamily {
  if (!isFitted(outcome)) throw new Error(`expected a fit, got skipped: ${outcome.skipped}`);
  return outcome;
}

describe('closed-form estimators', () => {
  it('exponential: mean = x̄, ln L = −n(ln x̄ + 1)', () => {
    const fit = fitted(fitExponential(ONE_TO_TEN));
    expect(fit.spec).toEqual({ kind: 'exponential', mean: 5.5 });
    expect(fit.logLikelihood).toBeCloseTo(-10 * (Math.log(5.5) + 1), 12);
    expect(fit.logLikelihood).toBeCloseTo(-27.047480922384253, 12); // scipy expon.logpdf sum
  });

  it('uniform: the bounds are min and max, ln L = −n ln(max − min)', () => {
    const fit = fitted(fitUniform(ONE_TO_TEN));
    expect(fit.spec).toEqual({ kind: 'uniform', min: 1, max: 10 });
    expect(fit.logLikelihood).toBeCloseTo(-10 * Math.log(9), 12);
    expect(fit.cdf(5.5)).toBeCloseTo(0.5, 14);
  });

  it('lognormal: μ, σ from the logs, written as mean and cv (scipy lognorm.fit: s 0.69541, scale 4.52873)', () => {
    const fit = fitted(fitLognormal(ONE_TO_TEN));
    const sigma = 0.6954074984764735;
    expect(fit.spec).toEqual({
      kind: 'lognormal',
      mean: expect.closeTo(4.5287286881167645 * Math.exp(sigma ** 2 / 2), 10),
      cv: expect.closeTo(Math.sqrt(Math.expm1(sigma ** 2)), 10),
    });
    expect(fit.logLikelihood).toBeCloseTo(-25.66122514014469, 10);
  });

  it('rules out the positive-only families when a value is 0, saying why', () => {
    for (const estimator of [fitLognormal, fitGamma, fitWeibull, fitErlang]) {
      const outcome = estimator(WITH_ZERO);
      expect(isFitted(outcome)).toBe(false);
      expect(isFitted(outcome) ? '' : outcome.skipped).toMatch(/^1 value is 0, and /);
    }
    expect(isFitted(fitExponential(WITH_ZERO))).toBe(true);
    expect(isFitted(fitTruncatedNormal(WITH_ZERO))).toBe(true);
  });
});

describe('iterative estimators', () => {
  it('gamma: the shape solves ln k − ψ(k) = ln x̄ − mean ln x (scipy gamma.fit: a 2.72844, ln L −24.88080)', () => {
    const fit = fitted(fitGamma(ONE_TO_TEN));
    if (fit.spec.kind !== 'gamma') throw new Error('not a gamma');
    const k = 1 / fit.spec.cv ** 2;
    const s = Math.log(5.5) - ONE_TO_TEN.meanLog!;
    expect(Math.log(k) - digamma(k) - s).toBeCloseTo(0, 14);
    expect(k).toBeCloseTo(2.728444313979158, 5); // scipy's optimiser stops near 1e-7
    expect(fit.spec.mean).toBe(5.5);
    expect(fit.logLikelihood).toBeCloseTo(-24.880798460016432, 8);
  });

  it('erlang: the better of the integers around the gamma shape (k = 3: −24.9067 beats k = 2: −25.1276)', () => {
    const fit = fitted(fitErlang(ONE_TO_TEN));
    expect(fit.spec).toEqual({ kind: 'erlang', k: 3, mean: 5.5 });
    expect(fit.logLikelihood).toBeCloseTo(-24.90672076655789, 10);
  });

  it('erlang is skipped when its best k is 1: that is the exponential', () => {
    const outcome = fitErlang(sampleStatistics([0.1, 0.2, 0.5, 1, 1.5, 2, 3, 4.5, 7, 12]));
    expect(isFitted(outcome) ? '' : outcome.skipped).toMatch(/best integer k is 1/);
  });

  it('weibull: the root of the shape equation (scipy brentq to 1e-15: k 1.9840353, λ 6.1953569, ln L −24.4702350)', () => {
    const fit = fitted(fitWeibull(ONE_TO_TEN));
    expect(fit.spec).toEqual({
      kind: 'weibull',
      shape: expect.closeTo(1.9840353049453976, 12),
      scale: expect.closeTo(6.1953568834652195, 12),
    });
    expect(fit.logLikelihood).toBeCloseTo(-24.470235039022988, 12);
  });

  it('weibull converges for very wide and very narrow samples', () => {
    const wide = fitted(fitWeibull(sampleStatistics([1e-6, 1e-3, 0.01, 0.5, 3, 40, 900, 1e4, 2e5, 1e6])));
    const narrow = fitted(fitWeibull(sampleStatistics(Array.from({ length: 10 }, (_, i) => 1 + i * 1e-4))));
    expect(wide.spec.kind === 'weibull' && wide.spec.shape).toBeLessThan(0.3);
    expect(narrow.spec.kind === 'weibull' && narrow.spec.shape).toBeGreaterThan(1000);
    expect(Number.isFinite(wide.logLikelihood) && Number.isFinite(narrow.logLikelihood)).toBe(true);
  });

  it('normal: a truncated fit where truncation matters (optimum by scipy Nelder–Mead: μ 0.10054, σ 0.67276)', () => {
    const sample = sampleStatistics([0.1, 0.3, 0.2, 0.9, 1.5, 0.05, 0.7, 0.4, 1.1, 0.25, 0.6, 0.8]);
    const fit = fitted(fitTruncatedNormal(sample));
    expect(fit.spec).toEqual({
      kind: 'normal',
      mean: expect.closeTo(0.10054323344231665, 5),
      sd: expect.closeTo(0.672758729129279, 5),
    });
    expect(fit.logLikelihood).toBeCloseTo(-4.667776932992143, 9);
    expect(fit.note).toMatch(/lies below 0/);
    expect(fit.cdf(0)).toBe(0);
  });

  it('normal: the plain fit (sample mean and sd, to 1e-6) when the mass below 0 is negligible (5e-8)', () => {
    const values = [2.0, 2.5, 3.1, 1.8, 2.2, 2.9, 3.3, 2.4, 2.6, 2.1, 1.9, 2.7];
    const mean = values.reduce((a, b) => a + b) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    const fit = fitted(fitTruncatedNormal(sampleStatistics(values)));
    expect(fit.spec).toEqual({ kind: 'normal', mean: expect.closeTo(mean, 6), sd: expect.closeTo(sd, 6) });
    // The truncated optimum (scipy Nelder–Mead: ln L −7.7324210) is a hair above the plain one (−7.7324215).
    expect(fit.logLikelihood).toBeCloseTo(-7.732420972726, 7);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-7.732421549976941);
    expect(fit.note).toMatch(/negligible/);
  });

  it('normal: a half-normal sample keeps a mean > 0, as the scenario requires, and says so', () => {
    const fit = fitted(
      fitTruncatedNormal(sampleStatistics([0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6, 0.9])),
    );
    expect(fit.spec.kind === 'normal' && fit.spec.mean).toBeGreaterThan(0);
    expect(fit.note).toMatch(/half-normal/);
  });
});
