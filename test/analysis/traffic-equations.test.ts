/** Estimates of queues fed through exchanges, `then` routes and retries: the traffic equations at work. */
import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analysis/closed-forms/index.js';
import { estimateScenario, type AnalyticEstimate } from '../../src/analysis/estimates.js';
import { solveTraffic } from '../../src/analysis/traffic-equations.js';
import type { NoAnalyticEstimate } from '../../src/results/analysis-results.js';
import { loadScenarioFile } from '../../src/scenario/index.js';
import type { ExchangeSpec, QueueSpec, Scenario } from '../../src/scenario/types.js';
import { exponentialService, poissonProducer, queueSpec, scenarioOf } from '../helpers/scenarios.js';

/** One exponential consumer serving `rate` messages per second. */
const mm1 = (name: string, rate: number, fields: Partial<QueueSpec> = {}): QueueSpec =>
  queueSpec({ name, consumers: 1, service: exponentialService(rate), ...fields });

const fanout = (name: string, queues: string[]): ExchangeSpec => ({
  name,
  type: 'fanout',
  bindings: queues.map((queue) => ({ queue, types: null })),
});

const direct = (name: string, bindings: Record<string, string[]>): ExchangeSpec => ({
  name,
  type: 'direct',
  bindings: Object.entries(bindings).map(([queue, types]) => ({ queue, types })),
});

const rates = (scenario: Scenario) =>
  Object.fromEntries([...solveTraffic(scenario)].map(([name, traffic]) => [name, traffic.arrivalRate]));

function estimated(scenario: Scenario, queue: string): AnalyticEstimate {
  const result: AnalyticEstimate | NoAnalyticEstimate = estimateScenario(scenario)[queue];
  if (result.model === null) throw new Error(`no estimate for ${queue}: ${result.reason}`);
  return result;
}

describe('traffic equations: exchanges', () => {
  it('fanout gives every bound queue the full rate, each exactly M/M/1', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('shop', 'orders', 8)],
      exchanges: [fanout('orders', ['a', 'b'])],
      queues: [mm1('a', 10), mm1('b', 20)],
    });
    expect(rates(scenario)).toEqual({ a: 8, b: 8 });
    // L = ρ/(1 − ρ): ρ = 0.8 → 4; ρ = 0.4 → 2/3.
    expect(estimated(scenario, 'a')).toMatchObject({ model: 'M/M/1', exact: true });
    expect(estimated(scenario, 'a').values.meanInSystem).toBeCloseTo(4, 12);
    expect(estimated(scenario, 'b').values.meanInSystem).toBeCloseTo(2 / 3, 12);
  });

  it('direct splits by type share: 0.7 / 0.3, both types, an unbound type gets nothing', () => {
    const types = [
      { type: 'placed', probability: 0.7 },
      { type: 'vip', probability: 0.3 },
    ];
    const scenario = scenarioOf({
      producers: [poissonProducer('shop', 'events', 10, { types })],
      exchanges: [direct('events', { a: ['placed'], b: ['vip'], c: ['placed', 'vip'], d: ['refund'] })],
      queues: [mm1('a', 10), mm1('b', 10), mm1('c', 20), mm1('d', 10)],
    });
    const solved = rates(scenario);
    expect(solved.a).toBeCloseTo(7, 12);
    expect(solved.b).toBeCloseTo(3, 12);
    expect(solved.c).toBeCloseTo(10, 12);
    expect(solved.d).toBe(0);
    // A Bernoulli thinning of a Poisson stream is Poisson: ρ = 0.7, L = 0.7/0.3.
    expect(estimated(scenario, 'a')).toMatchObject({ model: 'M/M/1', exact: true });
    expect(estimated(scenario, 'a').values.meanInSystem).toBeCloseTo(7 / 3, 12);
    expect(estimateScenario(scenario).d).toMatchObject({
      model: null,
      reason: expect.stringMatching(/no producer/),
    });
  });
});

