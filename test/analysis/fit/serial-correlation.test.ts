import { describe, expect, it } from 'vitest';
import { isSeriallyCorrelated, lag1Autocorrelation } from '../../../src/analysis/fit/serial-correlation.js';
import { RandomStream } from '../../../src/engine/random.js';

describe('lag1Autocorrelation', () => {
  it('is −1 for an alternating series and matches the definition by hand', () => {
    expect(lag1Autocorrelation([1, -1, 1, -1])).toBeCloseTo(-0.75, 14); // Σ lagged −3 over Σ squares 4
    expect(lag1Autocorrelation([1, 2, 3, 4])).toBeCloseTo(0.25, 14); // (−1.5·−0.5 − 0.5·0.5 + 0.5·1.5)/5
    expect(lag1Autocorrelation([2, 2, 2])).toBe(0);
  });

  it('stays within 4/√n for independent draws and flags an AR(1) series with φ = 0.3', () => {
    const random = new RandomStream(11, 'serial');
    const n = 10_000;
    const independent = Array.from({ length: n }, () => -Math.log(random.nextOpen()));
    const r = lag1Autocorrelation(independent);
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
    expect(isSeriallyCorrelated(r, n)).toBe(false);
    let previous = 0;
    const correlated = independent.map((e) => (previous = 0.3 * previous + e));
    const rc = lag1Autocorrelation(correlated);
    expect(Math.abs(rc - 0.3)).toBeLessThan(4 / Math.sqrt(n));
    expect(isSeriallyCorrelated(rc, n)).toBe(true);
  });

  it('ignores correlations too small to matter even when n makes them certain', () => {
    expect(isSeriallyCorrelated(0.03, 1_000_000)).toBe(false);
  });
});
