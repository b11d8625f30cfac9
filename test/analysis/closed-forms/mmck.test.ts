import { describe, expect, it } from 'vitest';
import { erlangB, mmc, mmck, mmckStateProbabilities } from '../../../src/analysis/closed-forms/index.js';

describe('mmck', () => {
  it('matches a hand solution of the balance equations: c = 2, K = 3, λ = 2, μ = 1', () => {
    // λp0 = μp1, λp1 = 2μp2, λp2 = 2μp3 → p ∝ (1, 2, 2, 2), sum 7.
    const q = { arrivalRate: 2, serviceRate: 1, servers: 2, systemCapacity: 3 };
    const p = mmckStateProbabilities(q);
    [1, 2, 2, 2].forEach((w, n) => expect(p[n]).toBeCloseTo(w / 7, 12));
    const m = mmck(q);
    expect(m.blockingProbability).toBeCloseTo(2 / 7, 12);
    expect(m.throughput).toBeCloseTo(10 / 7, 12); // λ(1 − p3)
    expect(m.utilization).toBeCloseTo(5 / 7, 12); // (1·p1 + 2·p2 + 2·p3)/2
    expect(m.meanInSystem).toBeCloseTo(12 / 7, 12); // (0 + 2 + 4 + 6)/7
    expect(m.meanQueueLength).toBeCloseTo(2 / 7, 12); // one waiting in state 3
    expect(m.meanSojourn).toBeCloseTo(1.2, 12); // L / λ_eff = (12/7)/(10/7)
    expect(m.meanWait).toBeCloseTo(0.2, 12);
    expect(m.probabilityOfWait).toBeCloseTo(2 / 5, 12); // p2 / (1 − p3)
  });

  it('matches a hand solution of M/M/1/2 with λ = 1, μ = 2', () => {
    // p ∝ (1, 1/2, 1/4) → (4/7, 2/7, 1/7)
    const m = mmck({ arrivalRate: 1, serviceRate: 2, servers: 1, systemCapacity: 2 });
    expect(m.blockingProbability).toBeCloseTo(1 / 7, 12);
    expect(m.meanInSystem).toBeCloseTo(4 / 7, 12);
    expect(m.utilization).toBeCloseTo(3 / 7, 12);
  });

  it('matches the M/M/1/K closed forms (Gross et al. 4th ed. §2.5) for ρ = 0.8, K = 10', () => {
    const rho = 0.8;
    const K = 10;
    const m = mmck({ arrivalRate: 0.8, serviceRate: 1, servers: 1, systemCapacity: K });
    expect(m.blockingProbability).toBeCloseTo(((1 - rho) * rho ** K) / (1 - rho ** (K + 1)), 12);
    expect(m.meanInSystem).toBeCloseTo(
      rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1)),
      12,
    );
  });

  it('equals Erlang B when there is no waiting room (M/M/c/c)', () => {
    for (const [c, a] of [
      [1, 1],
      [5, 2],
      [10, 5],
      [200, 180],
      [500, 600],
    ]) {
      const m = mmck({ arrivalRate: a, serviceRate: 1, servers: c, systemCapacity: c });
      expect(m.blockingProbability).toBeCloseTo(erlangB(c, a), 12);
      expect(m.meanQueueLength).toBe(0);
      expect(m.meanWait).toBe(0);
      expect(m.meanSojourn).toBeCloseTo(1, 10);
    }
  });

  it('converges to M/M/c for a large buffer (c = 200, K = 10000, ρ = 0.95)', () => {
    const q = { arrivalRate: 190, serviceRate: 1, servers: 200 };
    const finite = mmck({ ...q, systemCapacity: 10_000 });
    const infinite = mmc(q);
    expect(finite.blockingProbability).toBeLessThan(1e-100);
    expect(finite.meanWait / infinite.meanWait).toBeCloseTo(1, 10);
    expect(finite.meanInSystem / infinite.meanInSystem).toBeCloseTo(1, 10);
    expect(finite.probabilityOfWait).toBeCloseTo(infinite.probabilityOfWait, 10);
  });

  it('overloaded with a huge buffer: servers saturate and blocking → 1 − cμ/λ', () => {
    const m = mmck({ arrivalRate: 240, serviceRate: 1, servers: 200, systemCapacity: 10_200 });
    expect(m.blockingProbability).toBeCloseTo(1 / 6, 10);
    expect(m.throughput).toBeCloseTo(200, 8);
    expect(m.utilization).toBeCloseTo(1, 10);
    expect(m.meanQueueLength).toBeCloseTo(10_000 - 5, 0); // buffer nearly full: E[gap] ≈ r/(1 − r), r = 5/6
  });

  it('stays finite for c = 500, K = 100 500 at every load', () => {
    for (const lambda of [0, 1, 450, 500, 550, 1e5]) {
      const p = mmckStateProbabilities({
        arrivalRate: lambda,
        serviceRate: 1,
        servers: 500,
        systemCapacity: 100_500,
      });
      expect(p.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
      const m = mmck({ arrivalRate: lambda, serviceRate: 1, servers: 500, systemCapacity: 100_500 });
      for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('treats an idle system sensibly and rejects K < c', () => {
    const m = mmck({ arrivalRate: 0, serviceRate: 4, servers: 2, systemCapacity: 5 });
    expect(m.blockingProbability).toBe(0);
    expect(m.meanInSystem).toBe(0);
    expect(m.meanSojourn).toBe(0.25);
    expect(() => mmck({ arrivalRate: 1, serviceRate: 1, servers: 3, systemCapacity: 2 })).toThrow(RangeError);
  });
});
