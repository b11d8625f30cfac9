import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/analysis/student-t.js';
import { confidenceInterval } from '../../src/analysis/confidence-interval.js';

describe('Student t', () => {
  it('matches published critical values (e.g. Montgomery & Runger, Table V)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.262, 3);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.25, 2);
    expect(studentTQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
    expect(studentTQuantile(0.95, 120)).toBeCloseTo(1.658, 3);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262, 3);
  });

  it('has a symmetric CDF with F(0) = 1/2', () => {
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
    expect(studentTCdf(1.3, 7) + studentTCdf(-1.3, 7)).toBeCloseTo(1, 12);
  });
});

describe('confidenceInterval', () => {
  it('gives mean ± t·s/√n', () => {
    const ci = confidenceInterval([1, 2, 3, 4, 5]);
    // s = 1.5811, t(0.975, 4) = 2.776 → half-width 1.963
    expect(ci.mean).toBe(3);
    expect(ci.halfWidth).toBeCloseTo(1.963, 3);
    expect(ci.low).toBeCloseTo(3 - 1.963, 3);
  });

  it('refuses fewer than two observations', () => {
    expect(() => confidenceInterval([1])).toThrow(/at least 2/);
  });
});