describe('traffic equations: then routes', () => {
  it('tandem M/M/1 → M/M/1: Jackson, the second sees Poisson(λ) (Burke), exact', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('src', 'a', 4)],
      queues: [mm1('a', 10, { then: [{ to: 'b', probability: 1 }] }), mm1('b', 5)],
    });
    const b = estimated(scenario, 'b');
    expect(b).toMatchObject({ model: 'M/M/1', exact: true, stable: true });
    expect(b.method).toMatch(/traffic equations/);
    // λ = 4, μ = 5: ρ = 0.8, L = 4, W = 1/(μ − λ) = 1 s, Wq = ρ/(μ − λ) = 0.8 s, P(Wq > t) = ρ e^(−t).
    expect(b.values.throughput).toBeCloseTo(4, 12);
    expect(b.values.meanInSystem).toBeCloseTo(4, 12);
    expect(b.values['sojourn.mean']).toBeCloseTo(1, 12);
    expect(b.values['wait.mean']).toBeCloseTo(0.8, 12);
    expect(b.values['wait.p50']).toBeCloseTo(Math.log(1.6), 6);
  });

  it('then with probabilities 0.6 / 0.1 splits the throughput; the rest leaves', () => {
    const then = [
      { to: 'b', probability: 0.6 },
      { to: 'c', probability: 0.1 },
    ];
    const scenario = scenarioOf({
      producers: [poissonProducer('src', 'a', 10)],
      queues: [mm1('a', 20, { then }), mm1('b', 10), mm1('c', 10)],
    });
    const solved = rates(scenario);
    expect(solved.b).toBeCloseTo(6, 12);
    expect(solved.c).toBeCloseTo(1, 12);
    expect(estimated(scenario, 'c')).toMatchObject({ model: 'M/M/1', exact: true });
    expect(estimated(scenario, 'c').values.utilization).toBeCloseTo(0.1, 12);
  });

  it('a feedback loop (a then a with 0.3) carries λ/(1 − 0.3), still exact by Jackson', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('src', 'a', 7)],
      queues: [mm1('a', 20, { then: [{ to: 'a', probability: 0.3 }] })],
    });
    // λ = 7/0.7 = 10, μ = 20: ρ = 0.5, L = 1, W = 1/(μ − λ) = 0.1 s per visit.
    const a = estimated(scenario, 'a');
    expect(a).toMatchObject({ model: 'M/M/1', exact: true });
    expect(a.values.throughput).toBeCloseTo(10, 12);
    expect(a.values.meanInSystem).toBeCloseTo(1, 12);
    expect(a.values['sojourn.mean']).toBeCloseTo(0.1, 12);
    // With general service the fed-back stream is not Poisson: an approximation.
    scenario.queues[0].service = { kind: 'uniform', min: 0, max: 0.1 };
    expect(estimated(scenario, 'a').exact).toBe(false);
  });

  it('Burke: M/G/1 behind an M/M/1 is exact; copies that meet again are not', () => {
    const tandem = scenarioOf({
      producers: [poissonProducer('src', 'a', 4)],
      queues: [
        mm1('a', 10, { then: [{ to: 'b', probability: 1 }] }),
        mm1('b', 10, { service: { kind: 'uniform', min: 0, max: 0.2 } }),
      ],
    });
    expect(estimated(tandem, 'b')).toMatchObject({ model: 'M/G/1', exact: true });
    const toC = [{ to: 'c', probability: 1 }];
    const rejoined = scenarioOf({
      producers: [poissonProducer('src', 'copies', 2)],
      exchanges: [fanout('copies', ['a', 'b'])],
      queues: [mm1('a', 10, { then: toC }), mm1('b', 10, { then: toC }), mm1('c', 10)],
    });
    expect(rates(rejoined).c).toBeCloseTo(4, 12);
    expect(estimated(rejoined, 'a').exact).toBe(true);
    expect(estimated(rejoined, 'c')).toMatchObject({ model: 'M/M/1', exact: false });
  });

  it('losses upstream (M/M/1/K) thin the routed rate; a route to a direct exchange splits by type', () => {
    const types = [
      { type: 'placed', probability: 0.7 },
      { type: 'vip', probability: 0.3 },
    ];
    const scenario = scenarioOf({
      producers: [poissonProducer('src', 'q', 10, { types })],
      exchanges: [direct('split', { a: ['placed'], b: ['vip'] })],
      queues: [
        mm1('q', 10, { capacity: 2, then: [{ to: 'split', probability: 1 }] }),
        mm1('a', 10),
        mm1('b', 10),
      ],
    });
    // M/M/1/3 at ρ = 1: P_K = 1/(K + 1) = 0.25, so 7.5/s go on: 5.25 placed, 2.25 vip.
    expect(estimated(scenario, 'q')).toMatchObject({ model: 'M/M/1/3', exact: true });
    expect(estimated(scenario, 'q').values.dropRate).toBeCloseTo(0.25, 12);
    const solved = rates(scenario);
    expect(solved.a).toBeCloseTo(5.25, 10);
    expect(solved.b).toBeCloseTo(2.25, 10);
    const a = estimated(scenario, 'a');
    expect(a).toMatchObject({ model: 'M/M/1', exact: false });
    expect(a.method).toMatch(/arrivals taken as Poisson/);
  });

  it('a saturated queue passes on only what its consumers finish', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('src', 'a', 15)],
      queues: [mm1('a', 10, { then: [{ to: 'b', probability: 1 }] }), mm1('b', 20)],
    });
    expect(estimated(scenario, 'a').stable).toBe(false);
    expect(rates(scenario).b).toBeCloseTo(10, 12);
    expect(estimated(scenario, 'b').exact).toBe(false);
  });
});

