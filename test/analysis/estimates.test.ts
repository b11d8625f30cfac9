import { describe, expect, it } from 'vitest';
import {
  erlangB,
  mg1,
  mmc,
  mmck,
  allenCunneen,
  mmcSojournQuantile,
} from '../../src/analysis/closed-forms/index.js';
import { estimateQueue, estimateScenario, type AnalyticEstimate } from '../../src/analysis/estimates.js';
import type { NoAnalyticEstimate } from '../../src/results/analysis-results.js';
import type { DistributionSpec, Scenario } from '../../src/scenario/types.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';

function estimate(scenario: Scenario): AnalyticEstimate | NoAnalyticEstimate {
  return estimateQueue(scenario, scenario.queues[0]);
}

function exact(scenario: Scenario): AnalyticEstimate {
  const result = estimate(scenario);
  if (result.model === null) throw new Error(`no estimate: ${result.reason}`);
  return result;
}

const station = (service: DistributionSpec, consumers: number, capacity: number | null = null, rate = 8) =>
  singleQueueScenario({ arrivalRate: rate, service, consumers, capacity, durationSeconds: 1 });

describe('estimateQueue picks the formula from the configuration', () => {
  it('M/M/c: Erlang C means and exact percentiles', () => {
    const result = exact(station(exponentialService(10), 1));
    expect(result).toMatchObject({ model: 'M/M/1', exact: true, stable: true });
    const theory = mmc({ arrivalRate: 8, serviceRate: 10, servers: 1 });
    expect(result.values['wait.mean']).toBeCloseTo(theory.meanWait, 12);
    expect(result.values.meanInSystem).toBeCloseTo(4, 12);
    expect(result.values['sojourn.p99']).toBeCloseTo(
      mmcSojournQuantile({ arrivalRate: 8, serviceRate: 10, servers: 1 }, 0.99),
      12,
    );
  });

  it('M/M/c/K with K = consumers + capacity', () => {
    const result = exact(station(exponentialService(10), 2, 8, 25));
    expect(result.model).toBe('M/M/2/10');
    const theory = mmck({ arrivalRate: 25, serviceRate: 10, servers: 2, systemCapacity: 10 });
    expect(result.values.dropRate).toBeCloseTo(theory.blockingProbability, 12);
    expect(result.values.throughput).toBeCloseTo(theory.throughput, 12);
  });

  it('capacity 0: Erlang B whatever the service law', () => {
    const result = exact(station({ kind: 'lognormal', mean: 0.1, cv: 2 }, 5, 0, 20));
    expect(result).toMatchObject({ model: 'M/G/5/5', exact: true });
    expect(result.values.dropRate).toBeCloseTo(erlangB(5, 2), 12);
    expect(result.values['wait.mean']).toBe(0);
  });

  it('M/G/1 by Pollaczek–Khinchine', () => {
    const result = exact(station({ kind: 'uniform', min: 0.05, max: 0.15 }, 1, null, 6));
    expect(result).toMatchObject({ model: 'M/G/1', exact: true });
    const theory = mg1({ arrivalRate: 6, serviceMean: 0.1, serviceVariance: 0.01 / 12 });
    expect(result.values['wait.mean']).toBeCloseTo(theory.meanWait, 12);
  });

  it('G/G/c by Allen–Cunneen, labelled an approximation', () => {
    const scenario = station({ kind: 'gamma', mean: 0.2, cv: 0.5 }, 3, null, 10);
    scenario.producers[0].interarrival = { kind: 'constant', value: 0.1 };
    const result = exact(scenario);
    expect(result).toMatchObject({ model: 'G/G/3', exact: false });
    expect(result.method).toMatch(/Allen–Cunneen/);
    const theory = allenCunneen({
      arrivalRate: 10,
      arrivalScv: 0,
      serviceMean: 0.2,
      serviceScv: 0.25,
      servers: 3,
    });
    expect(result.values['wait.mean']).toBeCloseTo(theory.meanWait, 12);
  });

  it('treats gamma with cv 1 and Erlang with k 1 as exponential', () => {
    expect(exact(station({ kind: 'gamma', mean: 0.1, cv: 1 }, 2)).model).toBe('M/M/2');
    expect(exact(station({ kind: 'erlang', k: 1, mean: 0.1 }, 2)).model).toBe('M/M/2');
  });

  it('superposes Poisson producers into one Poisson stream', () => {
    const scenario = station(exponentialService(10), 2, null, 5);
    scenario.producers.push({ ...scenario.producers[0], name: 'second' });
    const result = exact(scenario);
    expect(result.model).toBe('M/M/2');
    expect(result.values.throughput).toBeCloseTo(10, 12);
  });

  it('says when the queue is unstable, with infinite means as null', () => {
    const result = exact(station(exponentialService(10), 1, null, 12));
    expect(result.stable).toBe(false);
    expect(result.values['wait.mean']).toBeNull();
    expect(result.values.throughput).toBe(10);
  });

  it('approximates a bounded general queue only while its queue stays far below the capacity', () => {
    const light = exact(station({ kind: 'lognormal', mean: 0.1, cv: 1.5 }, 4, 1000, 20));
    expect(light.exact).toBe(false);
    expect(light.method).toMatch(/ignoring the capacity/);
    const heavy = estimate(station({ kind: 'lognormal', mean: 0.1, cv: 1.5 }, 4, 10, 38));
    expect(heavy.model).toBeNull();
  });

  it('explains why there is no estimate', () => {
    const noConsumers = station(exponentialService(10), 1);
    noConsumers.queues[0] = { ...noConsumers.queues[0], consumers: 0, service: null };
    expect(estimate(noConsumers)).toEqual({
      model: null,
      reason: expect.stringMatching(/no consumers/),
      values: null,
      method: expect.stringMatching(/no consumers/),
    });
    const unfed = station(exponentialService(10), 1);
    unfed.producers[0].to = 'elsewhere';
    expect(estimate(unfed)).toMatchObject({
      model: null,
      reason: expect.stringMatching(/no producer/),
      values: null,
    });
  });

  it('estimateScenario covers every queue by name', () => {
    expect(Object.keys(estimateScenario(station(exponentialService(10), 1)))).toEqual(['station']);
  });
});
