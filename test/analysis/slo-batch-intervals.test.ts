/**
 * A single run's SLO verdicts get 95 % CIs by batch means of that same run: the run's own numbers are
 * unchanged, the intervals cover the M/M/1 truth about as often as they claim, and a clear pass is one.
 */
import { describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { SLO_BATCHES, batchInterval } from '../../src/analysis/slo-batch-intervals.js';
import { simulateBatches } from '../../src/model/batch-run.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario, type SloSpec } from '../../src/scenario/index.js';

/** M/M/1 at λ = 5/s, μ = 10/s: utilisation 0.5, mean sojourn 1 / (μ − λ) = 0.2 s. */
const mm1 = (seed: number, duration = '2000s', slo = '') =>
  parseScenario(
    `name: mm1
seed: ${seed}
duration: ${duration}
warmup: 50s
producers:
  - { name: p, to: q, rate: 5/s }
queues:
  - { name: q, consumers: 1, service: { distribution: exponential, mean: 100ms } }
${slo}`,
    'test.yaml',
  ).scenario;

const UTILIZATION: SloSpec = { scope: 'queue', name: 'q', metric: 'utilization', unit: 'fraction', max: 1 };
const SOJOURN: SloSpec = { scope: 'queue', name: 'q', metric: 'sojourn.mean', unit: 'seconds', max: 1 };

describe('batch-means intervals of a single run', () => {
  it('cover the M/M/1 utilisation and mean sojourn about 95 % of the time', () => {
    // 40 independent runs; the intervals claim 95 %. With true coverage 0.95 the misses among 80 intervals
    // are Binomial(80, 0.05): mean 4, P(more than 11) < 0.1 %. Correlated batches would miss far more often.
    let misses = 0;
    let intervals = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const scenario = mm1(seed);
      const whole = simulate(scenario).result;
      const batches = simulateBatches(scenario, { batches: SLO_BATCHES, maxBatches: SLO_BATCHES });
      for (const [slo, truth] of [
        [UTILIZATION, 0.5],
        [SOJOURN, 0.2],
      ] as const) {
        const interval = batchInterval(slo, whole, batches);
        if (interval.ci95 === null) continue;
        intervals++;
        if (truth < interval.ci95[0] || truth > interval.ci95[1]) misses++;
      }
    }
    expect(intervals).toBeGreaterThan(70); // the lag-1 guard refuses only a few (5 % by design)
    expect(misses).toBeLessThanOrEqual(11);
  });

  it('leave the run’s numbers as they were, and make a clear pass and a clear fail significant', async () => {
    const slo =
      'slo:\n  - { queue: q, metric: utilization, max: 60% }\n  - { queue: q, metric: sojourn.mean, max: 150ms }\n';
    const scenario = mm1(3, '2000s', slo);
    const { result } = await runStudy(scenario, { runner: serialRunner() });
    const plain = simulate(scenario).result;
    expect(result.queues.q.utilization).toBe(plain.queues.q.utilization);
    expect(result.queues.q.sojourn).toEqual(plain.queues.q.sojourn);
    expect(result.queues.q.ci95).toBeUndefined(); // the run itself gains no intervals
    expect(result.slo).toMatchObject([
      { verdict: 'pass', significant: true, ciFrom: { method: 'batch means', n: SLO_BATCHES } },
      { verdict: 'fail', significant: true, ciFrom: { method: 'batch means', n: SLO_BATCHES } },
    ]);
  });

  it('`batches:` gives flows intervals too, so a flow SLO can pass significantly', async () => {
    const slo = 'batches: 10\nslo:\n  - { flow: p, metric: endToEnd.mean, max: 1s }\n';
    const { result } = await runStudy(mm1(3, '2000s', slo), { runner: serialRunner() });
    const ci = (result.flows.p as unknown as { ci95: Record<string, [number, number]> }).ci95;
    expect(ci['endToEnd.mean'][0]).toBeLessThan(0.2 * 1.1); // M/M/1 mean sojourn 0.2 s
    expect(ci['endToEnd.mean'][1]).toBeGreaterThan(0.2 * 0.9);
    expect(result.slo).toMatchObject([
      { verdict: 'pass', significant: true, ciFrom: { method: 'batch means', n: 10 } },
    ]);
  });

  it('say what would decide a verdict too close to call', async () => {
    const scenario = mm1(3, '2000s', 'slo:\n  - { queue: q, metric: utilization, max: 50% }\n');
    const [verdict] = (await runStudy(scenario, { runner: serialRunner() })).result.slo!;
    expect(verdict.verdict).toBe('uncertain');
    expect(verdict.decide).toMatch(/^a run about [\d.]+× longer \(or about \d+ replications\)$/);
  });

  it('give a p99 no interval when a batch holds too few completions beyond it, and say so', () => {
    // 5/s for 100 s: about 500 completions, far from the 2 × 10,000 a p99 interval needs.
    const scenario = mm1(1, '100s');
    const p99: SloSpec = { ...SOJOURN, metric: 'sojourn.p99' };
    const batches = simulateBatches(scenario, { batches: SLO_BATCHES, maxBatches: SLO_BATCHES });
    const interval = batchInterval(p99, simulate(scenario).result, batches);
    expect(interval.ci95).toBeNull();
    if (interval.ci95 === null) {
      expect(interval.reason).toMatch(
        /^\d+ completions in the run, a p99 interval needs 2 sections of 10000 \(100 beyond the p99 in each\)$/,
      );
      expect(interval.runLengthFactor).toBeGreaterThan(20);
    }
    expect(
      batchInterval({ ...SOJOURN, metric: 'sojourn.max' }, simulate(scenario).result, batches).ci95,
    ).toBeNull();
  });
});
