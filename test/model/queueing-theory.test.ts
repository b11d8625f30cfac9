/**
 * The simulator against queueing theory. Each case runs 10 independent replications at fixed seeds and
 * checks that the analytic value lies inside the simulation's 99 % Student-t confidence interval (widened
 * by 0.5 % for percentiles, the histogram's resolution). Run lengths are chosen so that the intervals are
 * a few per cent wide: tight enough to catch a wrong formula or a model bug, honest about the noise.
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
import { expectWithin, interval, replicate } from '../helpers/replications.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';

const REPLICATIONS = 10;
const PERCENTILE_SLACK = 0.005;

describe('M/M/1 (λ = 8/s, μ = 10/s, ρ = 0.8)', () => {
  const queue = { arrivalRate: 8, serviceRate: 10, servers: 1 };
  const theory = mmc(queue);
  const results = replicate(
    singleQueueScenario({
      arrivalRate: 8,
      service: exponentialService(10),
      consumers: 1,
      durationSeconds: 20_000,
      warmupSeconds: 200,
    }),
    REPLICATIONS,
  );

  it('matches mean wait, sojourn, queue length and number in system', () => {
    expectWithin(
      interval(results, (r) => r.wait.mean),
      theory.meanWait,
      0,
      'Wq',
    );
    expectWithin(
      interval(results, (r) => r.sojourn.mean),
      theory.meanSojourn,
      0,
      'W',
    );
    expectWithin(
      interval(results, (r) => r.meanQueueLength),
      theory.meanQueueLength,
      0,
      'Lq',
    );
    expectWithin(
      interval(results, (r) => r.meanInSystem),
      theory.meanInSystem,
      0,
      'L',
    );
    expectWithin(
      interval(results, (r) => r.utilization),
      theory.utilization,
      0,
      'ρ',
    );
    expectWithin(
      interval(results, (r) => r.throughput),
      8,
      0,
      'throughput',
    );
  });

  it('matches the sojourn-time percentiles (exponential with rate μ − λ)', () => {
    for (const [key, p] of [
      ['p50', 0.5],
      ['p95', 0.95],
      ['p99', 0.99],
    ] as const) {
      const analytic = mmcSojournQuantile(queue, p);
      expectWithin(
        interval(results, (r) => r.sojourn[key]),
        analytic,
        PERCENTILE_SLACK,
        `sojourn ${key}`,
      );
    }
  });
});

describe('M/M/c (c = 4, λ = 30/s, μ = 10/s, ρ = 0.75)', () => {
  const queue = { arrivalRate: 30, serviceRate: 10, servers: 4 };
  const theory = mmc(queue);
  const results = replicate(
    singleQueueScenario({
      arrivalRate: 30,
      service: exponentialService(10),
      consumers: 4,
      durationSeconds: 5_000,
      warmupSeconds: 100,
    }),
    REPLICATIONS,
  );

  it('matches the Erlang C probability of waiting and the mean wait', () => {
    expectWithin(
      interval(results, (r) => r.probabilityOfWait),
      theory.probabilityOfWait,
      0,
      'P(wait)',
    );
    expectWithin(
      interval(results, (r) => r.wait.mean),
      theory.meanWait,
      0,
      'Wq',
    );
    expectWithin(
      interval(results, (r) => r.meanQueueLength),
      theory.meanQueueLength,
      0,
      'Lq',
    );
    expectWithin(
      interval(results, (r) => r.utilization),
      theory.utilization,
      0,
      'utilisation',
    );
  });

  it('matches the wait and sojourn percentiles', () => {
    expectWithin(
      interval(results, (r) => r.wait.p95),
      mmcWaitQuantile(queue, 0.95),
      PERCENTILE_SLACK,
      'wait p95',
    );
    expectWithin(
      interval(results, (r) => r.wait.p99),
      mmcWaitQuantile(queue, 0.99),
      PERCENTILE_SLACK,
      'wait p99',
    );
    expectWithin(
      interval(results, (r) => r.sojourn.p99),
      mmcSojournQuantile(queue, 0.99),
      PERCENTILE_SLACK,
      'sojourn p99',
    );
  });
});

describe('M/M/c/K (c = 2, 8 waiting places so K = 10, λ = 25/s, μ = 10/s)', () => {
  const theory = mmck({ arrivalRate: 25, serviceRate: 10, servers: 2, systemCapacity: 10 });
  const results = replicate(
    singleQueueScenario({
      arrivalRate: 25,
      service: exponentialService(10),
      consumers: 2,
      capacity: 8,
      durationSeconds: 4_000,
      warmupSeconds: 50,
    }),
    REPLICATIONS,
  );

  it('matches the blocking probability, throughput and number in system', () => {
    expectWithin(
      interval(results, (r) => r.dropRate),
      theory.blockingProbability,
      0,
      'P(block)',
    );
    expectWithin(
      interval(results, (r) => r.throughput),
      theory.throughput,
      0,
      'throughput',
    );
    expectWithin(
      interval(results, (r) => r.meanInSystem),
      theory.meanInSystem,
      0,
      'L',
    );
    expectWithin(
      interval(results, (r) => r.meanQueueLength),
      theory.meanQueueLength,
      0,
      'Lq',
    );
    expectWithin(
      interval(results, (r) => r.sojourn.mean),
      theory.meanSojourn,
      0,
      'W',
    );
    expectWithin(
      interval(results, (r) => r.utilization),
      theory.utilization,
      0,
      'utilisation',
    );
  });
});

describe('M/M/c/c loss system (c = 5, capacity 0, offered load 2 Erlang)', () => {
  const results = replicate(
    singleQueueScenario({
      arrivalRate: 20,
      service: exponentialService(10),
      consumers: 5,
      capacity: 0,
      durationSeconds: 5_000,
    }),
    REPLICATIONS,
  );

  it('drops exactly the Erlang B fraction and never queues', () => {
    expectWithin(
      interval(results, (r) => r.dropRate),
      erlangB(5, 2),
      0,
      'Erlang B',
    );
    expectWithin(
      interval(results, (r) => r.meanQueueLength),
      0,
      0,
      'Lq',
    );
  });
});

describe('M/D/1 (λ = 8/s, constant 100 ms service)', () => {
  const theory = md1(8, 0.1);
  const results = replicate(
    singleQueueScenario({
      arrivalRate: 8,
      service: { kind: 'constant', value: 0.1 },
      consumers: 1,
      durationSeconds: 10_000,
      warmupSeconds: 100,
    }),
    REPLICATIONS,
  );

  it('matches the Pollaczek–Khinchine mean wait, half that of M/M/1', () => {
    expectWithin(
      interval(results, (r) => r.wait.mean),
      theory.meanWait,
      0,
      'Wq',
    );
    expectWithin(
      interval(results, (r) => r.meanQueueLength),
      theory.meanQueueLength,
      0,
      'Lq',
    );
  });
});

describe('M/G/1 (Pollaczek–Khinchine) with high- and low-variability service', () => {
  const cases: Array<[string, DistributionSpec, number]> = [
    ['lognormal, cv 1.5', { kind: 'lognormal', mean: 0.1, cv: 1.5 }, 0.1 ** 2 * 1.5 ** 2],
    ['gamma, cv 0.5', { kind: 'gamma', mean: 0.1, cv: 0.5 }, 0.1 ** 2 * 0.5 ** 2],
    ['uniform 50–150 ms', { kind: 'uniform', min: 0.05, max: 0.15 }, 0.1 ** 2 / 12],
  ];
  for (const [label, service, variance] of cases) {
    it(`matches the mean wait for ${label} service at ρ = 0.6`, () => {
      const theory = mg1({ arrivalRate: 6, serviceMean: 0.1, serviceVariance: variance });
      const results = replicate(
        singleQueueScenario({
          arrivalRate: 6,
          service,
          consumers: 1,
          durationSeconds: 20_000,
          warmupSeconds: 200,
        }),
        REPLICATIONS,
      );
      expectWithin(
        interval(results, (r) => r.wait.mean),
        theory.meanWait,
        0,
        `${label} Wq`,
      );
      expectWithin(
        interval(results, (r) => r.meanInSystem),
        theory.meanInSystem,
        0,
        `${label} L`,
      );
    });
  }
});
