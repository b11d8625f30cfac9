import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertNonNegative, formatSeconds } from './parameters.js';

/** Always the same value (deterministic service, fixed intervals); draws no random numbers. */
export class ConstantDistribution implements Distribution {
  readonly mean: number;
  readonly variance = 0;
  readonly label: string;

  constructor(value: number) {
    assertNonNegative('constant', 'value', value);
    this.mean = value;
    this.label = `constant(${formatSeconds(value)})`;
  }

  sample(_random: RandomStream): number {
    return this.mean;
  }
}
