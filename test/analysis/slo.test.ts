/** SLO verdicts: the CI decides when there is one; without one a pass is uncertain and a fail not significant. */
import { describe, expect, it } from 'vitest';
import {
  SLO_SEARCH_REPLICATIONS,
  anySloFailed,
  evaluateSlos,
  judgeSlo,
  replicatedForSlos,
} from '../../src/analysis/slo.js';
import type { RunResult } from '../../src/model/run-result.js';
import type { Scenario, SloSpec } from '../../src/scenario/index.js';

const P99: SloSpec = { scope: 'queue', name: 'billing', metric: 'sojourn.p99', unit: 'seconds', max: 0.25 };

describe('judgeSlo', () => {
  it.each([
    ['CI below max', 0.2, [0.18, 0.22], 'pass', true],
    ['CI upper bound at max', 0.2, [0.15, 0.25], 'pass', true],
    ['CI straddles max', 0.24, [0.2, 0.28], 'uncertain', false],
    ['CI above max', 0.3, [0.26, 0.34], 'fail', true],
    [
      'point below max, no CI: a single run cannot show a significant pass',
      0.2,
      undefined,
      'uncertain',
      false,
    ],
    ['point above max, no CI', 0.3, undefined, 'fail', false],
    ['no value', null, undefined, 'uncertain', false],
  ] as const)('%s', (_label, value, ci95, verdict, significant) => {
    const judged = judgeSlo('queues.billing.sojourn.p99', P99, value, ci95 && [...ci95]);
    expect(judged).toMatchObject({ verdict, significant, max: 0.25, value });
    expect('ci95' in judged).toBe(ci95 !== undefined);
  });
});

describe('what would decide an uncertain verdict', () => {
  it('scales the replications by (half-width / distance to the limit)²', () => {
    // Half-width 0.04, distance 0.01: 16× the information, 5 → 80 replications.
    const judged = judgeSlo('t', P99, 0.24, [0.2, 0.28], { method: 'replications', n: 5 });
    expect(judged).toMatchObject({ verdict: 'uncertain', decide: 'about 80 replications' });
    expect(judged.ciFrom).toEqual({ method: 'replications', n: 5 });
  });

  it('asks a single run for a longer run, from its batch means', () => {
    const judged = judgeSlo('t', P99, 0.23, [0.19, 0.27], { method: 'batch means', n: 20 });
    // (0.04 / 0.02)² = 4.
    expect(judged.decide).toBe('a run about 4× longer (or about 4 replications)');
  });

  it('says why there is no CI, and what would give one', () => {
    const judged = judgeSlo('t', P99, 0.2, undefined, undefined, {
      reason: 'the batch means are correlated',
      runLengthFactor: 4,
    });
    expect(judged).toMatchObject({
      verdict: 'uncertain',
      decide: 'a run about 4× longer (no CI: the batch means are correlated)',
    });
  });

  it('gives no advice on a significant verdict', () => {
    expect(judgeSlo('t', P99, 0.2, [0.18, 0.22], { method: 'replications', n: 5 }).decide).toBeUndefined();
  });
});

describe('evaluateSlos', () => {
  const result = {
    queues: {
      billing: {
        sojourn: { p99: 0.3 },
        dropRate: 0,
        utilization: 0.7,
        ci95: { 'sojourn.p99': [0.27, 0.33] },
      },
    },
    flows: { orders: { endToEnd: { p99: 1.2 } } },
  } as unknown as RunResult;

  it('reads queue and flow metrics by path, with their CIs', () => {
    const slo: SloSpec[] = [
      P99,
      { scope: 'flow', name: 'orders', metric: 'endToEnd.p99', unit: 'seconds', max: 2 },
      { scope: 'queue', name: 'billing', metric: 'utilization', unit: 'fraction', max: 0.75 },
    ];
    const verdicts = evaluateSlos(result, { slo });
    expect(verdicts).toEqual([
      {
        target: 'queues.billing.sojourn.p99',
        max: 0.25,
        unit: 'seconds',
        value: 0.3,
        ci95: [0.27, 0.33],
        verdict: 'fail',
        significant: true,
      },
      {
        target: 'flows.orders.endToEnd.p99',
        max: 2,
        unit: 'seconds',
        value: 1.2,
        verdict: 'uncertain',
        significant: false,
        decide: 'replications (no CI)',
      },
      {
        target: 'queues.billing.utilization',
        max: 0.75,
        unit: 'fraction',
        value: 0.7,
        verdict: 'uncertain',
        significant: false,
        decide: 'replications (no CI)',
      },
    ]);
    expect(anySloFailed(verdicts)).toBe(true);
    expect(anySloFailed(verdicts.slice(1))).toBe(false);
  });

  it('gives no verdicts without SLOs', () => {
    expect(evaluateSlos(result, {})).toEqual([]);
  });
});

describe('replicatedForSlos', () => {
  it('gives a single-run scenario replications, so that SLO searches can find significant passes', () => {
    const scenario = { statistics: undefined } as unknown as Scenario;
    expect(replicatedForSlos(scenario).statistics?.replications).toBe(SLO_SEARCH_REPLICATIONS);
  });

  it('keeps the statistics a scenario asks for', () => {
    const scenario = {
      statistics: {
        replications: 12,
        batches: null,
        precision: null,
        maxReplications: null,
        maxDurationSeconds: null,
        timeBudgetSeconds: null,
      },
    } as unknown as Scenario;
    expect(replicatedForSlos(scenario)).toBe(scenario);
  });
});
