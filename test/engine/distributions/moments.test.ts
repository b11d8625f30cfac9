import { describe, expect, it } from 'vitest';
import {
  ConstantDistribution,
  EmpiricalDistribution,
  ErlangDistribution,
  ExponentialDistribution,
  GammaDistribution,
  LognormalDistribution,
  StandardNormalSampler,
  TruncatedNormalDistribution,
  UniformDistribution,
  WeibullDistribution,
  type Distribution,
} from '../../../src/engine/distributions/index.js';
import { RandomStream } from '../../../src/engine/random.js';
import { checkFamily, expectAllPass } from '../../helpers/statistical.js';
import { N, draw, relativeError } from './statistics.js';

interface Case {
  name: string;
  make: () => Distribution;
  /** Closed-form (or 30-digit mpmath) moments the declared ones must equal. */
  mean: number;
  variance: number;
}

const empiricalValues = [0.01, 0.02, 0.02, 0.05, 0.1];

// Truncated-normal references: E = μ + σλ, Var = σ²(1 + aλ − λ²), evaluated with mpmath at 30 digits.
const cases: Case[] = [
  {
    name: 'exponential(mean 20ms)',
    make: () => new ExponentialDistribution(0.02),
    mean: 0.02,
    variance: 4e-4,
  },
  { name: 'exponential(mean 3s)', make: () => new ExponentialDistribution(3), mean: 3, variance: 9 },
  {
    name: 'uniform(10ms, 50ms)',
    make: () => new UniformDistribution(0.01, 0.05),
    mean: 0.03,
    variance: 0.04 ** 2 / 12,
  },
  { name: 'uniform(0, 1)', make: () => new UniformDistribution(0, 1), mean: 0.5, variance: 1 / 12 },
  {
    name: 'normal(0, 1) truncated',
    make: () => new TruncatedNormalDistribution(0, 1),
    mean: Math.sqrt(2 / Math.PI),
    variance: 1 - 2 / Math.PI,
  },
  {
    name: 'normal(1, 2) truncated',
    make: () => new TruncatedNormalDistribution(1, 2),
    mean: 2.018320867674067,
    variance: 1.9447017427854685,
  },
  {
    name: 'normal(60ms, 20ms) truncated (almost untruncated)',
    make: () => new TruncatedNormalDistribution(0.06, 0.02),
    mean: 0.06008875678084251,
    variance: 0.0003946667153833037,
  },
  {
    name: 'normal(-3, 1) truncated (deep tail, Robert sampler)',
    make: () => new TruncatedNormalDistribution(-3, 1),
    mean: 0.2830986549304365,
    variance: 0.07055918678526811,
  },
  {
    name: 'normal(-0.5s, 0.1s) truncated',
    make: () => new TruncatedNormalDistribution(-0.5, 0.1),
    mean: 0.018650396712584213,
    variance: 0.0003269643461711224,
  },
  {
    name: 'lognormal(60ms, cv 0.5)',
    make: () => new LognormalDistribution(0.06, 0.5),
    mean: 0.06,
    variance: 0.03 ** 2,
  },
  { name: 'lognormal(1s, cv 1)', make: () => new LognormalDistribution(1, 1), mean: 1, variance: 1 },
  {
    name: 'gamma(60ms, cv 0.5) shape 4',
    make: () => new GammaDistribution(0.06, 0.5),
    mean: 0.06,
    variance: 0.03 ** 2,
  },
  { name: 'gamma(1s, cv 1) shape 1', make: () => new GammaDistribution(1, 1), mean: 1, variance: 1 },
  {
    name: 'gamma(1s, cv 2) shape 0.25 (boost)',
    make: () => new GammaDistribution(1, 2),
    mean: 1,
    variance: 4,
  },
  { name: 'erlang(k 1, 1s)', make: () => new ErlangDistribution(1, 1), mean: 1, variance: 1 },
  {
    name: 'erlang(k 3, 90ms) product',
    make: () => new ErlangDistribution(3, 0.09),
    mean: 0.09,
    variance: 0.09 ** 2 / 3,
  },
  { name: 'erlang(k 10, 2s) gamma', make: () => new ErlangDistribution(10, 2), mean: 2, variance: 0.4 },
  {
    name: 'weibull(shape 2, scale 1)',
    make: () => new WeibullDistribution(2, 1),
    mean: Math.sqrt(Math.PI) / 2,
    variance: 1 - Math.PI / 4,
  },
  // Γ(3) = 2, Γ(5) = 24: mean 2·2, variance 2²·(24 − 2²).
  { name: 'weibull(shape 0.5, scale 2)', make: () => new WeibullDistribution(0.5, 2), mean: 4, variance: 80 },
  {
    name: 'weibull(shape 1, scale 3) = exponential',
    make: () => new WeibullDistribution(1, 3),
    mean: 3,
    variance: 9,
  },
  {
    name: 'weibull(shape 3.5, scale 100ms)',
    make: () => new WeibullDistribution(3.5, 0.1),
    mean: 0.0899747176502839,
    variance: 0.0008107275146229762,
  },
  {
    name: 'empirical(5 values)',
    make: () => new EmpiricalDistribution(empiricalValues),
    mean: 0.04,
    // population variance of [0.01, 0.02, 0.02, 0.05, 0.1] around 0.04
    variance: (0.03 ** 2 + 0.02 ** 2 + 0.02 ** 2 + 0.01 ** 2 + 0.06 ** 2) / 5,
  },
];

