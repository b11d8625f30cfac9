import { describe, expect, it } from 'vitest';
import {
  erfc,
  erfcx,
  gamma,
  inverseMillsRatio,
  logGamma,
  normalCdf,
  normalPdf,
} from '../../src/math/special-functions.js';
import { relativeError } from '../engine/distributions/statistics.js';

// Reference values from mpmath at 30 digits.
const erfcTable: [x: number, erfc: number, erfcx: number][] = [
  [-3, 1.9999779095030015, 16205.988853999586],
  [-0.3, 1.3286267594591274, 1.4537492328427657],
  [0.1, 0.887537083981715, 0.8964569799691267],
  [0.5, 0.4795001221869535, 0.6156903441929259],
  [1, 0.15729920705028513, 0.427583576155807],
  [2.5, 0.0004069520174449589, 0.2108063640611436],
  [5, 1.537459794428035e-12, 0.11070463773306863],
  [10, 2.088487583762545e-45, 0.05614099274382259],
  [20, 5.395865611607901e-176, 0.02817434874105132],
  [26, 5.663192408856143e-296, 0.021683584850562907],
];

const gammaTable: [x: number, logGamma: number, gamma: number][] = [
  [0.1, 2.252712651734206, 9.51350769866873],
  [0.5, 0.5723649429247001, 1.772453850905516],
  [1.5, -0.12078223763524522, 0.886226925452758],
  [3.7, 1.428072326665388, 4.170651783796604],
  [10, 12.80182748008147, 362880],
  [100.5, 361.4355404677776, 9.320963104082716e156],
];

describe('erfc and erfcx', () => {
  it.each(erfcTable)('at %d match mpmath to 1e-15 relative', (x, expectedErfc, expectedErfcx) => {
    expect(relativeError(erfc(x), expectedErfc)).toBeLessThan(1e-15);
    expect(relativeError(erfcx(x), expectedErfcx)).toBeLessThan(1e-15);
  });

  it('keep erfc(−x) = 2 − erfc(x) and erfc(0) = 1', () => {
    expect(erfc(0)).toBe(1);
    for (const x of [0.2, 0.7, 1.3, 4]) expect(erfc(-x)).toBeCloseTo(2 - erfc(x), 15);
  });

  it('erfcx stays finite and ≈ 1/(x√π) where erfc underflows', () => {
    expect(erfc(40)).toBe(0);
    expect(relativeError(erfcx(1e4), 1 / (1e4 * Math.sqrt(Math.PI)))).toBeLessThan(1e-8);
  });
});

describe('normal pdf, cdf and inverse Mills ratio', () => {
  it('have the textbook values', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    // mpmath: Φ(−10).
    expect(relativeError(normalCdf(-10), 7.619853024160525e-24)).toBeLessThan(1e-14);
    expect(relativeError(inverseMillsRatio(0), Math.sqrt(2 / Math.PI))).toBeLessThan(1e-15);
    // mpmath: φ(a)/(1 − Φ(a)) at a = −3 and a = 40 (where both φ and 1 − Φ underflow in double).
    expect(relativeError(inverseMillsRatio(-3), 0.004437839042125664)).toBeLessThan(1e-14);
    expect(relativeError(inverseMillsRatio(40), 40.02496884720726)).toBeLessThan(1e-14);
  });
});

describe('logGamma and gamma', () => {
  it.each(gammaTable)('at %d match mpmath', (x, expectedLog, expected) => {
    expect(Math.abs(logGamma(x) - expectedLog)).toBeLessThan(1e-14 * Math.max(1, Math.abs(expectedLog)));
    expect(relativeError(gamma(x), expected)).toBeLessThan(1e-13);
  });

  it('gives factorials at integers', () => {
    let factorial = 1;
    for (let n = 1; n <= 20; n++) {
      expect(relativeError(gamma(n), factorial)).toBeLessThan(1e-14);
      factorial *= n;
    }
  });

  it('rejects x ≤ 0 and overflows to Infinity', () => {
    expect(() => logGamma(0)).toThrow(/x must be > 0, got 0/);
    expect(() => gamma(-1)).toThrow(/x must be > 0, got -1/);
    expect(gamma(200)).toBe(Infinity);
  });
});
