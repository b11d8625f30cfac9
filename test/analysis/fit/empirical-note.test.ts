import { describe, expect, it } from 'vitest';
import { EMPIRICAL_SHARES, fitDistributions } from '../../../src/analysis/fit/rank.js';

/** The note on the empirical distribution in a fit report. */
const noteFor = (n: number) =>
  fitDistributions(Array.from({ length: n }, (_, i) => 0.01 + ((i * 7919) % n) / n / 10)).skipped.find(
    (skip) => skip.distribution === 'empirical',
  )?.reason;

describe('the empirical note of a fit', () => {
  it('offers the samples file itself for a sample too large to paste', () => {
    expect(noteFor(EMPIRICAL_SHARES + 1)).toMatch(/\{ distribution: empirical, file: <this file>/);
    expect(noteFor(50)).not.toMatch(/file:/);
  });
});
