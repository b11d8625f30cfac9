import { describe, expect, it } from 'vitest';
import { erlangB, mm1Ttl, mmc } from '../../../src/analysis/closed-forms/index.js';

describe('mm1Ttl (M/M/1+D)', () => {
  it('with TTL 0 is the M/M/1/1 loss system: Erlang B(1, ρ) expire, no one waits', () => {
    const q = mm1Ttl({ arrivalRate: 8, serviceRate: 10, ttlSeconds: 0 });
    expect(q.expiredFraction).toBeCloseTo(erlangB(1, 0.8), 12);
    expect(q.meanWaitAll).toBe(0);
  });

  it('with a TTL far beyond every wait is M/M/1', () => {
    const q = mm1Ttl({ arrivalRate: 8, serviceRate: 10, ttlSeconds: 200 });
    const plain = mmc({ arrivalRate: 8, serviceRate: 10, servers: 1 });
    expect(q.expiredFraction).toBeLessThan(1e-15);
    expect(q.meanWaitServed).toBeCloseTo(plain.meanWait, 12);
    expect(q.utilization).toBeCloseTo(0.8, 12);
  });

  it('busy time balances served work (1 − P₀ = λ(1 − P(expire))/μ), also in overload and at λ = μ', () => {
    for (const [arrivalRate, ttlSeconds] of [
      [12, 0.5],
      [10, 0.3],
      [10 + 1e-12, 0.3],
      [3, 2],
    ]) {
      const q = mm1Ttl({ arrivalRate, serviceRate: 10, ttlSeconds });
      expect(q.utilization).toBeCloseTo((arrivalRate * (1 - q.expiredFraction)) / 10, 12);
      expect(q.meanWaitServed).toBeLessThanOrEqual(ttlSeconds);
    }
    // Continuous through λ = μ, where the formula switches to its limit.
    const at = mm1Ttl({ arrivalRate: 10, serviceRate: 10, ttlSeconds: 0.3 });
    const near = mm1Ttl({ arrivalRate: 10 + 1e-6, serviceRate: 10, ttlSeconds: 0.3 });
    expect(near.expiredFraction).toBeCloseTo(at.expiredFraction, 6);
    expect(near.meanWaitServed).toBeCloseTo(at.meanWaitServed, 6);
  });

  it('gives the λ = 12/s, μ = 10/s, TTL 0.5 s case of the simulator test: 22.4 % expire', () => {
    // P₀ = 1/(1 + 6(e − 1) + 1.2e), P(expire) = 1.2e·P₀.
    const idle = 1 / (1 + 6 * (Math.E - 1) + 1.2 * Math.E);
    const q = mm1Ttl({ arrivalRate: 12, serviceRate: 10, ttlSeconds: 0.5 });
    expect(q.expiredFraction).toBeCloseTo(1.2 * Math.E * idle, 12);
    expect(q.expiredFraction).toBeCloseTo(0.2239, 4);
  });
});
