import { describe, expect, it } from 'vitest';
import { metricsOutside } from '../../src/analysis/compare-analytic.js';
import { HEADLINE_METRICS, nextWaveSize, unconvergedMetrics } from '../../src/analysis/precision.js';
import type { QueueResult, RunResult } from '../../src/model/run-result.js';

/** A queue whose headline metrics have the given value and relative half-width. */
function queue(relativeHalfWidth: number, overrides: Partial<QueueResult> = {}): QueueResult {
  const base = {
    throughput: 10,
    utilization: 0.5,
    dropRate: 0,
    meanInSystem: 2,
    sojourn: { mean: 0.2, p50: 0.1, p95: 0.5, p99: 1, max: 3 },
  } as unknown as QueueResult;
  const ci95: Record<string, [number, number]> = {};
  for (const metric of HEADLINE_METRICS) {
    const value = metric.startsWith('sojourn.')
      ? (base.sojourn as unknown as Record<string, number>)[metric.slice(8)]
      : (base as unknown as Record<string, number>)[metric];
    ci95[metric] = [value * (1 - relativeHalfWidth), value * (1 + relativeHalfWidth)];
  }
  return { ...base, ci95, ...overrides };
}

const result = (q: QueueResult): RunResult => ({
  scenario: 's',
  seed: 1,
  measuredSeconds: 1,
  warmupSeconds: 0,
  queues: { q },
  flows: {},
  exchanges: {},
});

describe('unconvergedMetrics', () => {
  it('passes when every half-width is within the target, a zero mean with a zero width included', () => {
    expect(unconvergedMetrics(result(queue(0.019)), 0.02)).toEqual([]);
  });

  it('names each metric that is too wide, with its relative half-width', () => {
    const wide = queue(0.019);
    wide.ci95!['sojourn.p99'] = [0.9, 1.1];
    expect(unconvergedMetrics(result(wide), 0.02)).toEqual([
      { queue: 'q', metric: 'sojourn.p99', relativeHalfWidth: expect.closeTo(0.1, 12) },
    ]);
  });

  it('skips metrics null everywhere, and fails metrics without an interval', () => {
    const noConsumers = queue(0.01, { utilization: null });
    expect(unconvergedMetrics(result(noConsumers), 0.02)).toEqual([]);
    const partial = queue(0.01);
    delete partial.ci95!['sojourn.mean'];
    expect(unconvergedMetrics(result(partial), 0.02)).toEqual([
      { queue: 'q', metric: 'sojourn.mean', relativeHalfWidth: null },
    ]);
  });
});

describe('nextWaveSize', () => {
  it('asks for enough runs to reach the target at 1/√n, at most doubling, in whole waves', () => {
    const miss = (relativeHalfWidth: number) => [{ queue: 'q', metric: 'throughput', relativeHalfWidth }];
    expect(nextWaveSize(10, miss(0.021), 0.02, 1, 100)).toBe(2); // 10·1.05² ≈ 11.03 → 12
    expect(nextWaveSize(10, miss(0.021), 0.02, 4, 100)).toBe(4);
    expect(nextWaveSize(10, miss(0.2), 0.02, 1, 100)).toBe(10); // would need 1000: doubles
    expect(nextWaveSize(95, miss(0.2), 0.02, 4, 100)).toBe(5); // capped
  });
});

describe('metricsOutside', () => {
  const estimate = (exact: boolean, values: Record<string, number | null>) => ({
    model: 'M/M/1',
    method: 'test',
    exact,
    stable: true,
    values,
  });

  it('flags an exact value outside the 99 % interval, and not one inside it', () => {
    const q = queue(0.01); // 95 % half-width of throughput: 0.1 around 10
    // With n = 10, the 99 % half-width is 0.1 · t(0.995, 9)/t(0.975, 9) ≈ 0.1435.
    expect(metricsOutside(q, estimate(true, { throughput: 10.14 }), 10)).toEqual([]);
    expect(metricsOutside(q, estimate(true, { throughput: 10.15 }), 10)).toEqual(['throughput']);
  });

  it('widens percentiles by the histogram resolution and approximations by 30 %', () => {
    const q = queue(0.01);
    expect(metricsOutside(q, estimate(true, { 'sojourn.p99': 1.018 }), 10)).toEqual([]);
    expect(metricsOutside(q, estimate(false, { meanInSystem: 2.5 }), 10)).toEqual([]);
    expect(metricsOutside(q, estimate(false, { meanInSystem: 1.4 }), 10)).toEqual(['meanInSystem']);
  });

  it('judges nothing without intervals', () => {
    expect(metricsOutside(queue(0.01), estimate(true, { throughput: 50 }), 1)).toEqual([]);
  });
});
