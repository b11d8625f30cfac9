import { describe, expect, it } from 'vitest';
import {
  andersonDarling,
  kolmogorovSurvival,
  ksDistance,
  ksPValue,
} from '../../../src/analysis/fit/goodness-of-fit.js';

const ONE_TO_TEN = Float64Array.from({ length: 10 }, (_, i) => i + 1);
const exponentialCdf = (mean: number) => (x: number) => -Math.expm1(-x / mean);

describe('kolmogorovSurvival', () => {
  it('gives the textbook critical values of the Kolmogorov distribution (scipy.stats.kstwobign.sf)', () => {
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.9639452436648751, 10);
    expect(kolmogorovSurvival(1.0)).toBeCloseTo(0.26999967167735456, 10);
    expect(kolmogorovSurvival(1.2239)).toBeCloseTo(0.1, 4);
    expect(kolmogorovSurvival(1.3581)).toBeCloseTo(0.05, 5);
    expect(kolmogorovSurvival(1.6276)).toBeCloseTo(0.01, 5);
  });

  it('is continuous where it switches series, and bounded by 0 and 1', () => {
    expect(kolmogorovSurvival(1.18 - 1e-9)).toBeCloseTo(kolmogorovSurvival(1.18), 8);
    expect(kolmogorovSurvival(0)).toBe(1);
    expect(kolmogorovSurvival(0.05)).toBe(1);
    expect(kolmogorovSurvival(10)).toBeLessThan(1e-80);
  });
});

describe('ksDistance and ksPValue', () => {
  it('match scipy.stats.kstest for 1…10 against an exponential of mean 5.5', () => {
    const d = ksDistance(ONE_TO_TEN, exponentialCdf(5.5));
    expect(d).toBeCloseTo(0.2204217212151905, 14);
    // Stephens' λ = (√n + 0.12 + 0.11/√n)·D, then the asymptotic distribution (scipy kstwobign.sf of that λ).
    expect(ksPValue(d, 10)).toBeCloseTo(0.6589425252926477, 10);
  });
});

describe('andersonDarling', () => {
  it('matches the definition evaluated by numpy for 1…10 against an exponential of mean 5.5', () => {
    expect(andersonDarling(ONE_TO_TEN, exponentialCdf(5.5))).toBeCloseTo(0.8762043637073393, 12);
  });

  it('stays finite when the fit calls an observation impossible', () => {
    expect(Number.isFinite(andersonDarling(ONE_TO_TEN, (x) => (x < 5 ? 0 : 1)))).toBe(true);
  });
});
