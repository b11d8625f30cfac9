import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

function draws(stream: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => stream.next());
}

describe('RandomStream', () => {
  it('is reproducible: the same seed and name give the same sequence', () => {
    expect(draws(new RandomStream(42, 'producer:a'), 5)).toEqual(
      draws(new RandomStream(42, 'producer:a'), 5),
    );
  });

  it('gives independent sequences to different names and seeds', () => {
    const a = draws(new RandomStream(42, 'producer:a'), 5);
    expect(draws(new RandomStream(42, 'producer:b'), 5)).not.toEqual(a);
    expect(draws(new RandomStream(43, 'producer:a'), 5)).not.toEqual(a);
  });

  it('draws uniform numbers in [0, 1) with full double precision, and (0, 1] for logarithms', () => {
    const stream = new RandomStream(1, 'u');
    let sum = 0;
    let fractional = 0;
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = stream.next();
      if (!(u >= 0 && u < 1)) outOfRange++;
      sum += u;
      if ((u * 2 ** 32) % 1 !== 0) fractional++; // more than 32 bits of randomness
      const open = stream.nextOpen();
      if (!(open > 0 && open <= 1)) outOfRange++;
    }
    expect(outOfRange).toBe(0);
    // Mean of 1e5 uniforms: standard error √(1/12/1e5) ≈ 0.00091.
    const family = checkFamily('uniform stream', 1);
    expectPass(
      family.withinStandardErrors(sum / 100_000, 0.5, Math.sqrt(1 / 12 / 100_000), { label: 'mean' }),
    );
    expect(fractional).toBeGreaterThan(99_000);
  });
});
