import { describe, expect, it } from 'vitest';
import { standardExponential } from '../../../src/engine/distributions/exponential-ziggurat.js';
import { RandomStream } from '../../../src/engine/random.js';

describe('standardExponential (ziggurat)', () => {
  const n = 1_000_000;
  const random = new RandomStream(2024, 'ziggurat');
  const draws = Float64Array.from({ length: n }, () => standardExponential(random));

  it('fits the exponential distribution: χ² over 60 bins, tail included', () => {
    // Bins of width 0.2 on [0, 12) plus the tail beyond 12 (reached only through the layer-0 tail path).
    const width = 0.2;
    const counts = new Float64Array(61);
    for (const x of draws) counts[Math.min(60, Math.floor(x / width))]++;
    let chiSquare = 0;
    for (let bin = 0; bin <= 60; bin++) {
      const p = bin < 60 ? Math.exp(-bin * width) - Math.exp(-(bin + 1) * width) : Math.exp(-60 * width);
      chiSquare += (counts[bin] - n * p) ** 2 / (n * p);
    }
    // 60 degrees of freedom: the 0.1 % critical value is 99.6.
    expect(chiSquare).toBeLessThan(99.6);
  });

  it('has mean 1 and variance 1, and never returns a negative value', () => {
    let sum = 0;
    let sumSquares = 0;
    let negative = 0;
    for (const x of draws) {
      sum += x;
      sumSquares += x * x;
      if (x < 0) negative++;
    }
    const mean = sum / n;
    // SE of the mean = 1/√n = 0.001; of the variance ≈ √(8/n) ≈ 0.0028. Allow 4.5 SE.
    expect(Math.abs(mean - 1)).toBeLessThan(0.0045);
    expect(Math.abs(sumSquares / n - mean * mean - 1)).toBeLessThan(0.0127);
    expect(negative).toBe(0);
  });

  it('reaches the tail beyond the base layer (x > 7.7) as often as e^−7.7', () => {
    const tail = draws.filter((x) => x > 7.69711747013105).length;
    const expected = n * Math.exp(-7.69711747013105); // ≈ 454
    expect(Math.abs(tail - expected)).toBeLessThan(4.5 * Math.sqrt(expected));
  });
});
