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
} from '../../../src/engine/distributions/index.js';
import { RandomStream } from '../../../src/engine/random.js';

describe('constructors reject invalid parameters, naming the parameter and value', () => {
  it.each([
    [() => new ExponentialDistribution(0), /exponential: mean .* got 0/],
    [() => new ExponentialDistribution(Infinity), /exponential: mean .* got Infinity/],
    [() => new ConstantDistribution(-1), /constant: value .* got -1/],
    [() => new UniformDistribution(-1, 2), /uniform: min .* got -1/],
    [() => new UniformDistribution(2, 1), /uniform: max must be ≥ min \(2\), got 1/],
    [() => new TruncatedNormalDistribution(NaN, 1), /normal: mean .* got NaN/],
    [() => new TruncatedNormalDistribution(1, -1), /normal: sd .* got -1/],
    [() => new TruncatedNormalDistribution(-1, 0), /normal: with sd 0, mean must be ≥ 0, got -1/],
    [() => new LognormalDistribution(0, 1), /lognormal: mean .* got 0/],
    [() => new LognormalDistribution(1, -0.5), /lognormal: cv .* got -0.5/],
    [() => new GammaDistribution(-2, 1), /gamma: mean .* got -2/],
    [() => new GammaDistribution(1, NaN), /gamma: cv .* got NaN/],
    [() => new ErlangDistribution(2.5, 1), /erlang: k must be an integer ≥ 1, got 2.5/],
    [() => new ErlangDistribution(0, 1), /erlang: k must be an integer ≥ 1, got 0/],
    [() => new ErlangDistribution(2, 0), /erlang: mean .* got 0/],
    [() => new WeibullDistribution(0, 1), /weibull: shape .* got 0/],
    [() => new WeibullDistribution(1, -3), /weibull: scale .* got -3/],
    [() => new EmpiricalDistribution([]), /empirical: values must not be empty/],
    [() => new EmpiricalDistribution([1, -2]), /empirical: values\[1\] .* got -2/],
  ])('%#: %s', (make, message) => {
    expect(make).toThrow(message);
  });
});

describe('labels', () => {
  it('describe the distribution as the user wrote it, with SI units', () => {
    expect(new ExponentialDistribution(0.02).label).toBe('exponential(mean 20ms)');
    expect(new ConstantDistribution(1.5).label).toBe('constant(1.5s)');
    expect(new UniformDistribution(0.00025, 0.5).label).toBe('uniform(250µs, 500ms)');
    expect(new TruncatedNormalDistribution(0.06, 0.01).label).toBe(
      'normal(mean 60ms, sd 10ms) truncated at 0',
    );
    expect(new LognormalDistribution(0.06, 1.5).label).toBe('lognormal(mean 60ms, cv 1.5)');
    expect(new GammaDistribution(2, 0.25).label).toBe('gamma(mean 2s, cv 0.25)');
    expect(new ErlangDistribution(3, 0.09).label).toBe('erlang(k 3, mean 90ms)');
    expect(new WeibullDistribution(1.5, 0.2).label).toBe('weibull(shape 1.5, scale 200ms)');
    expect(new EmpiricalDistribution([0.01, 0.03]).label).toBe('empirical(2 values, mean 20ms)');
  });
});

describe('lognormal and gamma parameters', () => {
  it('lognormal: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2', () => {
    const distribution = new LognormalDistribution(0.06, 1.5);
    expect(distribution.sigma ** 2).toBeCloseTo(Math.log(1 + 1.5 ** 2), 14);
    expect(distribution.mu).toBeCloseTo(Math.log(0.06) - Math.log(1 + 1.5 ** 2) / 2, 14);
  });

  it('gamma: shape 1/cv², scale mean·cv²', () => {
    const distribution = new GammaDistribution(0.06, 0.5);
    expect(distribution.shape).toBe(4);
    expect(distribution.scale).toBeCloseTo(0.015, 16);
  });
});

describe('weibull moments for large shapes', () => {
  it('keep the variance accurate where Γ(1 + 2/k) − Γ(1 + 1/k)² nearly cancels', () => {
    // mpmath: mean Γ(1.02) = 0.9888442032639133, variance Γ(1.04) − Γ(1.02)² = 0.0006253425856013038.
    const distribution = new WeibullDistribution(50, 1);
    expect(distribution.mean).toBeCloseTo(0.9888442032639133, 14);
    expect(Math.abs(distribution.variance / 0.0006253425856013038 - 1)).toBeLessThan(1e-9);
  });
});

describe('the spare normal', () => {
  it('is never handed to a different stream', () => {
    const shared = new StandardNormalSampler();
    shared.sample(new RandomStream(1, 'a')); // leaves a spare for stream "a"
    const fromShared = shared.sample(new RandomStream(1, 'b'));
    const fromFresh = new StandardNormalSampler().sample(new RandomStream(1, 'b'));
    expect(fromShared).toBe(fromFresh);
  });

  it('is used for the next draw on the same stream', () => {
    const stream = new RandomStream(1, 'a');
    const sampler = new StandardNormalSampler();
    sampler.sample(stream);
    const next = stream.next();
    const paired = new StandardNormalSampler();
    const replay = new RandomStream(1, 'a');
    paired.sample(replay);
    paired.sample(replay); // the spare: draws nothing from the stream
    expect(replay.next()).toBe(next);
  });
});
