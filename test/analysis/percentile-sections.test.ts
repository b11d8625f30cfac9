import { describe, expect, it } from 'vitest';
import { aggregateReplications } from '../../src/analysis/aggregate.js';
import { bucketQuantile, sectionCount, sectionedPercentile } from '../../src/analysis/percentile-sections.js';
import type { HistogramBucket } from '../../src/metrics/index.js';
import { simulate } from '../../src/model/simulate.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';

/** n observations spread evenly over [0, 1) in ten buckets of width 0.1. */
function uniform(n: number): HistogramBucket[] {
  return Array.from({ length: 10 }, (_, i) => [i / 10, (i + 1) / 10, n / 10] as HistogramBucket);
}

describe('bucketQuantile', () => {
  it('interpolates the cumulative count within the bucket that holds the rank', () => {
    expect(bucketQuantile(uniform(1000), 0.99)).toBeCloseTo(0.99, 12);
    expect(bucketQuantile(uniform(1000), 0.5)).toBeCloseTo(0.5, 12);
    expect(
      bucketQuantile(
        [
          [0, 0, 60],
          [1, 2, 40],
        ],
        0.5,
      ),
    ).toBe(0); // zero bucket holds the median
    expect(
      bucketQuantile(
        [
          [0, 0, 60],
          [1, 2, 40],
        ],
        0.8,
      ),
    ).toBeCloseTo(1.5, 12);
    expect(bucketQuantile([], 0.5)).toBeNull();
  });
});

describe('sectionedPercentile', () => {
  it('merges units into sections of 100 observations beyond the percentile', () => {
    // 20 units of 2,000: 400 beyond the p99 in all, so 4 sections of 5 units.
    const units = Array.from({ length: 20 }, () => uniform(2000));
    expect(sectionCount(units, 0.99, 100)).toBe(4);
    const sectioned = sectionedPercentile(units, 0.99);
    expect(sectioned.sections).toBe(4);
    // Identical sections: no spread, so the interval closes on the pooled percentile.
    expect(sectioned.ci95).toEqual([expect.closeTo(0.99, 12), expect.closeTo(0.99, 12)]);
  });

  it('gives no interval with fewer than 2 sections, and says how much more data would give one', () => {
    const units = Array.from({ length: 10 }, () => uniform(1500)); // 150 beyond the p99: 1 section
    const sectioned = sectionedPercentile(units, 0.99);
    expect(sectioned.ci95).toBeNull();
    if (sectioned.ci95 === null) expect(sectioned.runLengthFactor).toBeCloseTo(200 / 150, 12);
  });

  it('centres on the given value and takes its width from the spread around the pooled percentile', () => {
    const low = Array.from({ length: 10 }, (_, i) => [i / 10, (i + 1) / 10, 1000] as HistogramBucket);
    const high = low.map(([a, b, n]) => [a * 2, b * 2, n] as HistogramBucket);
    const sectioned = sectionedPercentile([low, high], 0.99, 1.5, 50);
    expect(sectioned.estimate).toBe(1.5);
    expect(sectioned.ci95).not.toBeNull();
    const [a, b] = sectioned.ci95!;
    expect(a).toBeLessThan(1.5);
    expect(b).toBeGreaterThan(1.5);
    expect(Math.log(b / 1.5)).toBeCloseTo(Math.log(1.5 / a), 12); // symmetric on a log scale
  });
});

describe('replications: one percentile across the table and the pooled histogram', () => {
  it('reports the pooled percentile, not the mean of the replications’ percentiles', () => {
    const runs = [1, 2, 3, 4].map(
      (seed) =>
        simulate(
          singleQueueScenario({
            arrivalRate: 8,
            service: exponentialService(10),
            consumers: 1,
            durationSeconds: 2000,
            warmupSeconds: 100,
            seed,
          }),
        ).result,
    );
    const combined = aggregateReplications(runs).queues.station;
    const pooled = combined.latencyHistogram!.sojourn;
    // The table's p99 is the p99 of the pooled histogram that the charts draw and mark.
    expect(combined.sojourn.p99).toBeCloseTo(bucketQuantile(pooled, 0.99)!, 12);
    expect(combined.wait.p95).toBeCloseTo(bucketQuantile(combined.latencyHistogram!.wait, 0.95)!, 12);
    const meanOfP99 = runs.reduce((sum, run) => sum + run.queues.station.sojourn.p99!, 0) / runs.length;
    expect(combined.sojourn.p99).not.toBeCloseTo(meanOfP99, 6);
    // Exact p99 sojourn of M/M/1 (exponential with rate μ − λ = 2/s): ln(100)/2 = 2.303 s; 4 × 2,000 s at
    // ρ = 0.8 put the pooled estimate within 10 %.
    expect(combined.sojourn.p99! / (Math.log(100) / 2)).toBeGreaterThan(0.9);
    expect(combined.sojourn.p99! / (Math.log(100) / 2)).toBeLessThan(1.1);
    const [low, high] = combined.ci95!['sojourn.p99'];
    expect(low).toBeLessThan(combined.sojourn.p99!);
    expect(high).toBeGreaterThan(combined.sojourn.p99!);
  });
});
