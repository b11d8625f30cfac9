/** A time budget ends a comparison pair by pair: only replications every scenario finished are compared. */
import { describe, expect, it } from 'vitest';
import { NoPairFinished, compareScenarios } from '../../src/analysis/compare.js';
import type { ReplicationTask } from '../../src/analysis/replication-task.js';
import { serialRunner } from '../../src/analysis/replications.js';
import { renderCompareTable } from '../../src/report/compare-table.js';
import { parseScenario } from '../../src/scenario/index.js';
import { withVariants } from '../../src/scenario/parameters.js';

const scenarios = (duration: string) =>
  withVariants(
    parseScenario(
      `name: cmp
duration: ${duration}
seed: 3
producers:
  - { name: p, to: q, rate: 50/s }
queues:
  - { name: q, consumers: 2, service: 30ms }
variants:
  - { name: three, set: { queues.q.consumers: 3 } }
`,
      'cmp.yaml',
    ).scenario,
  );

describe('compare with a time budget', () => {
  it('compares the pairs that finished, and says so', async () => {
    // The budget "runs out" after the first scenario's 4th replication: a runner that hands every later
    // task a deadline already past, so the test does not depend on this machine's speed.
    const serial = serialRunner();
    let started = 0;
    const runner = {
      ...serial,
      run: (task: ReplicationTask) =>
        serial.run(started++ < 7 ? task : ({ ...task, deadline: Date.now() - 1 } as ReplicationTask)),
    };
    const compare = await compareScenarios(scenarios('5000s'), {
      runner,
      replications: 6,
      timeBudgetSeconds: 60,
    });
    // Tasks run pair by pair (a, b, a, b, …): 7 started in time = pairs 0–2 whole, pair 3 half. A run of
    // 5,000 s is 500,000 events, past the 200,000 at which the engine first looks at the clock.
    expect(compare.partial).toEqual({ reason: 'time-budget', completedPairs: 3, plannedPairs: 6 });
    expect(compare.replications).toBe(3);
    for (const { result } of compare.scenarios) expect(result.partial).toBeUndefined();
    expect(renderCompareTable(compare, { color: false })).toContain(
      'PARTIAL: the time budget ran out: 3 of 6 paired replications finished in every scenario',
    );
  });

  it('refuses to compare when no pair finished', async () => {
    const run = compareScenarios(scenarios('100000h'), {
      runner: serialRunner(),
      replications: 3,
      timeBudgetSeconds: 0.2,
    });
    await expect(run).rejects.toBeInstanceOf(NoPairFinished);
  });

  it('is not partial when every pair finishes within the budget', async () => {
    const compare = await compareScenarios(scenarios('60s'), {
      runner: serialRunner(),
      replications: 3,
      timeBudgetSeconds: 600,
    });
    expect(compare.partial).toBeUndefined();
    expect(compare.replications).toBe(3);
  });
});
