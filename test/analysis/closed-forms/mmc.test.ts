import { describe, expect, it } from 'vitest';
import {
  mmc,
  mmcSojournCdf,
  mmcSojournQuantile,
  mmcWaitCdf,
  mmcWaitQuantile,
  type MmcQueue,
} from '../../../src/analysis/closed-forms/index.js';

/** Composite Simpson rule on [a, b] with n (even) intervals. */
function simpson(f: (x: number) => number, a: number, b: number, n = 4000): number {
  const h = (b - a) / n;
  let sum = f(a) + f(b);
  for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** Sojourn CDF by numerical convolution of the wait law (atom 1 − C at 0, else Exp(θ)) with Exp(μ) service. */
function convolvedSojournCdf(q: MmcQueue, t: number): number {
  const c = mmc(q).probabilityOfWait;
  const mu = q.serviceRate;
  const theta = q.servers * mu - q.arrivalRate;
  const waited = simpson((s) => theta * Math.exp(-theta * s) * (1 - Math.exp(-mu * (t - s))), 0, t);
  return (1 - c) * (1 - Math.exp(-mu * t)) + c * waited;
}

describe('mmc', () => {
  it('matches M/M/1 with λ = 0.9, μ = 1 (Gross et al. 4th ed. §2.2: L = ρ/(1 − ρ), W = 1/(μ − λ))', () => {
    const m = mmc({ arrivalRate: 0.9, serviceRate: 1, servers: 1 });
    expect(m.stable).toBe(true);
    expect(m.utilization).toBeCloseTo(0.9, 12);
    expect(m.probabilityOfWait).toBeCloseTo(0.9, 12);
    expect(m.meanWait).toBeCloseTo(9, 10);
    expect(m.meanSojourn).toBeCloseTo(10, 10);
    expect(m.meanInSystem).toBeCloseTo(9, 10);
    expect(m.meanQueueLength).toBeCloseTo(8.1, 10);
    expect(m.throughput).toBe(0.9);
  });

  it('matches M/M/2 with ρ = 0.5 (L = 2ρ/(1 − ρ²) = 4/3, hand computation)', () => {
    const m = mmc({ arrivalRate: 1, serviceRate: 1, servers: 2 });
    expect(m.probabilityOfWait).toBeCloseTo(1 / 3, 12);
    expect(m.meanWait).toBeCloseTo(1 / 3, 12);
    expect(m.meanInSystem).toBeCloseTo(4 / 3, 12);
    expect(m.meanQueueLength).toBeCloseTo(1 / 3, 12);
  });

  it('matches the call-centre example: 10 Erlangs on 14 agents, AHT 180 s → ASA 7.84 s', () => {
    // callcentrehelper.com "Erlang C formula made simple": ASA = C·AHT/(N − A) = 0.1741·180/4
    const m = mmc({ arrivalRate: 100 / 1800, serviceRate: 1 / 180, servers: 14 });
    expect(m.meanWait).toBeCloseTo(7.836, 3);
    // and 88.8 % of calls answered within 20 s: 1 − C·e^{−(N − A)·20/180}
    expect(mmcWaitCdf({ arrivalRate: 100 / 1800, serviceRate: 1 / 180, servers: 14 }, 20)).toBeCloseTo(
      0.88835,
      4,
    );
  });

  it('reports ρ ≥ 1 as unstable with infinite means and saturated throughput', () => {
    for (const q of [
      { arrivalRate: 1, serviceRate: 1, servers: 1 },
      { arrivalRate: 3, serviceRate: 1, servers: 2 },
    ]) {
      const m = mmc(q);
      expect(m.stable).toBe(false);
      expect(m.meanWait).toBe(Infinity);
      expect(m.meanInSystem).toBe(Infinity);
      expect(m.utilization).toBe(1);
      expect(m.throughput).toBe(q.servers * q.serviceRate);
      expect(mmcWaitQuantile(q, 0.5)).toBe(Infinity);
      expect(mmcSojournQuantile(q, 0.5)).toBe(Infinity);
    }
  });

  it('stays finite for c = 500 near saturation', () => {
    const q = { arrivalRate: 495, serviceRate: 1, servers: 500 };
    const m = mmc(q);
    for (const v of Object.values(m)) expect(Number.isNaN(v)).toBe(false);
    expect(m.meanWait).toBeGreaterThan(0);
    expect(Number.isFinite(mmcSojournQuantile(q, 0.999))).toBe(true);
    expect(mmcSojournCdf(q, mmcSojournQuantile(q, 0.999))).toBeCloseTo(0.999, 9);
  });

  it('rejects invalid input', () => {
    expect(() => mmc({ arrivalRate: 1, serviceRate: 0, servers: 1 })).toThrow(RangeError);
    expect(() => mmc({ arrivalRate: 1, serviceRate: 1, servers: 0 })).toThrow(RangeError);
    expect(() => mmcWaitQuantile({ arrivalRate: 1, serviceRate: 1, servers: 2 }, 1.2)).toThrow(RangeError);
  });
});

describe('M/M/c waiting-time quantiles', () => {
  const q = { arrivalRate: 0.9, serviceRate: 1, servers: 1 };

  it('gives the M/M/1 closed form: P(Wq > t) = ρe^{−(μ−λ)t} → q(0.95) = 10·ln 18', () => {
    expect(mmcWaitQuantile(q, 0.95)).toBeCloseTo(10 * Math.log(18), 10);
  });

  it('is 0 up to the atom 1 − C and inverts the CDF above it', () => {
    const q3 = { arrivalRate: 2.5, serviceRate: 1, servers: 3 };
    const atom = 1 - mmc(q3).probabilityOfWait;
    expect(mmcWaitQuantile(q3, atom * 0.99)).toBe(0);
    expect(mmcWaitCdf(q3, 0)).toBeCloseTo(atom, 12);
    for (const p of [0.6, 0.9, 0.99, 0.999999]) {
      expect(mmcWaitCdf(q3, mmcWaitQuantile(q3, p))).toBeCloseTo(p, 12);
    }
    expect(mmcWaitQuantile(q3, 1)).toBe(Infinity);
  });
});

describe('M/M/c sojourn distribution', () => {
  it('is Exp(μ − λ) for M/M/1 (Gross et al. §2.2)', () => {
    const q = { arrivalRate: 0.9, serviceRate: 1, servers: 1 };
    expect(mmcSojournQuantile(q, 0.95)).toBeCloseTo(-10 * Math.log(0.05), 10);
    for (const t of [0.5, 5, 30]) expect(mmcSojournCdf(q, t)).toBeCloseTo(1 - Math.exp(-0.1 * t), 12);
  });

  // θ = cμ − λ below, equal to (the special case) and just off μ.
  const cases: MmcQueue[] = [
    { arrivalRate: 2.5, serviceRate: 1, servers: 4 }, // θ = 1.5
    { arrivalRate: 2, serviceRate: 1, servers: 3 }, // θ = μ = 1
    { arrivalRate: 2 + 1e-9, serviceRate: 1, servers: 3 }, // θ ≈ μ
    { arrivalRate: 1.9, serviceRate: 1, servers: 2 }, // θ = 0.1
  ];

  it('matches numerical convolution of wait and service', () => {
    for (const q of cases) {
      for (const t of [0.1, 1, 3, 10]) expect(mmcSojournCdf(q, t)).toBeCloseTo(convolvedSojournCdf(q, t), 9);
    }
  });

  it('has mean W: ∫ P(T > t) dt = Wq + 1/μ', () => {
    for (const q of cases) {
      const horizon = 60 / Math.min(q.serviceRate, q.servers * q.serviceRate - q.arrivalRate);
      const mean = simpson((t) => 1 - mmcSojournCdf(q, t), 0, horizon, 20000);
      expect(mean).toBeCloseTo(mmc(q).meanSojourn, 6);
    }
  });

  it('quantiles invert the CDF: P(W ≤ q(p)) = p', () => {
    for (const q of cases) {
      for (const p of [0.01, 0.5, 0.9, 0.99, 0.9999]) {
        expect(mmcSojournCdf(q, mmcSojournQuantile(q, p))).toBeCloseTo(p, 10);
      }
      expect(mmcSojournQuantile(q, 0)).toBe(0);
      expect(mmcSojournQuantile(q, 1)).toBe(Infinity);
    }
  });
});
