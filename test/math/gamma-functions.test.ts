import { describe, expect, it } from 'vitest';
import { digamma, erfc, logGamma, regularizedGammaP, trigamma } from '../../src/math/special-functions.js';

const EULER_GAMMA = 0.5772156649015329;
const P = (a: number, x: number) => regularizedGammaP(a, x, logGamma(a));

describe('digamma and trigamma', () => {
  it('match closed forms at 1 and ½ (A&S 6.3.2, 6.3.3, 6.4.2, 6.4.4)', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.LN2, 13);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 13);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
  });

  it('match scipy.special at other points', () => {
    expect(digamma(0.25)).toBeCloseTo(-4.2274535333762655, 12);
    expect(digamma(30)).toBeCloseTo(3.384438132685525, 13);
    expect(trigamma(0.25)).toBeCloseTo(17.197329154507113, 11);
  });
});

describe('regularizedGammaP', () => {
  it('is 1 − e^(−x) for shape 1 and erf(√x) for shape ½', () => {
    for (const x of [0.01, 0.5, 2, 10, 40]) {
      expect(P(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
      expect(P(0.5, x)).toBeCloseTo(1 - erfc(Math.sqrt(x)), 14);
    }
  });

  it('matches the Erlang sum for integer shape and scipy.special.gammainc elsewhere', () => {
    expect(P(3, 2)).toBeCloseTo(1 - Math.exp(-2) * (1 + 2 + 2), 14);
    expect(P(100, 100)).toBeCloseTo(0.5132987982791487, 12);
    expect(P(0.3, 5)).toBeCloseTo(0.9993486812492816, 13);
    expect(P(50, 30)).toBeCloseTo(0.0005188914625480344, 14);
    expect(P(2.5, 1.5)).toBeCloseTo(0.3000141641213724, 13);
  });

  it('stays accurate for the huge shapes of nearly constant samples (Wilson–Hilferty beyond 1e5)', () => {
    expect(P(2e5, 2e5)).toBeCloseTo(0.5002973540276185, 8);
    expect(P(2e5, 2e5 + 500)).toBeCloseTo(0.868184223254723, 7);
    expect(P(1e7, 1e7 - 3000)).toBeCloseTo(0.17139353340097213, 8);
    expect(P(9e4, 9e4)).toBeCloseTo(P(1.1e5, 1.1e5), 3); // both sides of the switch agree
  });

  it('is 0 at and below 0 and 1 at infinity', () => {
    expect(P(2, 0)).toBe(0);
    expect(P(2, Infinity)).toBe(1);
  });
});
