/**
 * Topics against queueing theory: with Poisson arrivals the partitions are independent M/G/1 queues fed by
 * their key shares (topic-estimates.ts). Simulated means over replications must contain the analytic values
 * in their 99 % confidence intervals.
 */
import { describe, expect, it } from 'vitest';
import { mg1 } from '../../src/analysis/closed-forms/index.js';
import { estimateScenario } from '../../src/analysis/estimates.js';
import { partitionShares } from '../../src/model/key-sampler.js';
import type { DistributionSpec, Scenario, TopicSpec } from '../../src/scenario/types.js';
import { expectMatchesTheory, replicate } from '../helpers/replications.js';
import { checkFamily } from '../helpers/statistical.js';
import { poissonProducer, scenarioOf, topicSpec } from '../helpers/scenarios.js';

const REPLICATIONS = 10;

function topicScenario(
  rate: number,
  consumers: number,
  service: DistributionSpec,
  topic: Partial<TopicSpec> & Pick<TopicSpec, 'partitions'>,
): Scenario {
  return scenarioOf({
    durationSeconds: 2000,
    warmupSeconds: 100,
    producers: [poissonProducer('shop', 'orders', rate)],
    queues: [topicSpec({ name: 'orders', consumers, service }, topic)],
  });
}

/** Σ_p share_p · W_PK(λ·share_p): the topic's mean wait with one consumer per partition. */
function pkMeanWait(rate: number, shares: number[], mean: number, variance: number): number {
  return shares.reduce(
    (sum, share) =>
      sum + share * mg1({ arrivalRate: rate * share, serviceMean: mean, serviceVariance: variance }).meanWait,
    0,
  );
}

/** The estimate's value of `metric` (failing when there is none). */
function estimated(scenario: Scenario, metric: string): number {
  const estimate = estimateScenario(scenario).orders;
  if (estimate.model === null) throw new Error(`no estimate: ${estimate.reason}`);
  return estimate.values[metric] as number;
}

describe('topic estimates against the simulation', () => {
  const family = checkFamily('topic estimates', 10);
  it('uniform keys, 4 partitions, 4 consumers, exponential service: 4 × M/M/1', () => {
    const scenario = topicScenario(24, 4, { kind: 'exponential', mean: 0.1 }, { partitions: 4 });
    const wait = pkMeanWait(24, [0.25, 0.25, 0.25, 0.25], 0.1, 0.01);
    expect(wait).toBeCloseTo(0.15, 12); // M/M/1 at λ = 6, μ = 10: ρ/(μ − λ)
    expect(estimated(scenario, 'wait.mean')).toBeCloseTo(wait, 12);
    expect(estimateScenario(scenario).orders).toMatchObject({ exact: true, stable: true });
    expectMatchesTheory(family, replicate(scenario, REPLICATIONS, 'orders'), [
      ['wait.mean', (r) => r.wait.mean, wait],
      ['meanQueueLength', (r) => r.meanQueueLength, estimated(scenario, 'meanQueueLength')],
      ['utilization', (r) => r.utilization, 0.6],
    ]);
  });

  it('skewed keys, one consumer per partition, lognormal service: the hot partition at share·λ·E[S]', () => {
    const topic = { partitions: 8, keyCount: 200, keySkew: 1 };
    const shares = partitionShares(8, 200, 1);
    const hot = shares.indexOf(Math.max(...shares));
    const mean = 0.05;
    const rate = 0.8 / (shares[hot] * mean); // the hot partition at 80 % utilisation
    const scenario = topicScenario(rate, 8, { kind: 'lognormal', mean, cv: 1.5 }, topic);
    const variance = (1.5 * mean) ** 2;
    const wait = pkMeanWait(rate, shares, mean, variance);
    expect(estimated(scenario, 'wait.mean')).toBeCloseTo(wait, 12);
    const hotState = mg1({ arrivalRate: rate * shares[hot], serviceMean: mean, serviceVariance: variance });
    const results = replicate(scenario, REPLICATIONS, 'orders');
    expectMatchesTheory(family, results, [
      ['wait.mean', (r) => r.wait.mean, wait],
      ['hot share', (r) => r.partitions!.perPartition[hot].arrivals / r.arrivals, shares[hot]],
      ['hot lag', (r) => r.partitions!.perPartition[hot].lag.mean, hotState.meanInSystem],
      ['hot wait', (r) => r.partitions!.perPartition[hot].wait.mean, hotState.meanWait],
    ]);
    for (const result of results) expect(result.partitions!.hotPartition.partition).toBe(hot);
  });

  it('more partitions than consumers: each consumer an M/G/1 over its partitions (conservation law)', () => {
    const scenario = topicScenario(
      20,
      4,
      { kind: 'uniform', min: 0, max: 0.2 },
      { partitions: 6, keyCount: 1000, keySkew: 0.5 },
    );
    expect(estimateScenario(scenario).orders).toMatchObject({ exact: true, stable: true });
    expectMatchesTheory(family, replicate(scenario, REPLICATIONS, 'orders'), [
      ['wait.mean', (r) => r.wait.mean, estimated(scenario, 'wait.mean')],
      ['utilization', (r) => r.utilization, estimated(scenario, 'utilization')],
      ['probabilityOfWait', (r) => r.probabilityOfWait, estimated(scenario, 'probabilityOfWait')],
    ]);
  });

  it('has no estimate with failures retried in place, and flags an overloaded hot partition', () => {
    const failing = topicScenario(10, 2, { kind: 'exponential', mean: 0.05 }, { partitions: 2 });
    failing.queues[0].failureProbability = 0.1;
    expect(estimateScenario(failing).orders.model).toBeNull();
    const hotKey = topicScenario(
      30,
      4,
      { kind: 'exponential', mean: 0.1 },
      { partitions: 4, keyCount: 1, keySkew: 0 },
    );
    expect(estimateScenario(hotKey).orders).toMatchObject({ stable: false });
  });
});
