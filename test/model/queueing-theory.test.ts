/**
 * The simulator against queueing theory. Each case runs 10 independent replications at fixed seeds and
 * checks that the analytic value lies inside the simulation's Student-t confidence interval (widened by
 * 0.5 % for percentiles, the histogram's resolution). Each `describe` is one family of checks sharing the
 * false-failure budget FAMILY_ALPHA by Bonferroni (test/helpers/statistical.ts), so the number of standard
 * errors is computed, not chosen. Run lengths are chosen so that the intervals are a few per cent wide:
 * tight enough to catch a wrong formula or a model bug (test/analysis/power.test.ts shows a 5 % faster
 * service fails), honest about the noise.
 */
import { describe, it } from 'vitest';
import {
  erlangB,
  md1,
  mg1,
  mmc,
  mmck,
  mmcSojournQuantile,
  mmcWaitQuantile,
} from '../../src/analysis/closed-forms/index.js';
import type { DistributionSpec } from '../../src/scenario/types.js';
import { expectMatchesTheory, replicate } from '../helpers/replications.js';
import { checkFamily } from '../helpers/statistical.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';

const REPLICATIONS = 10;
const PERCENTILE_SLACK = 0.005;

describe('M/M/1 (λ = 8/s, μ = 10/s, ρ = 0.8)', () => {
  const family = checkFamily('M/M/1', 9);
  const queue = { arrivalRate: 8, serviceRate: 10, servers: 1 };
  const theory = mmc(queue);
  const scenario = singleQueueScenario({
    arrivalRate: 8,
    service: exponentialService(10),
    consumers: 1,
    durationSeconds: 20_000,
    warmupSeconds: 200,
  });
  const results = replicate(scenario, REPLICATIONS);

  it('matches mean wait, sojourn, queue length, number in system, utilisation and throughput', () => {
    expectMatchesTheory(family, results, [
      ['Wq', (r) => r.wait.mean, theory.meanWait],
      ['W', (r) => r.sojourn.mean, theory.meanSojourn],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
      ['L', (r) => r.meanInSystem, theory.meanInSystem],
      ['ρ', (r) => r.utilization, theory.utilization],
      ['throughput', (r) => r.throughput, 8],
    ]);
  });

  it('matches the sojourn-time percentiles (exponential with rate μ − λ)', () => {
    expectMatchesTheory(family, results, [
      ['sojourn p50', (r) => r.sojourn.p50, mmcSojournQuantile(queue, 0.5), PERCENTILE_SLACK],
      ['sojourn p95', (r) => r.sojourn.p95, mmcSojournQuantile(queue, 0.95), PERCENTILE_SLACK],
      ['sojourn p99', (r) => r.sojourn.p99, mmcSojournQuantile(queue, 0.99), PERCENTILE_SLACK],
    ]);
  });
});

describe('M/M/c (c = 4, λ = 30/s, μ = 10/s, ρ = 0.75)', () => {
  const family = checkFamily('M/M/c', 7);
  const queue = { arrivalRate: 30, serviceRate: 10, servers: 4 };
  const theory = mmc(queue);
  const scenario = singleQueueScenario({
    arrivalRate: 30,
    service: exponentialService(10),
    consumers: 4,
    durationSeconds: 5_000,
    warmupSeconds: 100,
  });
  const results = replicate(scenario, REPLICATIONS);

  it('matches the Erlang C probability of waiting and the mean wait', () => {
    expectMatchesTheory(family, results, [
      ['P(wait)', (r) => r.probabilityOfWait, theory.probabilityOfWait],
      ['Wq', (r) => r.wait.mean, theory.meanWait],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
      ['utilisation', (r) => r.utilization, theory.utilization],
    ]);
  });

  it('matches the wait and sojourn percentiles', () => {
    expectMatchesTheory(family, results, [
      ['wait p95', (r) => r.wait.p95, mmcWaitQuantile(queue, 0.95), PERCENTILE_SLACK],
      ['wait p99', (r) => r.wait.p99, mmcWaitQuantile(queue, 0.99), PERCENTILE_SLACK],
      ['sojourn p99', (r) => r.sojourn.p99, mmcSojournQuantile(queue, 0.99), PERCENTILE_SLACK],
    ]);
  });
});

