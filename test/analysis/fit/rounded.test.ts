/**
 * Values rounded to a grid (timestamps to the microsecond): gaps of exactly 0 must not rule out every family
 * but the exponential. Bursty gamma gaps (cv 2.05) rounded to 1 µs are fitted as a gamma whose cv and mean
 * are within the family's asymptotic standard errors of the truth; a mixture no family fits gets the empirical line instead.
 */
import { describe, expect, it } from 'vitest';
import {
  empiricalOf,
  fitDistributions,
  EMPIRICAL_SHARES,
  PASS_P_VALUE,
} from '../../../src/analysis/fit/rank.js';
import { detectResolution, materialResolution } from '../../../src/analysis/fit/resolution.js';
import { fitGamma } from '../../../src/analysis/fit/families/gamma.js';
import { goodnessOfFit } from '../../../src/analysis/fit/goodness-of-fit.js';
import { roundedGoodnessOfFit, roundedSample } from '../../../src/analysis/fit/rounded.js';
import { sampleStatistics } from '../../../src/analysis/fit/sample-statistics.js';
import { trigamma } from '../../../src/math/special-functions.js';
import { RandomStream } from '../../../src/engine/random.js';
import { distributionFromSpec } from '../../../src/model/distribution-from-spec.js';
import { checkFamily, expectAllPass } from '../../helpers/statistical.js';
import type { DistributionSpec } from '../../../src/scenario/types.js';

const N = 5000;
const MEAN = 0.0189;
const CV = 2.05;

function draw(spec: DistributionSpec, n: number, stream: string): number[] {
  const distribution = distributionFromSpec(spec);
  const random = new RandomStream(2026, stream);
  return Array.from({ length: n }, () => distribution.sample(random));
}

const toMicroseconds = (x: number) => Math.round(x * 1e6) / 1e6;

describe('the resolution of the data', () => {
  it('finds the decimal grid the values lie on, and none for full-precision doubles', () => {
    expect(detectResolution(Float64Array.from([0, 0.001, 0.025, 0.1]))).toBe(1e-3);
    // Zeros and one small value: the grid is that value's, not a coarser one it is within tolerance of.
    expect(detectResolution(Float64Array.from([0, 0, 0, 0.001]))).toBe(1e-3);
    expect(detectResolution(Float64Array.from([0, 1e-6, 0.018923, 0.4]))).toBe(1e-6);
    // Milliseconds with three decimals converted to seconds carry float error; still the 1 µs grid.
    expect(detectResolution(Float64Array.from([39.123, 5.001, 12.5].map((ms) => ms * 1e-3)))).toBe(1e-6);
    const exact = Float64Array.from(draw({ kind: 'exponential', mean: MEAN }, 100, 'grid')).sort();
    expect(detectResolution(exact)).toBeNull();
  });

  it('treats the values as rounded only when the smallest is within a few grid steps of 0', () => {
    expect(materialResolution(Float64Array.from([0.005, 0.02, 0.03]))).toBe(1e-3); // 5 steps of 1 ms
    expect(materialResolution(Float64Array.from([0.051, 0.2]))).toBeNull(); // 51 steps of 1 ms
    expect(materialResolution(Float64Array.from([0.039123, 0.05, 0.1]))).toBeNull(); // 39,123 steps of 1 µs
    expect(materialResolution(Float64Array.from([0, 0.000013, 0.02]))).toBe(1e-6);
  });
});