describe('failures and retries', () => {
  const station = (queue: Partial<QueueSpec>) =>
    scenarioOf({
      producers: [poissonProducer('src', 'q', 20)],
      queues: [queueSpec({ name: 'q', consumers: 4, service: exponentialService(10), ...queue })],
    });

  it('unlimited retries with p = 0.2: λ/0.8 = 25 attempts/s, utilisation 25/40', () => {
    const q = estimated(station({ failureProbability: 0.2 }), 'q');
    expect(q).toMatchObject({ model: 'M/M/4', exact: false });
    expect(q.method).toMatch(/1\.25 attempts per message/);
    expect(q.values.utilization).toBeCloseTo(0.625, 12);
    expect(q.values.throughput).toBeCloseTo(20, 12);
    expect(q.values.dropRate).toBe(0);
    const attempts = mmc({ arrivalRate: 25, serviceRate: 10, servers: 4 });
    expect(q.values.meanQueueLength).toBeCloseTo(attempts.meanQueueLength, 12);
    expect(q.values['sojourn.mean']).toBeCloseTo(1.25 * attempts.meanSojourn, 12);
    expect(q.values['sojourn.p99']).toBeUndefined();
  });

  it('max-attempts 3: (1 − 0.2³)/0.8 = 1.24 attempts, 0.8 % exhausted (dropped unless dead-lettered)', () => {
    const retry = { maxAttempts: 3, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null };
    const q = estimated(station({ failureProbability: 0.2, retry }), 'q');
    expect(q.values.utilization).toBeCloseTo((20 * 1.24) / 40, 12); // 24.8 attempts/s
    expect(q.values.throughput).toBeCloseTo(20 * 0.992, 12);
    expect(q.values.dropRate).toBeCloseTo(0.008, 12);
    const withDlq = station({ failureProbability: 0.2, retry, deadLetter: 'dlq' });
    withDlq.queues.push(queueSpec({ name: 'dlq', consumers: 1, service: exponentialService(10) }));
    expect(estimated(withDlq, 'q').values.dropRate).toBe(0);
    expect(estimateScenario(withDlq).dlq).toMatchObject({
      model: null,
      reason: expect.stringMatching(/only dead-letter traffic/),
    });
  });
});

describe('identical producers', () => {
  // Gamma gaps (SCV 0.25), so the arrival SCVs depend on how the streams are superposed and split.
  const gammaProducer = (
    name: string,
    to: string,
    rate: number,
    types = [{ type: 'placed', probability: 1 }],
  ) => poissonProducer(name, to, rate, { interarrival: { kind: 'gamma', mean: 1 / rate, cv: 0.5 }, types });
  const network = (producers: Scenario['producers']) =>
    scenarioOf({
      producers,
      exchanges: [direct('events', { a: ['placed'], b: ['placed', 'vip'] })],
      queues: [mm1('a', 40, { then: [{ to: 'c', probability: 0.5 }] }), mm1('b', 40), mm1('c', 40)],
    });
  const solved = (scenario: Scenario) =>
    Object.fromEntries(
      [...solveTraffic(scenario)].map(([name, t]) => [name, [t.arrivalRate, t.arrivalScv, t.throughput]]),
    );

  it('k alike count as one producer k times as fast (QNA superposes them linearly); unlike ones do not merge', () => {
    const vip = [{ type: 'vip', probability: 1 }];
    const four = network([
      ...[1, 2, 3, 4].map((n) => gammaProducer(`shop-${n}`, 'events', 5)),
      poissonProducer('vip', 'events', 5, { types: vip }),
    ]);
    const one = network([
      gammaProducer('shop', 'events', 20),
      poissonProducer('vip', 'events', 5, { types: vip }),
    ]);
    const fourSolved = solved(four);
    expect(fourSolved.a[0]).toBeCloseTo(20, 12);
    expect(fourSolved.b[0]).toBeCloseTo(25, 12);
    expect(fourSolved.c[0]).toBeCloseTo(10, 12);
    // b mixes the shop's gamma stream with the vip Poisson one: its SCV lies between 0.25 and 1.
    expect(fourSolved.b[1]).toBeGreaterThan(0.25);
    expect(fourSolved.b[1]).toBeLessThan(1);
    for (const queue of ['a', 'b', 'c']) {
      fourSolved[queue].forEach((value, k) => expect(value).toBeCloseTo(solved(one)[queue][k], 12));
    }
  });
});

describe('scenarios/order-pipeline.yaml', () => {
  it('estimates billing, ledger, fraud-check and email through the fanout and the then routes', async () => {
    const { scenario } = await loadScenarioFile('scenarios/order-pipeline.yaml');
    // Rough: billing's own estimate is withheld (its TTL expires messages), but its rates still hold.
    const estimates = estimateScenario(scenario, { rough: true });
    expect(estimateScenario(scenario).billing).toMatchObject({
      model: null,
      reason: expect.stringMatching(/TTL 1.5s/),
    });
    // 40/s checkout (gamma, mean 25 ms) fanned out; billing routes 90 % / 10 %.
    const expected = { billing: 40, ledger: 36, 'fraud-check': 4, email: 40 };
    for (const [queue, throughput] of Object.entries(expected)) {
      const estimate = estimates[queue];
      if (estimate.model === null) throw new Error(`${queue}: ${estimate.reason}`);
      expect(estimate.exact).toBe(false);
      expect(estimate.values.throughput).toBeCloseTo(throughput, 9);
    }
    expect(estimates['billing-dlq'].model).toBeNull();
  });
});
