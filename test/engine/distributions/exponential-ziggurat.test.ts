import { describe, expect, it } from 'vitest';
import { standardExponential } from '../../../src/engine/distributions/exponential-ziggurat.js';
import { RandomStream } from '../../../src/engine/random.js';
import { checkFamily, expectAllPass, expectPass, pearsonChiSquare } from '../../helpers/statistical.js';

/** Bins of width 0.2 on [0, 12) plus the tail beyond 12 (reached only through the layer-0 tail path). */
const WIDTH = 0.2;
const BINS = 60;

/** Counts of `draws` in the bins, the tail last. */
function binCounts(draws: Float64Array): Float64Array {
  const counts = new Float64Array(BINS + 1);
  for (const x of draws) counts[Math.min(BINS, Math.floor(x / WIDTH))]++;
  return counts;
}

/** The bins' probabilities under an exponential law with `mean`. */
function binProbabilities(mean: number): number[] {
  return Array.from({ length: BINS + 1 }, (_, bin) =>
    bin < BINS
      ? Math.exp((-bin * WIDTH) / mean) - Math.exp((-(bin + 1) * WIDTH) / mean)
      : Math.exp((-BINS * WIDTH) / mean),
  );
}

describe('standardExponential (ziggurat)', () => {
  const n = 1_000_000;
  const random = new RandomStream(2024, 'ziggurat');
  const draws = Float64Array.from({ length: n }, () => standardExponential(random));
  // χ², mean, variance and the tail count: four checks at 0.002 / 4 each.
  const family = checkFamily('ziggurat exponential', 4);

  it('fits the exponential distribution: χ² over 60 bins, tail included', () => {
    const statistic = pearsonChiSquare(binCounts(draws), binProbabilities(1));
    expectPass(family.chiSquareBelow(statistic, BINS, { label: '61 bins against exponential(1)' }));
  });

  it('has mean 1 and variance 1, and never returns a negative value', () => {
    expectAllPass(family.momentsMatch(draws, { mean: 1, variance: 1 }, 'standard exponential'));
    expect(draws.every((x) => x >= 0)).toBe(true);
  });

  it('reaches the tail beyond the base layer (x > 7.7) as often as e^−7.7', () => {
    const edge = 7.69711747013105;
    const tail = draws.filter((x) => x > edge).length;
    expectPass(family.binomialCount(tail, n, Math.exp(-edge), { label: 'draws beyond the base layer' }));
  });

  it('has power at the same level: the χ² rejects exponential(1.01), the moments a mean 0.5 % off', () => {
    const power = checkFamily('ziggurat exponential (power)', 4);
    const statistic = pearsonChiSquare(binCounts(draws), binProbabilities(1.01));
    expect(power.chiSquareBelow(statistic, BINS, { label: 'against exponential(1.01)' }).pass).toBe(false);
    const [meanVerdict] = power.momentsMatch(draws, { mean: 1.005, variance: 1.005 ** 2 }, 'mean 1.005');
    expect(meanVerdict.pass).toBe(false);
  });
});
