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
  type Distribution,
} from '../engine/distributions/index.js';
import type { DistributionSpec } from '../scenario/types.js';

/**
 * Builds the engine distribution a scenario describes. Build one per component: distributions that draw
 * normals cache a spare value, so sharing one between components would couple their streams.
 */
export function distributionFromSpec(spec: DistributionSpec): Distribution {
  switch (spec.kind) {
    case 'exponential':
      return new ExponentialDistribution(spec.mean);
    case 'constant':
      return new ConstantDistribution(spec.value);
    case 'uniform':
      return new UniformDistribution(spec.min, spec.max);
    case 'normal':
      return new TruncatedNormalDistribution(spec.mean, spec.sd);
    case 'lognormal':
      return new LognormalDistribution(spec.mean, spec.cv);
    case 'gamma':
      return new GammaDistribution(spec.mean, spec.cv);
    case 'erlang':
      return new ErlangDistribution(spec.k, spec.mean);
    case 'weibull':
      return new WeibullDistribution(spec.shape, spec.scale);
    case 'empirical':
      return new EmpiricalDistribution(spec.values);
    default: {
      const unknown: never = spec;
      throw new Error(`distributionFromSpec: unknown kind ${JSON.stringify(unknown)}`);
    }
  }
}
