import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../../src/analysis/closed-forms/index.js';

/** Independent reference: the textbook sums a^k/k!, evaluated in log space with log-sum-exp. */
function logTerms(servers: number, load: number): number[] {
  const terms = [0];
  for (let k = 1; k <= servers; k++) terms.push(terms[k - 1] + Math.log(load) - Math.log(k));
  return terms;
}
function referenceB(servers: number, load: number): number {
  const terms = logTerms(servers, load);
  const max = Math.max(...terms);
  const sum = terms.reduce((s, t) => s + Math.exp(t - max), 0);
  return Math.exp(terms[servers] - max) / sum;
}
function referenceC(servers: number, load: number): number {
  // C = (a^c/c!)·c/(c−a) / (Σ_{k<c} a^k/k! + (a^c/c!)·c/(c−a))
  const terms = logTerms(servers, load);
  terms[servers] += Math.log(servers / (servers - load));
  const max = Math.max(...terms);
  const sum = terms.reduce((s, t) => s + Math.exp(t - max), 0);
  return Math.exp(terms[servers] - max) / sum;
}

describe('erlangB', () => {
  it('matches hand-computed values', () => {
    expect(erlangB(1, 1)).toBe(0.5); // a/(1 + a)
    // B(5, 2) = (32/120) / (1 + 2 + 2 + 4/3 + 2/3 + 32/120) = 32/872 = 4/109 ≈ 0.03670
    expect(erlangB(5, 2)).toBeCloseTo(4 / 109, 12);
    // B(10, 5) = 0.01838: standard Erlang B table, 10 circuits offered 5 E lose 1.84 %
    expect(erlangB(10, 5)).toBeCloseTo(0.018385, 6);
  });

  it('matches the published Erlang B traffic table (load for a given grade of service)', () => {
    // Standard Erlang B table: 10 lines carry 4.46 E at 1 %, 20 lines 15.25 E at 5 %, 100 lines 87.97 E at 2 %.
    expect(erlangB(10, 4.46)).toBeCloseTo(0.01, 4);
    expect(erlangB(20, 15.25)).toBeCloseTo(0.05, 4);
    expect(erlangB(100, 87.97)).toBeCloseTo(0.02, 4);
  });

  it('handles the edges: no servers blocks everything, no load blocks nothing', () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(7, 0)).toBe(0);
  });

  it('stays finite and exact for many servers (no factorial overflow)', () => {
    for (const [c, a] of [
      [200, 180],
      [500, 450],
      [500, 500],
      [500, 5000],
      [2000, 1900],
    ]) {
      const b = erlangB(c, a);
      expect(Number.isFinite(b)).toBe(true);
      expect(b / referenceB(c, a)).toBeCloseTo(1, 10);
    }
  });

  it('rejects invalid input', () => {
    expect(() => erlangB(1.5, 1)).toThrow(RangeError);
    expect(() => erlangB(2, -1)).toThrow(RangeError);
    expect(() => erlangB(2, NaN)).toThrow(RangeError);
  });
});

describe('erlangC', () => {
  it('matches hand-computed values', () => {
    // 2 servers, 1 Erlang: B = 0.2, C = 2·0.2 / (2 − 1·0.8) = 1/3
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(1, 0.9)).toBeCloseTo(0.9, 12); // M/M/1: P(wait) = ρ
  });

  it('matches the call-centre worked example (callcentrehelper.com "Erlang C formula made simple")', () => {
    // 100 calls per 30 min, 180 s handling time → 10 Erlangs; 14 agents → P(wait) = 17.41 %
    expect(erlangC(14, 10)).toBeCloseTo(0.1741, 4);
  });

  it('agrees with the direct formula for large systems', () => {
    for (const [c, a] of [
      [50, 45],
      [500, 450],
      [500, 499.9],
    ]) {
      expect(erlangC(c, a) / referenceC(c, a)).toBeCloseTo(1, 9);
    }
  });

  it('is 1 when the load reaches the servers (unstable) and never below Erlang B', () => {
    expect(erlangC(3, 3)).toBe(1);
    expect(erlangC(3, 10)).toBe(1);
    expect(erlangC(5, 0)).toBe(0);
    for (let a = 0.5; a < 8; a += 0.5) expect(erlangC(8, a)).toBeGreaterThan(erlangB(8, a));
  });
});
