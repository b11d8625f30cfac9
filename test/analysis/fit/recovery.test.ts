/**
 * Draws from each family with the simulator's own samplers (fixed seeds) and fits them back: the right
 * family must win on AIC and the parameters must come back within the asymptotic standard errors that one
 * family of 12 checks at FAMILY_ALPHA allows (≈ 3.8, test/helpers/statistical.ts), the standard errors from
 * the Fisher information of each family.
 */
import { describe, expect, it } from 'vitest';
import { choose, fitDistributions, type RankedFit } from '../../../src/analysis/fit/rank.js';
import { trigamma } from '../../../src/math/special-functions.js';
import { RandomStream } from '../../../src/engine/random.js';
import { distributionFromSpec } from '../../../src/model/distribution-from-spec.js';
import type { DistributionSpec } from '../../../src/scenario/types.js';
import { checkFamily, expectPass } from '../../helpers/statistical.js';

const N = 10_000;
const family = checkFamily('fit recovery', 12);

function draw(spec: DistributionSpec, n = N): number[] {
  const distribution = distributionFromSpec(spec);
  const random = new RandomStream(2026, `fit/${spec.kind}`);
  return Array.from({ length: n }, () => distribution.sample(random));
}

function fitOf(report: ReturnType<typeof fitDistributions>, kind: DistributionSpec['kind']): RankedFit {
  const fit = report.fits.find((f) => f.distribution === kind);
  if (!fit) throw new Error(`${kind} not fitted`);
  return fit;
}

/** Expects |estimate − truth| within the family's standard errors (normal: asymptotic estimates). */
function expectWithin(estimate: number, truth: number, standardError: number) {
  expectPass(family.withinStandardErrors(estimate, truth, standardError, { label: `${truth}` }));
}