// One family for every case's two moment checks: at 0.002 / 44 each, about 4.1 standard errors.
const drawnMoments = checkFamily('drawn moments', 2 * cases.length);

describe.each(cases)('$name', ({ make, mean, variance }) => {
  it('declares the closed-form mean and variance', () => {
    const distribution = make();
    expect(relativeError(distribution.mean, mean)).toBeLessThan(1e-13);
    expect(relativeError(distribution.variance, variance)).toBeLessThan(1e-12);
  });

  it('draws with that mean and variance (within the family’s standard errors, n = 200,000)', () => {
    const distribution = make();
    const samples = draw(distribution);
    expectAllPass(drawnMoments.momentsMatch(samples, distribution, 'draws'));
    expect(samples.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
  });

  it('repeats the same sequence for the same seed, and a different one for another stream', () => {
    const first = draw(make(), 1000, new RandomStream(12345, 'test'));
    const again = draw(make(), 1000, new RandomStream(12345, 'test'));
    const other = draw(make(), 1000, new RandomStream(12345, 'other'));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});

describe('the moment check has power at the level of the drawn-moments family', () => {
  const samples = draw(new ExponentialDistribution(1));
  // The same number of checks as the real family, so the same number of standard errors (≈ 4.1).
  const power = checkFamily('drawn moments (power)', 2 * cases.length);

  it('rejects a mean 2 % off (10 standard errors at this seed, n = 200,000)', () => {
    const [meanVerdict] = power.momentsMatch(samples, { mean: 1.02, variance: 1.02 ** 2 }, 'mean 2 % off');
    expect(meanVerdict.pass).toBe(false);
  });

  it('rejects a variance 5 % off with the right mean (9 standard errors at this seed)', () => {
    const [meanVerdict, varianceVerdict] = power.momentsMatch(
      samples,
      { mean: 1, variance: 1.05 },
      'variance 5 % off',
    );
    expect(meanVerdict.pass).toBe(true);
    expect(varianceVerdict.pass).toBe(false);
  });
});

describe('constant', () => {
  it('always returns its value and has zero variance', () => {
    const distribution = new ConstantDistribution(0.06);
    expect(distribution.mean).toBe(0.06);
    expect(distribution.variance).toBe(0);
    expect(draw(distribution, 1000).every((x) => x === 0.06)).toBe(true);
  });
});

describe('cv = 0 and sd = 0 degrade to a constant', () => {
  it.each([
    ['lognormal', () => new LognormalDistribution(0.06, 0)],
    ['gamma', () => new GammaDistribution(0.06, 0)],
    ['normal', () => new TruncatedNormalDistribution(0.06, 0)],
  ] as const)('%s', (_name, make) => {
    const distribution = make();
    expect(distribution.mean).toBe(0.06);
    expect(distribution.variance).toBe(0);
    expect(draw(distribution, 1000).every((x) => x === 0.06)).toBe(true);
  });
});

describe('empirical', () => {
  it('only returns observed values, each about equally often', () => {
    const values = [0.5, 1, 2, 4];
    const samples = draw(new EmpiricalDistribution(values));
    // Each count is Binomial(n, 1/4) (sd = √(n·¼·¾) ≈ 194): four checks.
    const family = checkFamily('empirical frequencies', values.length);
    expectAllPass(
      values.map((value) =>
        family.binomialCount(samples.filter((x) => x === value).length, samples.length, 1 / 4, {
          label: `count of ${value}`,
        }),
      ),
    );
    expect(samples.every((x) => values.includes(x))).toBe(true);
  });

  it('copies its input', () => {
    const values = [1, 2, 3];
    const distribution = new EmpiricalDistribution(values);
    values[0] = 100;
    expect(draw(distribution, 1000).every((x) => x <= 3)).toBe(true);
  });
});

describe('uniform', () => {
  it('stays within [min, max]', () => {
    const samples = draw(new UniformDistribution(0.25, 0.75));
    expect(samples.every((x) => x >= 0.25 && x <= 0.75)).toBe(true);
  });
});

describe('standard normal sampler', () => {
  it('draws N(0, 1) with no correlation between consecutive values (each pair shares one polar step)', () => {
    const sampler = new StandardNormalSampler();
    const stream = new RandomStream(12345, 'test');
    const samples = new Float64Array(N);
    for (let i = 0; i < N; i++) samples[i] = sampler.sample(stream);
    const family = checkFamily('standard normal sampler', 3);
    // Lag-1 correlation of independent N(0, 1) values has standard error 1/√n.
    let lagProduct = 0;
    for (let i = 1; i < N; i++) lagProduct += samples[i - 1] * samples[i];
    expectAllPass([
      ...family.momentsMatch(samples, { mean: 0, variance: 1 }, 'N(0, 1)'),
      family.withinStandardErrors(lagProduct / (N - 1), 0, 1 / Math.sqrt(N), { label: 'lag-1 correlation' }),
    ]);
  });
});
