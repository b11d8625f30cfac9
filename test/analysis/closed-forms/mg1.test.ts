import { describe, expect, it } from 'vitest';
import { md1, mg1, mmc } from '../../../src/analysis/closed-forms/index.js';

describe('mg1 (Pollaczek–Khinchine)', () => {
  it('reduces to M/M/1 for exponential service (variance = mean²)', () => {
    for (const lambda of [0.1, 0.5, 0.9, 0.99]) {
      const pk = mg1({ arrivalRate: lambda, serviceMean: 1, serviceVariance: 1 });
      const exact = mmc({ arrivalRate: lambda, serviceRate: 1, servers: 1 });
      expect(pk.meanWait).toBeCloseTo(exact.meanWait, 10);
      expect(pk.meanSojourn).toBeCloseTo(exact.meanSojourn, 10);
      expect(pk.meanQueueLength).toBeCloseTo(exact.meanQueueLength, 10);
      expect(pk.meanInSystem).toBeCloseTo(exact.meanInSystem, 10);
    }
  });

  it('gives M/D/1: Wq = ρ/(2μ(1 − ρ)), L = ρ + ρ²/(2(1 − ρ)) (Gross et al. 4th ed. §5.1.1)', () => {
    // λ = 0.5, D = 2 s → ρ = 1, unstable; λ = 0.4, D = 2 s → ρ = 0.8, μ = 0.5
    const m = md1(0.4, 2);
    expect(m.meanWait).toBeCloseTo(0.8 / (2 * 0.5 * 0.2), 12); // 4 s
    expect(m.meanInSystem).toBeCloseTo(0.8 + 0.64 / 0.4, 12); // 2.4
    expect(m.meanQueueLength).toBeCloseTo(1.6, 12);
    // constant service halves the M/M/1 wait
    expect(m.meanWait).toBeCloseTo(mmc({ arrivalRate: 0.4, serviceRate: 0.5, servers: 1 }).meanWait / 2, 12);
    expect(md1(0.5, 2).stable).toBe(false);
  });

  it('grows linearly in the service variance', () => {
    // Erlang-2 service with mean 1: variance 1/2 → Wq = λ·1.5/(2(1 − ρ)) at λ = 0.5 → 0.75
    expect(mg1({ arrivalRate: 0.5, serviceMean: 1, serviceVariance: 0.5 }).meanWait).toBeCloseTo(0.75, 12);
  });

  it('is unstable for ρ ≥ 1 and rejects a zero service mean', () => {
    const m = mg1({ arrivalRate: 2, serviceMean: 0.5, serviceVariance: 0 });
    expect(m.stable).toBe(false);
    expect(m.meanWait).toBe(Infinity);
    expect(m.throughput).toBe(2);
    expect(() => mg1({ arrivalRate: 1, serviceMean: 0, serviceVariance: 0 })).toThrow(RangeError);
  });
});
