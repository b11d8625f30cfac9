import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/index.js';
import {
  KeySampler,
  partitionOfKey,
  partitionShares,
  zipfProbabilities,
} from '../../src/model/key-sampler.js';
import { checkFamily, expectPass, pearsonChiSquare } from '../helpers/statistical.js';

/** The three Zipf χ² checks below share one family. */
const ZIPF_CHECKS = 3;

describe('KeySampler', () => {
  const family = checkFamily('Zipf key frequencies', ZIPF_CHECKS);

  it.each([
    [20, 1.1],
    [20, 0],
    [7, 2.5],
  ])('draws %i keys with Zipf skew %f at their exact probabilities (χ²)', (count, skew) => {
    const sampler = new KeySampler(count, skew, 12);
    const random = new RandomStream(7, `keys/${count}/${skew}`);
    const draws = 200_000;
    const counts = new Array<number>(count).fill(0);
    for (let i = 0; i < draws; i++) counts[sampler.sample(random)]++;
    // χ² with count − 1 degrees of freedom, at 0.002 / 3 (critical 45.1 for 19, 23.4 for 6).
    const statistic = pearsonChiSquare(counts, zipfProbabilities(count, skew));
    expectPass(family.chiSquareBelow(statistic, count - 1, { label: `${count} keys, skew ${skew}` }));
  });

  it('notices a wrong distribution at the same level (the test can fail)', () => {
    const sampler = new KeySampler(20, 1.0, 12);
    const random = new RandomStream(7, 'keys/wrong');
    const counts = new Array<number>(20).fill(0);
    for (let i = 0; i < 200_000; i++) counts[sampler.sample(random)]++;
    const power = checkFamily('Zipf key frequencies (power)', ZIPF_CHECKS);
    const statistic = pearsonChiSquare(counts, zipfProbabilities(20, 1.1));
    expect(power.chiSquareBelow(statistic, 19, { label: 'skew 1.0 against 1.1' }).pass).toBe(false);
  });

  it('gives Zipf probabilities proportional to 1/k^skew that sum to 1', () => {
    const p = zipfProbabilities(4, 1);
    const harmonic = 1 + 1 / 2 + 1 / 3 + 1 / 4;
    expect([...p]).toEqual([1, 1 / 2, 1 / 3, 1 / 4].map((w) => expect.closeTo(w / harmonic, 12)));
  });
});

describe('key → partition', () => {
  it("is the same from the sampler's table as from the hash, for every key", () => {
    for (const partitions of [1, 7, 12, 1000]) {
      const sampler = new KeySampler(5000, 1.1, partitions);
      for (let key = 0; key < 5000; key++) {
        expect(sampler.partitionOf(key)).toBe(partitionOfKey(key, partitions));
      }
    }
  });

  it('is fixed, in range and spreads consecutive keys', () => {
    const counts = new Array<number>(12).fill(0);
    for (let key = 0; key < 120_000; key++) {
      counts[partitionOfKey(key, 12)]++;
    }
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
    expect([0, 1, 2, 3, 99_999].map((key) => partitionOfKey(key, 12))).toEqual(
      [0, 1, 2, 3, 99_999].map((key) => partitionOfKey(key, 12)),
    );
  });

  it('gives partition shares that sum to 1 and put the hottest key on its partition', () => {
    const shares = partitionShares(12, 50_000, 1.1);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const hottestKey = zipfProbabilities(50_000, 1.1)[0];
    expect(shares[partitionOfKey(0, 12)]).toBeGreaterThan(hottestKey);
    expect(partitionShares(4, null, 0)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});
