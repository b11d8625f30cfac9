/**
 * plan against queueing theory: for M/M/c queues with an SLO on the mean wait, the recommended number of
 * consumers is the smallest c whose Erlang-C mean wait is under the target. Each target sits at the
 * geometric middle between W(c) and W(c − 1), a factor ≥ 1.2 from both, which 5 replications of ~20 000
 * messages resolve (their CI half-width is a few per cent of the mean wait).
 */
import { describe, expect, it } from 'vitest';
import { renderMultiPlan } from '../../src/report/plan-text.js';
import { mmc } from '../../src/analysis/closed-forms/index.js';
import {
  cheapestPassing,
  planCapacity,
  planCapacityMulti,
  smallestPassing,
  unitCost,
} from '../../src/analysis/plan.js';
import { serialRunner } from '../../src/analysis/replications.js';
import { parseScenario } from '../../src/scenario/index.js';

/** Erlang-C mean wait of M/M/c (Infinity when unstable). */
const meanWait = (lambda: number, mu: number, c: number) => {
  const state = mmc({ arrivalRate: lambda, serviceRate: mu, servers: c });
  return state.stable ? state.meanWait : Infinity;
};

/** The analytic sizing: the smallest c with mean wait under `target`. */
function analyticSizing(lambda: number, mu: number, target: number): number {
  let c = 1;
  while (!(meanWait(lambda, mu, c) < target)) c++;
  return c;
}

describe('smallestPassing', () => {
  it.each([1, 7, 20, 63, 100])('finds 20 in [1, 100] from %s in few evaluations', async (guess) => {
    const found = await smallestPassing(async (value) => value >= 20, { guess, min: 1, max: 100 });
    expect(found).toMatchObject({ value: 20, runnerUp: 19 });
    expect(found.evaluations).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(100)) + 2);
  });

  it('reports no value when even the maximum fails, and no runner-up when the minimum passes', async () => {
    expect(await smallestPassing(async () => false, { guess: 3, min: 1, max: 10 })).toMatchObject({
      value: null,
      runnerUp: 10,
    });
    expect(await smallestPassing(async () => true, { guess: 3, min: 1, max: 10 })).toMatchObject({
      value: 1,
      runnerUp: null,
    });
  });
});

describe('plan agrees with the analytic M/M/c sizing', () => {
  it.each([
    [10, 1, 13],
    [40, 10, 6],
    [5, 2, 5],
    [3, 0.5, 8],
  ])('λ = %s/s, μ = %s/s: %s consumers', async (lambda, mu, expected) => {
    const target = Math.sqrt(meanWait(lambda, mu, expected) * meanWait(lambda, mu, expected - 1));
    expect(analyticSizing(lambda, mu, target)).toBe(expected);
    const duration = Math.round(20_000 / lambda);
    const { scenario } = parseScenario(
      `name: mmc
seed: 17
duration: ${duration}
warmup: ${Math.round(duration / 10)}
replications: 5
producers:
  - { name: p, to: q, rate: ${lambda} }
queues:
  - { name: q, consumers: 1, service: { distribution: exponential, mean: ${1 / mu} } }
slo:
  - { queue: q, metric: wait.mean, max: ${target} }
`,
      'test.yaml',
    );
    const fromTheory = await planCapacity(
      scenario,
      { path: 'queues.q.consumers' },
      { runner: serialRunner() },
    );
    expect(fromTheory.recommended).toEqual({ 'queues.q.consumers': expected });
    expect(fromTheory.runnerUp).toEqual({ 'queues.q.consumers': expected - 1 });
    expect(fromTheory.analyticGuess).toEqual({ 'queues.q.consumers': expected });
    expect(fromTheory.evaluations).toBe(2);
    // From a poor start the search still lands there, in about log2(range) + a few evaluations.
    const fromOne = await planCapacity(
      scenario,
      { path: 'queues.q.consumers' },
      { runner: serialRunner(), guess: 1 },
    );
    expect(fromOne.recommended).toEqual({ 'queues.q.consumers': expected });
    expect(fromOne.evaluations).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(expected)) + 2);
  });
});

describe('plan on an autoscaled queue', () => {
  it('sizes the autoscale floor as Erlang C sizes a fixed pool when the scaler never rises above it', async () => {
    const [lambda, mu, expected] = [40, 10, 6];
    const target = Math.sqrt(meanWait(lambda, mu, expected) * meanWait(lambda, mu, expected - 1));
    const duration = Math.round(20_000 / lambda);
    // A target no backlog reaches: the pool stays at its floor, so the floor is the pool size.
    const { scenario } = parseScenario(
      `name: floor
seed: 17
duration: ${duration}
warmup: ${Math.round(duration / 10)}
replications: 5
producers:
  - { name: p, to: q, rate: ${lambda} }
queues:
  - name: q
    service: { distribution: exponential, mean: ${1 / mu} }
    autoscale: { min: 1, max: 64, target: 1000000000, polling-interval: 10s }
slo:
  - { queue: q, metric: wait.mean, max: ${target} }
`,
      'test.yaml',
    );
    const plan = await planCapacity(scenario, { path: 'queues.q.autoscale.min' }, { runner: serialRunner() });
    expect(plan.recommended).toEqual({ 'queues.q.autoscale.min': expected });
    expect(plan.runnerUp).toEqual({ 'queues.q.autoscale.min': expected - 1 });
    expect(plan.analyticGuess).toEqual({ 'queues.q.autoscale.min': 1 });
  });
});

