/**
 * plan against queueing theory: for M/M/c queues with an SLO on the mean wait, the recommended number of
 * consumers is the smallest c whose Erlang-C mean wait is under the target. Each target sits at the
 * geometric middle between W(c) and W(c − 1), a factor ≥ 1.2 from both, which 5 replications of ~20 000
 * messages resolve (their CI half-width is a few per cent of the mean wait).
 */
import { describe, expect, it } from 'vitest';
import { mmc } from '../../src/analysis/closed-forms/index.js';
import { planCapacity, smallestPassing } from '../../src/analysis/plan.js';
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
