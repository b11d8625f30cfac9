import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertNonNegative, formatSeconds } from './parameters.js';

/** Continuous uniform distribution on [min, max). */
export class UniformDistribution implements Distribution {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  readonly variance: number;
  readonly label: string;
  private readonly width: number;

  constructor(min: number, max: number) {
    assertNonNegative('uniform', 'min', min);
    assertNonNegative('uniform', 'max', max);
    if (max < min) throw new Error(`uniform: max must be ≥ min (${String(min)}), got ${String(max)}`);
    this.min = min;
    this.max = max;
    this.width = max - min;
    this.mean = (min + max) / 2;
    this.variance = (this.width * this.width) / 12;
    this.label = `uniform(${formatSeconds(min)}, ${formatSeconds(max)})`;
  }

  sample(random: RandomStream): number {
    return this.min + this.width * random.next();
  }
}
