import { describe, expect, it } from 'vitest';
import { averageSeries, mser5 } from '../../src/analysis/mser.js';
import { RandomStream } from '../../src/engine/index.js';

/** Independent normal-ish noise (sum of 12 uniforms − 6) around 0 with SD `sd`. */
function noise(length: number, seed: string, sd = 1): number[] {
  const random = new RandomStream(seed, 'noise');
  return Array.from({ length }, () => {
    let sum = -6;
    for (let i = 0; i < 12; i++) sum += random.next();
    return sd * sum;
  });
}

describe('mser5', () => {
  it('cuts a decaying initial transient where it ends', () => {
    // 1000 observations: a transient from 40 decaying linearly to 0 over the first 200, then noise.
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const series = noise(1000, seed).map((value, i) => value + (i < 200 ? 40 * (1 - i / 200) : 0));
      const cut = mser5(series);
      expect(cut.observations, seed).toBeGreaterThanOrEqual(150);
      expect(cut.observations, seed).toBeLessThanOrEqual(260);
      expect(cut.reliable).toBe(true);
      expect(cut.observations % 5).toBe(0);
    }
  });

  it('cuts little from a series that is stationary from the start', () => {
    const cuts = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) => mser5(noise(1000, seed)));
    // Without a transient the statistic is flat; the cut may land anywhere in principle, but rarely far.
    const median = cuts.map((cut) => cut.observations).sort((x, y) => x - y)[4];
    expect(median).toBeLessThan(100);
  });

  it('flags a series that never settles (a steady climb) as unreliable', () => {
    const climbing = noise(1000, 'z', 0.5).map((value, i) => value + i / 10);
    const cut = mser5(climbing);
    expect(cut.reliable).toBe(false);
    expect(cut.observations).toBeLessThanOrEqual(500); // the search stays in the first half
  });

  it('needs at least two batches', () => {
    expect(() => mser5([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow(/at least 10/);
    expect(mser5([5, 5, 5, 5, 5, 5, 5, 5, 5, 5])).toEqual({ observations: 0, reliable: true });
  });
});

describe('averageSeries', () => {
  it('averages element by element', () => {
    expect(
      averageSeries([
        [1, 2, 3],
        [3, 4, 5],
      ]),
    ).toEqual([2, 3, 4]);
  });
});