describe('M/M/c/K (c = 2, 8 waiting places so K = 10, λ = 25/s, μ = 10/s)', () => {
  const family = checkFamily('M/M/c/K', 6);
  const theory = mmck({ arrivalRate: 25, serviceRate: 10, servers: 2, systemCapacity: 10 });
  const scenario = singleQueueScenario({
    arrivalRate: 25,
    service: exponentialService(10),
    consumers: 2,
    capacity: 8,
    durationSeconds: 4_000,
    warmupSeconds: 50,
  });
  const results = replicate(scenario, REPLICATIONS);

  it('matches the blocking probability, throughput and number in system', () => {
    expectMatchesTheory(family, results, [
      ['P(block)', (r) => r.dropRate, theory.blockingProbability],
      ['throughput', (r) => r.throughput, theory.throughput],
      ['L', (r) => r.meanInSystem, theory.meanInSystem],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
      ['W', (r) => r.sojourn.mean, theory.meanSojourn],
      ['utilisation', (r) => r.utilization, theory.utilization],
    ]);
  });
});

describe('M/M/c/c loss system (c = 5, capacity 0, offered load 2 Erlang)', () => {
  const family = checkFamily('M/M/c/c', 2);
  const scenario = singleQueueScenario({
    arrivalRate: 20,
    service: exponentialService(10),
    consumers: 5,
    capacity: 0,
    durationSeconds: 5_000,
  });
  const results = replicate(scenario, REPLICATIONS);

  it('drops exactly the Erlang B fraction and never queues', () => {
    expectMatchesTheory(family, results, [
      ['Erlang B', (r) => r.dropRate, erlangB(5, 2)],
      ['Lq', (r) => r.meanQueueLength, 0],
    ]);
  });
});

describe('M/D/1 (λ = 8/s, constant 100 ms service)', () => {
  const family = checkFamily('M/D/1', 2);
  const theory = md1(8, 0.1);
  const scenario = singleQueueScenario({
    arrivalRate: 8,
    service: { kind: 'constant', value: 0.1 },
    consumers: 1,
    durationSeconds: 10_000,
    warmupSeconds: 100,
  });
  const results = replicate(scenario, REPLICATIONS);

  it('matches the Pollaczek–Khinchine mean wait, half that of M/M/1', () => {
    expectMatchesTheory(family, results, [
      ['Wq', (r) => r.wait.mean, theory.meanWait],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
    ]);
  });
});

describe('M/G/1 (Pollaczek–Khinchine) with high- and low-variability service', () => {
  const family = checkFamily('M/G/1', 6);
  const cases: Array<[string, DistributionSpec, number]> = [
    ['lognormal, cv 1.5', { kind: 'lognormal', mean: 0.1, cv: 1.5 }, 0.1 ** 2 * 1.5 ** 2],
    ['gamma, cv 0.5', { kind: 'gamma', mean: 0.1, cv: 0.5 }, 0.1 ** 2 * 0.5 ** 2],
    ['uniform 50–150 ms', { kind: 'uniform', min: 0.05, max: 0.15 }, 0.1 ** 2 / 12],
  ];
  for (const [label, service, variance] of cases) {
    it(`matches the mean wait for ${label} service at ρ = 0.6`, () => {
      const theory = mg1({ arrivalRate: 6, serviceMean: 0.1, serviceVariance: variance });
      const scenario = singleQueueScenario({
        arrivalRate: 6,
        service,
        consumers: 1,
        durationSeconds: 20_000,
        warmupSeconds: 200,
      });
      expectMatchesTheory(family, replicate(scenario, REPLICATIONS), [
        [`${label} Wq`, (r) => r.wait.mean, theory.meanWait],
        [`${label} L`, (r) => r.meanInSystem, theory.meanInSystem],
      ]);
    });
  }
});
