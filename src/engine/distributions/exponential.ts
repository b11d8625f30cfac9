import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { standardExponential } from './exponential-ziggurat.js';
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
    return this.mean * standardExponential(random);
  }
}
