import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { LogHistogram } from '../../src/metrics/log-histogram.js';

describe('LogHistogram.buckets', () => {
  it('lists the non-empty buckets in order, each holding exactly the values in [lower, upper)', () => {
    const histogram = new LogHistogram();
    const random = new RandomStream(5, 'buckets');
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const value = 10 ** (random.next() * 5 - 4); // 100 µs … 10 s
      values.push(value);
      histogram.record(value);
    }
    const buckets = histogram.buckets(8);
    expect(buckets.reduce((sum, [, , count]) => sum + count, 0)).toBe(values.length);
    for (let i = 0; i < buckets.length; i++) {
      const [lower, upper, count] = buckets[i];
      expect(upper).toBeGreaterThan(lower);
      expect(count).toBeGreaterThan(0);
      if (i > 0) expect(lower).toBeGreaterThanOrEqual(buckets[i - 1][1]);
      expect(values.filter((v) => v >= lower && v < upper).length).toBe(count);
    }
    // 8 buckets per power of two over ~16.6 octaves: compact, whatever the number of observations.
    expect(buckets.length).toBeLessThanOrEqual(8 * 17 + 1);
  });

  it('puts zeros in a leading [0, 0, n] bucket and coarsens by the divisor asked for', () => {
    const histogram = new LogHistogram();
    [0, 0, 0, 1, 1.2, 1.9, 3].forEach((v) => histogram.record(v));
    expect(histogram.buckets(1)).toEqual([
      [0, 0, 3],
      [1, 2, 3],
      [2, 4, 1],
    ]);
    expect(histogram.buckets(4)).toEqual([
      [0, 0, 3],
      [1, 1.25, 2],
      [1.75, 2, 1],
      [3, 3.5, 1],
    ]);
  });

  it('is empty for an empty histogram and refuses a resolution that does not divide 128', () => {
    expect(new LogHistogram().buckets()).toEqual([]);
    expect(() => new LogHistogram().buckets(3)).toThrow(/divide 128/);
  });
});
