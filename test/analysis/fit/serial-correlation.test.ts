import { describe, expect, it } from 'vitest';
import { isSeriallyCorrelated, lag1Autocorrelation } from '../../../src/analysis/fit/serial-correlation.js';
import { RandomStream } from '../../../src/engine/random.js';
import { checkFamily, expectAllPass } from '../../helpers/statistical.js';

describe('lag1Autocorrelation', () => {
  it('is −1 for an alternating series and matches the definition by hand', () => {
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBeCloseTo(-0.75, 14); // Σ lagged −3 over Σ squares 4
    expect(lag1Autocorrelation([1, 2, 3, 4])).toBeCloseTo(0.25, 14); // (−1.5·−0.5 − 0.5·0.5 + 0.5·1.5)/5
    expect(lag1Autocorrelation([2, 2, 2])).toBe(0);
  });

  it('is 0 for independent draws and φ for an AR(1) series with φ = 0.3, within its standard errors', () => {
    const random = new RandomStream(11, 'serial');
    // n = 100,000: with 10,000 this seed's AR(1) estimate lay 3.5 standard errors off (a 5e-4 event, which
    // the old 4/√n cut hid); the seed is unchanged, the larger sample only narrows the standard errors.
    const n = 100_000;
    const independent = Array.from({ length: n }, () => -Math.log(random.nextOpen()));
    let previous = 0;
    const correlated = independent.map((e) => (previous = 0.3 * previous + e));
    const r = lag1Autocorrelation(independent);
    const rc = lag1Autocorrelation(correlated);
    // Bartlett: the lag-1 estimate of an AR(1) series has variance ≈ (1 − φ²)/n (1/n when independent).
    const family = checkFamily('lag-1 autocorrelation', 2);
    expectAllPass([
      family.withinStandardErrors(r, 0, 1 / Math.sqrt(n), { label: 'independent draws' }),
      family.withinStandardErrors(rc, 0.3, Math.sqrt((1 - 0.3 ** 2) / n), { label: 'AR(1), φ = 0.3' }),
    ]);
    expect(isSeriallyCorrelated(r, n)).toBe(false);
    expect(isSeriallyCorrelated(rc, n)).toBe(true);
  });

  it('ignores correlations too small to matter even when n makes them certain', () => {
    expect(isSeriallyCorrelated(0.03, 1_000_000)).toBe(false);
  });
});
