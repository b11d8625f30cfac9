import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { LogHistogram } from '../../src/metrics/log-histogram.js';

/** Nearest-rank quantile of sorted values: the definition the histogram approximates. */
function exactQuantile(sorted: number[], p: number): number {
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

describe('LogHistogram', () => {
  it('gives quantiles within 0.5 % of the exact ones over nine orders of magnitude', () => {
    const histogram = new LogHistogram();
    const random = new RandomStream(3, 'histogram');
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const value = 10 ** (random.next() * 9 - 6); // 1 µs … 1000 s
      values.push(value);
      histogram.record(value);
    }
    values.sort((a, b) => a - b);
    for (const p of [0.001, 0.1, 0.25, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) {
      const exact = exactQuantile(values, p);
      expect(Math.abs(histogram.quantile(p) / exact - 1)).toBeLessThanOrEqual(0.005);
    }
  });

  it('keeps count, mean, min and max exact', () => {
    const histogram = new LogHistogram();
    [0.5, 0.25, 2, 0.125].forEach((v) => histogram.record(v));
    expect(histogram.count).toBe(4);
    expect(histogram.mean).toBeCloseTo(0.71875, 12);
    expect(histogram.min).toBe(0.125);
    expect(histogram.max).toBe(2);
    expect(histogram.quantile(1)).toBe(2);
  });

  it('counts zeros exactly, so a mostly-zero wait has p50 = 0', () => {
    const histogram = new LogHistogram();
    for (let i = 0; i < 60; i++) histogram.record(0);
    for (let i = 0; i < 40; i++) histogram.record(1);
    expect(histogram.quantile(0.5)).toBe(0);
    expect(histogram.quantile(0.6)).toBe(0);
    expect(histogram.quantile(0.61)).toBeCloseTo(1, 2);
  });

  it('summarises an empty histogram as nulls and forgets everything on reset', () => {
    const histogram = new LogHistogram();
    expect(histogram.summary()).toEqual({ mean: null, p50: null, p95: null, p99: null, max: null });
    histogram.record(3);
    histogram.reset();
    expect(histogram.count).toBe(0);
    expect(Number.isNaN(histogram.quantile(0.5))).toBe(true);
  });

  it('clamps huge values into the top bucket without losing the exact max', () => {
    const histogram = new LogHistogram();
    histogram.record(1e15);
    expect(histogram.max).toBe(1e15);
    expect(histogram.quantile(0.5)).toBeLessThanOrEqual(1e15);
  });
});

describe('LogHistogram memory', () => {
  it('holds counts only for the octaves its values reach', () => {
    const histogram = new LogHistogram();
    expect(histogram.allocatedBuckets).toBe(0);
    // 0.01 s … 1 s spans 7 powers of two (2^-7 … 2^0): at most 8 blocks of 128 of the 8,960 buckets.
    for (let i = 0; i < 10_000; i++) histogram.record(0.01 + (0.99 * i) / 10_000);
    expect(histogram.allocatedBuckets).toBeLessThanOrEqual(8 * 128);
    expect(histogram.allocatedBuckets).toBeGreaterThanOrEqual(7 * 128);
    // Zeros are counted apart and allocate nothing.
    const zeros = new LogHistogram();
    zeros.record(0);
    expect(zeros.allocatedBuckets).toBe(0);
    expect(zeros.quantile(0.5)).toBe(0);
  });
});

describe('LogHistogram: a few values are kept as a list', () => {
  it('reads the same quantiles and buckets as a histogram that counts in its window from the first value', () => {
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (const n of [1, 2, 5, 63, 64, 65, 200]) {
      const listed = new LogHistogram();
      // 65 values allocate the window; a reset keeps it, so this one counts in its window from the start.
      const windowed = new LogHistogram();
      for (let i = 0; i < 65; i++) windowed.record(1);
      windowed.reset();
      expect(windowed.allocatedBuckets).toBe(128);
      for (let i = 0; i < n; i++) {
        // 1 µs … 100 s: 27 octaves, and zeros
        const value = next() < 0.05 ? 0 : 10 ** (-6 + 8 * next());
        listed.record(value);
        windowed.record(value);
      }
      for (const p of [0.01, 0.5, 0.95, 0.99, 1]) expect(listed.quantile(p)).toBe(windowed.quantile(p));
      expect(listed.buckets()).toEqual(windowed.buckets());
      expect(listed.summary()).toEqual(windowed.summary());
    }
  });

  it('holds ten values over 27 octaves in a list, not 27 octaves of buckets', () => {
    const histogram = new LogHistogram();
    for (let i = 0; i < 10; i++) histogram.record(10 ** (-6 + (8 * i) / 9));
    expect(histogram.allocatedBuckets).toBeLessThanOrEqual(64);
    // Reading does not allocate the window either.
    expect(histogram.quantile(1)).toBeCloseTo(100, 0);
    expect(histogram.buckets()).toHaveLength(10);
    expect(histogram.allocatedBuckets).toBeLessThanOrEqual(64);
  });
});

describe('LogHistogram: 32-bit counts', () => {
  it('moves to 64-bit counts before any bucket could overflow, keeping every count', () => {
    const values = Array.from({ length: 500 }, (_, i) => 0.001 * (1 + (i % 50)));
    const early = new LogHistogram(5); // as if a 32-bit bucket were full at 5 (each bucket here gets 10)
    const plain = new LogHistogram();
    for (const value of values) {
      early.record(value);
      plain.record(value);
    }
    const countsOf = (histogram: LogHistogram) => (histogram as unknown as { counts: unknown }).counts;
    expect(countsOf(early)).toBeInstanceOf(Float64Array);
    expect(countsOf(plain)).toBeInstanceOf(Uint32Array);
    expect(early.buckets(128)).toEqual(plain.buckets(128));
    for (const p of [0.1, 0.5, 0.99, 1]) expect(early.quantile(p)).toBe(plain.quantile(p));
    // A window of 32-bit counts costs half: the memory figure counts buckets, the same in both.
    expect(early.allocatedBuckets).toBe(plain.allocatedBuckets);
  });
});
