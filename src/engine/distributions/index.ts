/** Probability distributions for inter-arrival and service times. */
export type { Distribution } from './distribution.js';
export { ConstantDistribution } from './constant.js';
export { EmpiricalDistribution } from './empirical.js';
export { ErlangDistribution } from './erlang.js';
export { ExponentialDistribution } from './exponential.js';
export { GammaDistribution, StandardGammaSampler } from './gamma.js';
export { LognormalDistribution } from './lognormal.js';
export { StandardNormalSampler } from './standard-normal.js';
export { TruncatedNormalDistribution } from './truncated-normal.js';
export { UniformDistribution } from './uniform.js';
export { WeibullDistribution } from './weibull.js';
