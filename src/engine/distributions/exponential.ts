import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertPositive, formatSeconds } from './parameters.js';

/** Exponential distribution given by its mean (memoryless inter-arrival and service times). */
export class ExponentialDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly label: string;

  constructor(mean: number) {
    assertPositive('exponential', 'mean', mean);
    this.mean = mean;
    this.variance = mean * mean;
    this.label = `exponential(mean ${formatSeconds(mean)})`;
  }

  sample(random: RandomStream): number {
    // Inversion; nextOpen() is in (0, 1], so the logarithm is finite.
    return -this.mean * Math.log(random.nextOpen());
  }
}
