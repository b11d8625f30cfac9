import { describe, expect, it } from 'vitest';
import { aggregateReplications } from '../../src/analysis/aggregate.js';
import { simulate } from '../../src/model/simulate.js';
import { poissonProducer, scenarioOf, topicSpec } from '../helpers/scenarios.js';

describe('aggregating topic replications', () => {
  const scenario = scenarioOf({
    durationSeconds: 200,
    producers: [poissonProducer('shop', 'orders', 50)],
    queues: [
      topicSpec(
        { name: 'orders', consumers: 3, service: { kind: 'exponential', mean: 0.02 } },
        { partitions: 4, keyCount: 100, keySkew: 1.2 },
      ),
    ],
  });
  const runs = [1, 2, 3].map((seed) => simulate({ ...scenario, seed }).result);
  const combined = aggregateReplications(runs).queues.orders;
  const topics = runs.map((run) => run.queues.orders.partitions!);

  it('averages every partition and finds the hot partition again from the means', () => {
    const partitions = combined.partitions!;
    expect(partitions.count).toBe(4);
    partitions.perPartition.forEach((stats, p) => {
      const mean = (pick: (run: (typeof topics)[number]) => number) =>
        topics.reduce((sum, run) => sum + pick(run), 0) / topics.length;
      expect(stats.arrivals).toBeCloseTo(
        mean((run) => run.perPartition[p].arrivals),
        9,
      );
      expect(stats.lag.mean).toBeCloseTo(
        mean((run) => run.perPartition[p].lag.mean),
        9,
      );
      expect(stats.consumer).toBe(p % 3);
    });
    const arrivals = partitions.perPartition.map((stats) => stats.arrivals);
    const lags = partitions.perPartition.map((stats) => stats.lag.mean);
    const hot = lags.indexOf(Math.max(...lags));
    expect(partitions.hotPartition.partition).toBe(hot);
    expect(partitions.hotPartition.shareOfArrivals).toBeCloseTo(
      arrivals[hot] / arrivals.reduce((a, b) => a + b, 0),
      9,
    );
  });

  it('gives the group counters intervals, and the partition count and hot partition none', () => {
    expect(combined.ci95).toHaveProperty(['partitions.rebalances']);
    expect(combined.ci95).not.toHaveProperty(['partitions.count']);
    expect(Object.keys(combined.ci95!).some((name) => name.startsWith('partitions.hotPartition'))).toBe(
      false,
    );
  });
});