describe('fitting recovers the family and parameters the samples came from', () => {
  it('exponential (mean 25ms): mean within k·mean/√n', () => {
    const report = fitDistributions(draw({ kind: 'exponential', mean: 0.025 }));
    expect(report.best.distribution).toBe('exponential');
    expectWithin(
      report.best.spec.kind === 'exponential' ? report.best.spec.mean : NaN,
      0.025,
      0.025 / Math.sqrt(N),
    );
  });

  it('lognormal (mean 25ms, cv 1.2): mean and cv within k delta-method standard errors', () => {
    const report = fitDistributions(draw({ kind: 'lognormal', mean: 0.025, cv: 1.2 }));
    expect(report.best.distribution).toBe('lognormal');
    expect(report.fits[0].distribution).toBe('lognormal');
    const { mean, cv } = fitOf(report, 'lognormal').parameters;
    const s2 = Math.log1p(1.2 ** 2);
    // μ̂ has variance σ²/n and σ̂ σ²/(2n); ln mean = μ + σ²/2 and cv = √(e^(σ²) − 1) by the delta method.
    expectWithin(mean, 0.025, 0.025 * Math.sqrt(s2 / N + (s2 * s2) / (2 * N)));
    expectWithin(cv, 1.2, ((Math.sqrt(s2) * Math.exp(s2)) / 1.2) * Math.sqrt(s2 / (2 * N)));
  });

  it('gamma (mean 25ms, cv 0.6): mean within k·cv·mean/√n, shape within k·√(k/(n(kψ′(k) − 1)))', () => {
    const report = fitDistributions(draw({ kind: 'gamma', mean: 0.025, cv: 0.6 }));
    expect(report.best.distribution).toBe('gamma');
    const { mean, cv } = fitOf(report, 'gamma').parameters;
    const k = 1 / 0.36;
    expectWithin(mean, 0.025, (0.6 * 0.025) / Math.sqrt(N));
    expectWithin(1 / cv ** 2, k, Math.sqrt(k / (N * (k * trigamma(k) - 1))));
  });

  it('erlang (k 3, mean 25ms): k = 3 exactly, and erlang chosen or tied with gamma', () => {
    const report = fitDistributions(draw({ kind: 'erlang', k: 3, mean: 0.025 }));
    const erlang = fitOf(report, 'erlang');
    expect(erlang.parameters.k).toBe(3);
    expectWithin(erlang.parameters.mean, 0.025, 0.025 / Math.sqrt(3 * N));
    // An Erlang is a gamma with integer shape: with the true shape an integer, 2(ln L_gamma − ln L_erlang) is
    // at most about χ²₁, so erlang's ΔAIC stays below its 99.9 % point 10.83; within 2 units it is chosen.
    expect(erlang.deltaAic).toBeLessThan(10.83);
    expect(['erlang', 'gamma']).toContain(report.best.distribution);
    expect(report.best.distribution === 'erlang').toBe(erlang.deltaAic! < 2);
  });

  it('weibull (shape 1.7, scale 30ms): shape within k·0.780k/√n, scale within k·1.053λ/(k√n)', () => {
    const report = fitDistributions(draw({ kind: 'weibull', shape: 1.7, scale: 0.03 }));
    expect(report.best.distribution).toBe('weibull');
    const { shape, scale } = fitOf(report, 'weibull').parameters;
    // Asymptotic variances (6/π²)k²/n and 1.109λ²/(k²n) (Cohen 1965, Technometrics 7(4)).
    expectWithin(shape, 1.7, Math.sqrt(6 / Math.PI ** 2) * (1.7 / Math.sqrt(N)));
    expectWithin(scale, 0.03, (Math.sqrt(1.109) * 0.03) / (1.7 * Math.sqrt(N)));
  });

  it('normal, barely truncated (mean 25ms, sd 5ms): mean within kσ/√n, sd within kσ/√(2n)', () => {
    const report = fitDistributions(draw({ kind: 'normal', mean: 0.025, sd: 0.005 }));
    expect(report.best.distribution).toBe('normal');
    const { mean, sd } = fitOf(report, 'normal').parameters;
    expectWithin(mean, 0.025, 0.005 / Math.sqrt(N));
    expectWithin(sd, 0.005, 0.005 / Math.sqrt(2 * N));
  });

  it('normal, heavily truncated (mean 10ms, sd 20ms, 31 % below 0): the location and sd of the underlying normal', () => {
    const truth = [0.01, 0.02];
    const values = draw({ kind: 'normal', mean: truth[0], sd: truth[1] });
    const report = fitDistributions(values);
    expect(report.best.distribution).toBe('normal');
    const { mean, sd } = fitOf(report, 'normal').parameters;
    // Standard errors from the observed information: the numerical Hessian of the truncated log-likelihood.
    const logLikelihood = ([mu, sigma]: number[]) =>
      values.reduce((sum, x) => sum - 0.5 * ((x - mu) / sigma) ** 2 - Math.log(sigma), 0) -
      values.length * Math.log(normalCdfForTest(mu / sigma));
    const [seMean, seSd] = standardErrors(logLikelihood, [mean, sd]);
    expectWithin(mean, truth[0], seMean);
    expectWithin(sd, truth[1], seSd);
  });

  it('uniform (10ms to 30ms): each bound within 10·range/n (P(further) = e⁻¹⁰)', () => {
    const report = fitDistributions(draw({ kind: 'uniform', min: 0.01, max: 0.03 }));
    expect(report.best.distribution).toBe('uniform');
    const { min, max } = fitOf(report, 'uniform').parameters;
    expect(min).toBeGreaterThanOrEqual(0.01);
    expect(max).toBeLessThanOrEqual(0.03);
    expect(min - 0.01).toBeLessThan((10 * 0.02) / N);
    expect(0.03 - max).toBeLessThan((10 * 0.02) / N);
  });

  it('the winner fits well by KS, and the losers of a clear case fail it', () => {
    const report = fitDistributions(draw({ kind: 'lognormal', mean: 0.025, cv: 1.2 }));
    expect(report.fits[0].ks.pValue).toBeGreaterThan(0.001);
    for (const loser of report.fits.slice(1)) expect(loser.ks.pValue).toBeLessThan(1e-6);
    // The fitted upper percentiles of the winner track the observed ones.
    for (const { fitted, observed } of Object.values(report.best.percentiles))
      expect(Math.abs(fitted / observed - 1)).toBeLessThan(0.06);
  });
});

