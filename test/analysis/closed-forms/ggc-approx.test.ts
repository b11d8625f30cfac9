import { describe, expect, it } from 'vitest';
import { allenCunneen, kingman, md1, mmc } from '../../../src/analysis/closed-forms/index.js';

describe('kingman (G/G/1)', () => {
  it('is exact for M/M/1 when ca² = cs² = 1', () => {
    for (const lambda of [0.2, 0.7, 0.95]) {
      const k = kingman({ arrivalRate: lambda, arrivalScv: 1, serviceMean: 2, serviceScv: 1 });
      const exact = mmc({ arrivalRate: lambda, serviceRate: 0.5, servers: 1 });
      expect(k.meanWait).toBeCloseTo(exact.meanWait, 10);
      expect(k.meanInSystem).toBeCloseTo(exact.meanInSystem, 10);
    }
  });

  it('is exact for M/D/1 (Poisson arrivals, ca² = 1, cs² = 0: Pollaczek–Khinchine)', () => {
    const k = kingman({ arrivalRate: 0.4, arrivalScv: 1, serviceMean: 2, serviceScv: 0 });
    expect(k.meanWait).toBeCloseTo(md1(0.4, 2).meanWait, 12);
  });

  it('is 0 for D/D/1 and unstable at ρ = 1', () => {
    expect(kingman({ arrivalRate: 0.4, arrivalScv: 0, serviceMean: 2, serviceScv: 0 }).meanWait).toBe(0);
    expect(kingman({ arrivalRate: 0.5, arrivalScv: 1, serviceMean: 2, serviceScv: 1 }).stable).toBe(false);
  });
});

describe('allenCunneen (G/G/c)', () => {
  it('is exact for M/M/c when ca² = cs² = 1', () => {
    for (const [c, rho] of [
      [1, 0.5],
      [2, 0.5],
      [8, 0.9],
      [50, 0.95],
    ]) {
      const lambda = c * rho * 3; // μ = 3 per second
      const ac = allenCunneen({
        arrivalRate: lambda,
        arrivalScv: 1,
        serviceMean: 1 / 3,
        serviceScv: 1,
        servers: c,
      });
      const exact = mmc({ arrivalRate: lambda, serviceRate: 3, servers: c });
      expect(ac.meanWait).toBeCloseTo(exact.meanWait, 12);
      expect(ac.meanSojourn).toBeCloseTo(exact.meanSojourn, 12);
      expect(ac.probabilityOfWait).toBeCloseTo(exact.probabilityOfWait, 12);
      expect(ac.utilization).toBeCloseTo(rho, 12);
    }
  });

  it('equals Kingman with one server and scales with (ca² + cs²)/2', () => {
    const q = { arrivalRate: 0.8, arrivalScv: 0.5, serviceMean: 1, serviceScv: 2 };
    expect(allenCunneen({ ...q, servers: 1 }).meanWait).toBeCloseTo(kingman(q).meanWait, 12);
    const base = allenCunneen({ ...q, arrivalScv: 1, serviceScv: 1, servers: 4 }).meanWait;
    expect(allenCunneen({ ...q, servers: 4 }).meanWait).toBeCloseTo(base * 1.25, 12);
  });

  it('stays finite for c = 500 and reports overload as unstable', () => {
    const m = allenCunneen({
      arrivalRate: 499,
      arrivalScv: 2,
      serviceMean: 1,
      serviceScv: 0.3,
      servers: 500,
    });
    expect(m.stable).toBe(true);
    for (const v of [m.meanWait, m.meanInSystem, m.probabilityOfWait]) expect(Number.isFinite(v)).toBe(true);
    expect(m.meanWait).toBeGreaterThan(0);
    const over = allenCunneen({
      arrivalRate: 501,
      arrivalScv: 2,
      serviceMean: 1,
      serviceScv: 0.3,
      servers: 500,
    });
    expect(over.stable).toBe(false);
    expect(over.meanWait).toBe(Infinity);
    expect(over.throughput).toBe(500);
  });
});
