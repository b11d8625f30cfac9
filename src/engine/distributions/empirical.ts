import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertNonNegative, formatSeconds } from './parameters.js';

/** Resamples observed values, each equally likely (a bootstrap of measured durations). */
export class EmpiricalDistribution implements Distribution {
  readonly mean: number;
  /** Population variance of the values (divides by n, not n − 1): the variance of one draw. */
  readonly variance: number;
  readonly label: string;
  private readonly values: Float64Array;

  constructor(values: readonly number[]) {
    if (values.length === 0) throw new Error('empirical: values must not be empty, got []');
    // The index below is computed with `| 0`, which needs the count to fit in 31 bits.
    if (values.length >= 2 ** 31) throw new Error(`empirical: too many values (${String(values.length)})`);
    // A plain loop that names the index only on failure: a samples file can give millions of values.
    for (let index = 0; index < values.length; index++) {
      const value = values[index];
      if (!(value >= 0 && Number.isFinite(value))) {
        assertNonNegative('empirical', `values[${String(index)}]`, value);
      }
    }
    this.values = Float64Array.from(values);
    // Two passes: the mean first, then squared deviations (no catastrophic cancellation).
    let sum = 0;
    for (const value of values) sum += value;
    const mean = sum / values.length;
    let squares = 0;
    for (const value of values) squares += (value - mean) ** 2;
    this.mean = mean;
    this.variance = squares / values.length;
    this.label = `empirical(${String(values.length)} values, mean ${formatSeconds(mean)})`;
  }

  sample(random: RandomStream): number {
    return this.values[(random.next() * this.values.length) | 0];
  }
}