describe('ranking', () => {
  const fit = (distribution: RankedFit['distribution'], deltaAic: number): RankedFit => ({
    distribution,
    deltaAic,
    aic: deltaAic,
    parameters: {},
    spec: { kind: 'exponential', mean: 1 },
    parameterCount: 2,
    logLikelihood: 0,
    ks: { d: 0, pValue: 1 },
    andersonDarling: 0,
  });

  it('prefers the most special case within 2 AIC units of the leader (gamma → erlang → exponential)', () => {
    expect(choose([fit('gamma', 0), fit('erlang', 1.5)]).chosen.distribution).toBe('erlang');
    expect(choose([fit('gamma', 0), fit('erlang', 2.5)]).chosen.distribution).toBe('gamma');
    expect(choose([fit('gamma', 0), fit('erlang', 1), fit('exponential', 1.9)]).chosen.distribution).toBe(
      'exponential',
    );
    // Every step is measured from the leader: 2.5 units from the gamma is too far, even via the Erlang.
    expect(choose([fit('gamma', 0), fit('erlang', 1), fit('exponential', 2.5)]).chosen.distribution).toBe(
      'erlang',
    );
    expect(choose([fit('lognormal', 0), fit('exponential', 1)]).chosen.distribution).toBe('lognormal');
    expect(choose([fit('weibull', 0), fit('exponential', 1)]).reason).toMatch(/special case of weibull/);
  });

  it('reports only a constant when every value is equal', () => {
    const report = fitDistributions(Array<number>(20).fill(0.025));
    expect(report.best.spec).toEqual({ kind: 'constant', value: 0.025 });
    expect(report.fits).toHaveLength(1);
    expect(report.skipped.map((s) => s.distribution)).toContain('lognormal');
  });

  it('ranks by AIC with ΔAIC from the best and lists what it skipped and why', () => {
    const report = fitDistributions([0, ...draw({ kind: 'exponential', mean: 1 }, 200)]);
    const aics = report.fits.map((f) => f.aic!);
    expect(aics).toEqual([...aics].sort((a, b) => a - b));
    expect(report.fits[0].deltaAic).toBe(0);
    for (const f of report.fits) expect(f.aic).toBeCloseTo(2 * f.parameterCount - 2 * f.logLikelihood!, 9);
    expect(report.skipped.find((s) => s.distribution === 'gamma')?.reason).toMatch(/1 value is 0/);
  });
});

/** Φ(x) for the test's own likelihood (the implementation under test uses the engine's). */
function normalCdfForTest(x: number): number {
  // Φ(x) = ½ erfc(−x/√2) by the A&S 7.1.26 rational approximation, accurate to 1.5e-7: ample for SEs.
  const z = -x / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * Math.abs(z));
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfcAbs = poly * Math.exp(-z * z);
  return 0.5 * (z >= 0 ? erfcAbs : 2 - erfcAbs);
}

/** √diag of the inverse negative Hessian of f at a 2-vector maximum, by central differences. */
function standardErrors(f: (p: number[]) => number, at: number[]): number[] {
  const h = at.map((v) => v * 1e-3);
  const second = (i: number, j: number) => {
    const shifted = (si: number, sj: number) => {
      const p = [...at];
      p[i] += si * h[i];
      p[j] += sj * h[j];
      return f(p);
    };
    return (shifted(1, 1) - shifted(1, -1) - shifted(-1, 1) + shifted(-1, -1)) / (4 * h[i] * h[j]);
  };
  const [a, b, d] = [-second(0, 0), -second(0, 1), -second(1, 1)];
  const det = a * d - b * b;
  return [Math.sqrt(d / det), Math.sqrt(a / det)];
}
