/**
 * A `.max` SLO is judged on the largest value seen in any replication (issue 18, item 4): a pass means no
 * replication exceeded the limit. Before, the verdict judged the mean of the per-run maxima, so a limit that
 * two replications broke still passed "significantly".
 */
import { describe, expect, it } from 'vitest';
import { runTask } from '../../src/analysis/replication-task.js';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import type { RunResult } from '../../src/model/run-result.js';
import { sloLine } from '../../src/report/slo-table.js';
import type { Scenario, SloSpec } from '../../src/scenario/types.js';
import { exponentialService, singleQueueScenario, statistics } from '../helpers/scenarios.js';

const REPLICATIONS = 10;
const base = singleQueueScenario({
  arrivalRate: 8,
  service: exponentialService(10),
  consumers: 1,
  durationSeconds: 60,
  warmupSeconds: 0,
  seed: 7,
});
const replicated: Scenario = { ...base, statistics: statistics({ replications: REPLICATIONS }) };
const waitMax = (limit: number): SloSpec => ({
  scope: 'queue',
  name: 'station',
  metric: 'wait.max',
  unit: 'seconds',
  max: limit,
});

/** Each replication's own largest wait, run one by one (the exact values the verdict must rest on). */
function perReplicationMaxima(): number[] {
  return Array.from({ length: REPLICATIONS }, (_, index) => {
    const outcome = runTask({ kind: 'replication', scenario: replicated, index });
    if (outcome.kind !== 'replication') throw new Error('expected a replication');
    return (outcome.result as RunResult).queues.station.wait.max as number;
  });
}

describe('.max SLOs', () => {
  const maxima = perReplicationMaxima();
  const largest = Math.max(...maxima);
  const meanOfMaxima = maxima.reduce((sum, v) => sum + v, 0) / maxima.length;

  it('the maxima differ between replications, so the mean of them is below the largest', () => {
    expect(largest).toBeGreaterThan(meanOfMaxima * 1.05);
  });

  it('fails a limit that one replication exceeded, though the mean of the maxima is within it', async () => {
    const limit = (meanOfMaxima + largest) / 2;
    const { result } = await runStudy({ ...replicated, slo: [waitMax(limit)] }, { runner: serialRunner() });
    expect(result.queues.station.wait.max).toBe(largest);
    expect(result.queues.station.ci95?.['wait.max']).toBeUndefined();
    expect(result.slo).toEqual([
      {
        target: 'queues.station.wait.max',
        max: limit,
        unit: 'seconds',
        value: largest,
        largestOf: { replications: REPLICATIONS },
        verdict: 'fail',
        significant: true,
      },
    ]);
    expect(sloLine(result.slo![0])).toContain('(largest of 10 replications) → fail');
  });

  it('passes a limit at the largest value seen: no replication exceeded it', async () => {
    const { result } = await runStudy({ ...replicated, slo: [waitMax(largest)] }, { runner: serialRunner() });
    expect(result.slo![0]).toMatchObject({ value: largest, verdict: 'pass', significant: true });
  });

  it('judges a single run on its own maximum, not as uncertain for want of a CI', async () => {
    const single = maxima[0];
    const { result } = await runStudy({ ...base, slo: [waitMax(single)] }, { runner: serialRunner() });
    expect(result.slo![0]).toMatchObject({
      value: single,
      largestOf: { replications: 1 },
      verdict: 'pass',
      significant: true,
    });
    const below = await runStudy({ ...base, slo: [waitMax(single * 0.99)] }, { runner: serialRunner() });
    expect(below.result.slo![0]).toMatchObject({ verdict: 'fail', significant: true });
  });
});