describe('cheapestPassing', () => {
  const bounds = (prices: number[]) => ({ guesses: [3, 3], mins: [2, 2], maxes: [100, 100], prices });
  const sumAtLeastTen = async ([a, b]: readonly number[]) => a + b >= 10;

  it('lets the costs choose where a shared requirement is met', async () => {
    expect((await cheapestPassing(sumAtLeastTen, bounds([3, 1]))).values).toEqual([2, 8]);
    expect((await cheapestPassing(sumAtLeastTen, bounds([1, 3]))).values).toEqual([8, 2]);
  });

  it('finds independent minima far faster than the grid', async () => {
    const found = await cheapestPassing(async ([a, b]) => a >= 37 && b >= 5, bounds([1, 1]));
    expect(found.values).toEqual([37, 5]);
    expect(found.evaluations).toBeLessThan(30); // the grid of [2, 100]² has 9801 points
  });

  it('reports nothing when even the maxima fail', async () => {
    expect((await cheapestPassing(async () => false, bounds([1, 1]))).values).toBeNull();
  });
});

describe('unitCost', () => {
  it('prefers the path, then consumer or capacity, then 1', () => {
    const cost = { 'queues.a.consumers': 3, consumer: 2 };
    expect(unitCost(cost, 'queues.a.consumers')).toBe(3);
    expect(unitCost(cost, 'queues.b.consumers')).toBe(2);
    expect(unitCost(cost, 'queues.b.capacity')).toBe(1);
    expect(unitCost(undefined, 'queues.b.consumers')).toBe(1);
  });
});

describe('multi-parameter plan agrees with the analytic sizing of two independent M/M/c queues', () => {
  it('sizes each queue as Erlang C does, in far fewer evaluations than the grid', async () => {
    const cases = [
      { name: 'a', lambda: 40, mu: 10, expected: 6 },
      { name: 'b', lambda: 10, mu: 1, expected: 13 },
    ];
    const targets = cases.map(({ lambda, mu, expected }) =>
      Math.sqrt(meanWait(lambda, mu, expected) * meanWait(lambda, mu, expected - 1)),
    );
    cases.forEach(({ lambda, mu, expected }, i) =>
      expect(analyticSizing(lambda, mu, targets[i])).toBe(expected),
    );
    const { scenario } = parseScenario(
      `name: two
seed: 17
duration: 2000
warmup: 200
replications: 5
producers:
${cases.map((c) => `  - { name: p${c.name}, to: ${c.name}, rate: ${c.lambda} }`).join('\n')}
queues:
${cases.map((c) => `  - { name: ${c.name}, consumers: 1, service: { distribution: exponential, mean: ${1 / c.mu} } }`).join('\n')}
slo:
${cases.map((c, i) => `  - { queue: ${c.name}, metric: wait.mean, max: ${targets[i]} }`).join('\n')}
cost: { queues.a.consumers: 3, consumer: 1 }
`,
      'test.yaml',
    );
    const plan = await planCapacityMulti(scenario, ['queues.a.consumers', 'queues.b.consumers'], {
      runner: serialRunner(),
      cost: scenario.cost,
    });
    expect(plan.recommended).toEqual({ 'queues.a.consumers': 6, 'queues.b.consumers': 13 });
    expect(plan.cost).toBe(6 * 3 + 13);
    // The runner-up is a setting that was evaluated, and its verdicts are that setting's (issue 18, item 8).
    expect(plan.runnerUp).toEqual({ 'queues.a.consumers': 5, 'queues.b.consumers': 13 });
    expect(plan.runnerUpResult?.queues.a.consumers).toBe(5);
    expect(plan.runnerUpResult?.queues.b.consumers).toBe(13);
    expect(plan.oneLess).toEqual([
      {
        setting: { 'queues.a.consumers': 5, 'queues.b.consumers': 13 },
        meets: false,
        failing: ['queues.a.wait.mean'],
      },
      {
        setting: { 'queues.a.consumers': 6, 'queues.b.consumers': 12 },
        meets: false,
        failing: ['queues.b.wait.mean'],
      },
    ]);
    const text = renderMultiPlan(plan, 1);
    expect(text).toContain('runner-up queues.a.consumers = 5, queues.b.consumers = 13 does not meet them:');
    expect(text).toContain('queues.a.consumers = 6, queues.b.consumers = 12 fails queues.b.wait.mean');
    expect(plan.result?.slo?.every((verdict) => verdict.verdict === 'pass')).toBe(true);
    // The grid up to the generous setting (2× the analytic guesses) would need 12 × 26 = 312 runs.
    expect(plan.evaluations).toBeLessThanOrEqual(12);
  });
});
