/**
 * Regression tests of issue 18 #2 and #3 on simulated topics: the hot partition named is the one that lags
 * (and its figures are its own), and a topic reports each consumer's utilisation and its busiest, which
 * its `utilization` SLO reads. Theory: with uniform keys a consumer owning k of P partitions at total rate
 * λ is an M/M/1 at ρ = k·λ·E[S]/P, busy a fraction ρ of the time.
 */
import { describe, expect, it } from 'vitest';
import { aggregateReplications } from '../../src/analysis/aggregate.js';
import { evaluateSlos } from '../../src/analysis/slo.js';
import { simulate } from '../../src/model/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { expectMatchesTheory } from '../helpers/replications.js';
import { checkFamily } from '../helpers/statistical.js';
import { poissonProducer, queueSpec, scenarioOf, topicSpec } from '../helpers/scenarios.js';

/** A topic `orders` of `partitions` partitions (no keys) fed at `rate`, exponential 100 ms service. */
function topic(rate: number, partitions: number, consumers: number, seconds = 300): Scenario {
  return scenarioOf({
    durationSeconds: seconds,
    warmupSeconds: 30,
    producers: [poissonProducer('shop', 'orders', rate)],
    queues: [
      topicSpec({ name: 'orders', consumers, service: { kind: 'exponential', mean: 0.1 } }, { partitions }),
    ],
  });
}

const runs = (scenario: Scenario, n: number) =>
  Array.from({ length: n }, (_, i) => simulate({ ...scenario, seed: 18_000 + i }).result);

describe('the hot partition', () => {
  it('partitions 7, consumers 6 at 33/s: the hot one is 0 or 6 (consumer 0, ρ 0.94), with its own figures', () => {
    for (const result of runs(topic(33, 7, 6), 4)) {
      const topicStats = result.queues.orders.partitions!;
      const { perPartition, hotPartition: hot } = topicStats;
      const lags = perPartition.map((p) => p.lag.mean);
      expect([0, 6]).toContain(hot.partition);
      expect(lags[hot.partition]).toBe(Math.max(...lags));
      const total = perPartition.reduce((sum, p) => sum + p.arrivals, 0);
      expect(hot.shareOfArrivals).toBe(perPartition[hot.partition].arrivals / total);
      const meanLag = lags.reduce((a, b) => a + b, 0) / lags.length;
      expect(hot.lagRatio).toBe(lags[hot.partition] / meanLag);
      expect(perPartition[hot.partition].consumer).toBe(0);
    }
  });
});

describe("a topic's consumers", () => {
  const family = checkFamily("a topic's consumers", 6);
  it('partitions 2, consumers 4 at 19/s: the two working consumers ρ = 0.95, two idle, the SLO fails', () => {
    const results = runs(topic(19, 2, 4), 10);
    const combined = aggregateReplications(results);
    const orders = combined.queues.orders;
    // Theory: consumers 0 and 1 each serve 9.5/s × 100 ms; 2 and 3 own nothing. (The busiest of two equal
    // consumers is the larger of two estimates, so it is checked as that, not against 0.95.)
    expectMatchesTheory(
      family,
      results.map((r) => r.queues.orders),
      [
        ['consumer 0', (r) => r.partitions!.perConsumer[0].utilization, 0.95],
        ['consumer 1', (r) => r.partitions!.perConsumer[1].utilization, 0.95],
        ['group', (r) => r.utilization, 0.475],
      ],
    );
    for (const result of results) {
      const queue = result.queues.orders;
      const perConsumer = queue.partitions!.perConsumer;
      expect(perConsumer.map((c) => c.partitions)).toEqual([1, 1, 0, 0]);
      expect(perConsumer[2].utilization).toBe(0);
      expect(perConsumer[3].utilization).toBe(0);
      // The group's utilisation is the mean of its consumers' (a fixed group: equal time in it).
      const mean = perConsumer.reduce((sum, c) => sum + c.utilization!, 0) / 4;
      expect(queue.utilization!).toBeCloseTo(mean, 9);
      expect(queue.busiestConsumerUtilization).toBe(Math.max(...perConsumer.map((c) => c.utilization!)));
      expect(queue.partitions!.assignment).toEqual({ even: false, fewestPartitions: 0, mostPartitions: 1 });
    }
    const [verdict] = evaluateSlos(combined, {
      slo: [{ scope: 'queue', name: 'orders', metric: 'utilization', unit: 'fraction', max: 0.8 }],
    });
    expect(verdict.target).toBe('queues.orders.utilization');
    expect(verdict.value).toBe(orders.busiestConsumerUtilization);
    expect(verdict.verdict).toBe('fail');
    expect(verdict.significant).toBe(true);
  });

  it('partitions 3, consumers 2 at 14/s: consumer 0 owns two (ρ = 0.933), consumer 1 one (0.467)', () => {
    const results = runs(topic(14, 3, 2), 10).map((r) => r.queues.orders);
    expectMatchesTheory(family, results, [
      ['consumer 0', (r) => r.partitions!.perConsumer[0].utilization, (2 / 3) * 14 * 0.1],
      ['consumer 1', (r) => r.partitions!.perConsumer[1].utilization, (1 / 3) * 14 * 0.1],
      ['busiest', (r) => r.busiestConsumerUtilization ?? null, (2 / 3) * 14 * 0.1],
    ]);
    for (const result of results) {
      expect(result.partitions!.busiestConsumer!.consumer).toBe(0);
      expect(result.partitions!.assignment).toEqual({ even: false, fewestPartitions: 1, mostPartitions: 2 });
    }
  });

  it('an even assignment is called even, and a plain queue has no busiest consumer', () => {
    const even = simulate(topic(10, 4, 2, 60)).result.queues.orders;
    expect(even.partitions!.assignment).toEqual({ even: true, fewestPartitions: 2, mostPartitions: 2 });
    const plain = scenarioOf({
      producers: [poissonProducer('shop', 'orders', 5)],
      queues: [queueSpec({ name: 'orders', consumers: 1, service: { kind: 'exponential', mean: 0.1 } })],
      durationSeconds: 60,
    });
    expect(simulate(plain).result.queues.orders).not.toHaveProperty('busiestConsumerUtilization');
  });
});
