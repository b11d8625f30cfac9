import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertNonNegative, assertPositive, formatNumber, formatSeconds } from './parameters.js';
import { StandardNormalSampler } from './standard-normal.js';

/**
 * Lognormal distribution given by its own mean and coefficient of variation (sd/mean), the way latencies
 * are usually described: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2.
 * cv = 0 degrades to the constant `mean` (no random numbers drawn).
 */
export class LognormalDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly cv: number;
  readonly label: string;
  /** μ and σ of the underlying normal. */
  readonly mu: number;
  readonly sigma: number;
  private readonly normal = new StandardNormalSampler();

  constructor(mean: number, cv: number) {
    assertPositive('lognormal', 'mean', mean);
    assertNonNegative('lognormal', 'cv', cv);
    this.mean = mean;
    this.cv = cv;
    this.variance = (cv * mean) ** 2;
    // log1p keeps σ² accurate for small cv, where 1 + cv² would round away most of cv².
    const sigmaSquared = Math.log1p(cv * cv);
    this.sigma = Math.sqrt(sigmaSquared);
    this.mu = Math.log(mean) - sigmaSquared / 2;
    this.label = `lognormal(mean ${formatSeconds(mean)}, cv ${formatNumber(cv)})`;
  }

  sample(random: RandomStream): number {
    if (this.sigma === 0) return this.mean;
    return Math.exp(this.mu + this.sigma * this.normal.sample(random));
  }
}
