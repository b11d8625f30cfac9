import { describe, expect, it } from 'vitest';
import {
  ErlangDistribution,
  ExponentialDistribution,
  GammaDistribution,
  LognormalDistribution,
  TruncatedNormalDistribution,
  UniformDistribution,
  WeibullDistribution,
  type Distribution,
} from '../../../src/engine/distributions/index.js';
import { normalCdf } from '../../../src/math/special-functions.js';
import { checkFamily, expectPass } from '../../helpers/statistical.js';
import { draw, ksStatistic } from './statistics.js';

/** CDF of Erlang(k) with phase mean θ: 1 − e^(−x/θ)·Σ_{j<k} (x/θ)^j / j!. */
function erlangCdf(k: number, phaseMean: number): (x: number) => number {
  return (x) => {
    const y = x / phaseMean;
    let term = 1;
    let sum = 1;
    for (let j = 1; j < k; j++) {
      term *= y / j;
      sum += term;
    }
    return 1 - Math.exp(-y) * sum;
  };
}

/** CDF of N(μ, σ²) truncated below at 0. */
function truncatedNormalCdf(mu: number, sd: number): (x: number) => number {
  const below = normalCdf(-mu / sd);
  return (x) => (normalCdf((x - mu) / sd) - below) / (1 - below);
}

const cases: [string, Distribution, (x: number) => number][] = [
  ['exponential(mean 2)', new ExponentialDistribution(2), (x) => 1 - Math.exp(-x / 2)],
  ['uniform(1, 3)', new UniformDistribution(1, 3), (x) => Math.min(1, Math.max(0, (x - 1) / 2))],
  ['normal(1, 1) truncated (rejection)', new TruncatedNormalDistribution(1, 1), truncatedNormalCdf(1, 1)],
  ['normal(-2, 1) truncated (Robert)', new TruncatedNormalDistribution(-2, 1), truncatedNormalCdf(-2, 1)],
  [
    'lognormal(mean 1, cv 1.5)',
    new LognormalDistribution(1, 1.5),
    (x) => {
      const sigma = Math.sqrt(Math.log(1 + 1.5 ** 2));
      return normalCdf((Math.log(x) + sigma ** 2 / 2) / sigma);
    },
  ],
  ['gamma(mean 1, cv 0.5) = Erlang(4)', new GammaDistribution(1, 0.5), erlangCdf(4, 0.25)],
  ['erlang(k 2, mean 1) product', new ErlangDistribution(2, 1), erlangCdf(2, 0.5)],
  ['erlang(k 7, mean 1) gamma', new ErlangDistribution(7, 1), erlangCdf(7, 1 / 7)],
  ['weibull(shape 1.5, scale 2)', new WeibullDistribution(1.5, 2), (x) => 1 - Math.exp(-((x / 2) ** 1.5))],
];

describe('Kolmogorov–Smirnov against the exact CDF (n = 200,000)', () => {
  // One check per case at 0.002 / 9 each: the critical √n·D is 2.13 (was 1.63 at 1 % each).
  const family = checkFamily('Kolmogorov–Smirnov', cases.length);

  it.each(cases)('%s', (name, distribution, cdf) => {
    expectPass(family.kolmogorovSmirnovBelow(ksStatistic(draw(distribution), cdf), { label: name }));
  });

  it('has power at that level: exponential draws are rejected against a CDF with a 2 % larger mean', () => {
    const power = checkFamily('Kolmogorov–Smirnov (power)', cases.length);
    const samples = draw(new ExponentialDistribution(2));
    const verdict = power.kolmogorovSmirnovBelow(
      ksStatistic(samples, (x) => 1 - Math.exp(-x / 2.04)),
      {
        label: 'exponential(2) against mean 2.04',
      },
    );
    expect(verdict.pass).toBe(false);
  });
});
