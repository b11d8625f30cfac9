import { describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { exponentialService, singleQueueScenario, statistics } from '../helpers/scenarios.js';

// About 10^8 events per run (M/M/1, 100 events a second for 10^6 s): a minute or more each.
const long = singleQueueScenario({
  arrivalRate: 50,
  service: exponentialService(100),
  consumers: 1,
  durationSeconds: 1_000_000,
});

async function timed(scenario: typeof long) {
  const startedAt = Date.now();
  const { result } = await runStudy(scenario, { runner: serialRunner() });
  return { result, seconds: (Date.now() - startedAt) / 1000 };
}

describe('the time budget bounds any study', () => {
  it('cuts replications short and reports the one that got furthest, marked partial', async () => {
    const budget = { ...long, statistics: statistics({ replications: 3, timeBudgetSeconds: 0.3 }) };
    const { result, seconds } = await timed(budget);
    expect(seconds).toBeLessThan(5); // the budget plus a slice per run, not minutes
    expect(result.partial).toMatchObject({ reason: 'time-budget', completedRuns: 0, plannedRuns: 3 });
    expect(result.partial!.simulatedSeconds).toBeLessThan(1_000_000);
    expect(result.measuredSeconds).toBeGreaterThan(0);
  });

  it('cuts batch means short: the batches finished, or the run as far as it got', async () => {
    const budget = { ...long, statistics: statistics({ batches: 10, timeBudgetSeconds: 0.3 }) };
    const { result, seconds } = await timed(budget);
    expect(seconds).toBeLessThan(5);
    expect(result.partial).toMatchObject({ reason: 'time-budget' });
    expect(result.measuredSeconds).toBeLessThan(1_000_000);
  });

  it('leaves a study that fits its budget whole, with no partial mark', async () => {
    const short = { ...long, durationSeconds: 100, statistics: statistics({ timeBudgetSeconds: 60 }) };
    const { result } = await timed(short);
    expect(result.partial).toBeUndefined();
    expect(result.measuredSeconds).toBe(100);
  });
});