describe('fitting values rounded to 1 µs', () => {
  const gaps = draw({ kind: 'gamma', mean: MEAN, cv: CV }, N, 'fit/rounded-gamma').map(toMicroseconds);

  it('holds gaps of exactly 0, which the unrounded fit could only give to the exponential', () => {
    expect(gaps.filter((x) => x === 0).length).toBeGreaterThan(100);
  });

  it('fits the gamma with cv and mean within their standard errors and a passing KS test', () => {
    const report = fitDistributions(gaps);
    expect(report.resolution).toBe(1e-6);
    expect(report.best.distribution).toBe('gamma');
    expect(report.familyFits).toBe(true);
    expect(report.empirical).toBeNull();
    const gamma = report.fits.find((fit) => fit.distribution === 'gamma')!;
    expect(gamma.ks.pValue).toBeGreaterThanOrEqual(PASS_P_VALUE);
    // Var(k̂) ≈ k / (n(k·ψ′(k) − 1)) for the gamma shape with the mean estimated too (Fisher information);
    // cv = k^(−1/2), so se(cv) = ½·k^(−3/2)·se(k). Rounding to 1 µs loses little information at this scale.
    const k = 1 / CV ** 2;
    const seK = Math.sqrt(k / (N * (k * trigamma(k) - 1)));
    const seCv = 0.5 * k ** -1.5 * seK;
    const seMean = (MEAN * CV) / Math.sqrt(N);
    const family = checkFamily('rounded gamma fit', 2);
    expectAllPass([
      family.withinStandardErrors(gamma.parameters.cv, CV, seCv, { label: 'cv' }),
      family.withinStandardErrors(gamma.parameters.mean, MEAN, seMean, { label: 'mean' }),
    ]);
    // Every other family is clearly rejected on these bursty gaps.
    for (const fit of report.fits.filter((f) => f.distribution !== 'gamma'))
      expect(fit.ks.pValue, fit.distribution).toBeLessThan(PASS_P_VALUE);
  });

  it('leaves unrounded values to the exact-value fits, as before', () => {
    const exact = draw({ kind: 'gamma', mean: MEAN, cv: CV }, 2000, 'fit/exact-gamma');
    const report = fitDistributions(exact);
    expect(report.resolution).toBeNull();
    const gamma = report.fits.find((fit) => fit.distribution === 'gamma')!;
    const before = fitGamma(sampleStatistics(exact));
    expect(gamma.spec).toEqual('spec' in before ? before.spec : null);
    expect(gamma.logLikelihood).toBe('logLikelihood' in before ? before.logLikelihood : null);
  });
});

describe('goodness of fit for rounded values', () => {
  it('passes the true distribution by the randomised PIT where the plain KS test rejects it', () => {
    // Exponential with mean 5 ms rounded to whole ms: a coarse grid, 10 % of the values are 0.
    const mean = 0.005;
    const cdf = (x: number) => (x <= 0 ? 0 : -Math.expm1(-x / mean));
    const sorted = Float64Array.from(
      draw({ kind: 'exponential', mean }, 4000, 'fit/coarse').map((x) => Math.round(x * 1e3) / 1e3),
    ).sort();
    expect(goodnessOfFit(sorted, cdf).ks.pValue).toBeLessThan(1e-6);
    // With the true CDF (nothing estimated) the p-value is uniform: below 0.001 with probability 0.001.
    expect(roundedGoodnessOfFit(roundedSample(sorted, 1e-3), cdf).ks.pValue).toBeGreaterThan(1e-3);
    // A wrong mean (10 % too high) is still rejected: the transform does not make every fit pass.
    const wrong = (x: number) => (x <= 0 ? 0 : -Math.expm1(-x / (1.1 * mean)));
    expect(roundedGoodnessOfFit(roundedSample(sorted, 1e-3), wrong).ks.pValue).toBeLessThan(1e-3);
  });
});

describe('a sample no family fits', () => {
  // 62 % lognormal(20 ms, cv 0.5) and 38 % lognormal(120 ms, cv 1): two modes, mean ≈ 58 ms, cv ≈ 1.6.
  const fast = draw({ kind: 'lognormal', mean: 0.02, cv: 0.5 }, N, 'fit/mixture-fast');
  const slow = draw({ kind: 'lognormal', mean: 0.12, cv: 1 }, N, 'fit/mixture-slow');
  const pick = new RandomStream(2026, 'fit/mixture-pick');
  const mixture = fast.map((x, i) => (pick.next() < 0.62 ? x : slow[i]));

  it('says so and offers the sample as an empirical distribution with the same mean', () => {
    const report = fitDistributions(mixture);
    expect(report.familyFits).toBe(false);
    for (const fit of report.fits) expect(fit.ks.pValue, fit.distribution).toBeLessThan(PASS_P_VALUE);
    expect(report.empirical?.kind).toBe('empirical');
    const values = report.empirical?.kind === 'empirical' ? report.empirical.values : [];
    expect(values).toHaveLength(EMPIRICAL_SHARES);
    // N is a multiple of the shares, so the block means keep the sample mean exactly (up to float error).
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeCloseTo(report.summary.mean, 12);
    expect(report.skipped.find((skip) => skip.distribution === 'empirical')?.reason).toMatch(
      /no family passes/,
    );
  });

  it('lists every value of a small sample', () => {
    const sorted = Float64Array.from([0.003, 0.001, 0.002]).sort();
    expect(empiricalOf(sorted)).toEqual({ kind: 'empirical', values: [0.001, 0.002, 0.003] });
  });
});
