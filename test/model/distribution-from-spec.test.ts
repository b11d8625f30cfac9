import { describe, expect, it } from 'vitest';
import {
  ConstantDistribution,
  EmpiricalDistribution,
  ErlangDistribution,
  ExponentialDistribution,
  GammaDistribution,
  LognormalDistribution,
  TruncatedNormalDistribution,
  UniformDistribution,
  WeibullDistribution,
} from '../../src/engine/distributions/index.js';
import { RandomStream } from '../../src/engine/random.js';
import { distributionFromSpec } from '../../src/model/distribution-from-spec.js';
import type { DistributionSpec } from '../../src/scenario/types.js';

const cases: [DistributionSpec, new (...args: never[]) => unknown, number, number][] = [
  [{ kind: 'exponential', mean: 0.02 }, ExponentialDistribution, 0.02, 0.02 ** 2],
  [{ kind: 'constant', value: 0.5 }, ConstantDistribution, 0.5, 0],
  [{ kind: 'uniform', min: 1, max: 3 }, UniformDistribution, 2, 1 / 3],
  [{ kind: 'normal', mean: 0, sd: 1 }, TruncatedNormalDistribution, Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI],
  [{ kind: 'lognormal', mean: 0.06, cv: 1.5 }, LognormalDistribution, 0.06, 0.09 ** 2],
  [{ kind: 'gamma', mean: 2, cv: 0.5 }, GammaDistribution, 2, 1],
  [{ kind: 'erlang', k: 4, mean: 2 }, ErlangDistribution, 2, 1],
  [{ kind: 'weibull', shape: 2, scale: 1 }, WeibullDistribution, Math.sqrt(Math.PI) / 2, 1 - Math.PI / 4],
  [{ kind: 'empirical', values: [1, 3] }, EmpiricalDistribution, 2, 1],
];

describe('distributionFromSpec', () => {
  it.each(cases)('%o', (spec, type, mean, variance) => {
    const distribution = distributionFromSpec(spec);
    expect(distribution).toBeInstanceOf(type);
    expect(distribution.mean).toBeCloseTo(mean, 14);
    expect(distribution.variance).toBeCloseTo(variance, 14);
    expect(distribution.sample(new RandomStream(1, 'x'))).toBeGreaterThanOrEqual(0);
  });

  it('passes the spec parameters in the right order', () => {
    expect(distributionFromSpec({ kind: 'uniform', min: 0.01, max: 0.05 }).label).toBe('uniform(10ms, 50ms)');
    expect(distributionFromSpec({ kind: 'erlang', k: 3, mean: 0.09 }).label).toBe('erlang(k 3, mean 90ms)');
    expect(distributionFromSpec({ kind: 'weibull', shape: 1.5, scale: 0.2 }).label).toBe(
      'weibull(shape 1.5, scale 200ms)',
    );
  });

  it('turns cv = 0 into a constant draw of the mean', () => {
    const distribution = distributionFromSpec({ kind: 'gamma', mean: 0.25, cv: 0 });
    expect(distribution.sample(new RandomStream(1, 'x'))).toBe(0.25);
    expect(distribution.variance).toBe(0);
  });

  it('throws on a kind it does not know (a bug: the schema admits none)', () => {
    expect(() => distributionFromSpec({ kind: 'pareto' } as unknown as DistributionSpec)).toThrow(
      /unknown kind/,
    );
  });
});
