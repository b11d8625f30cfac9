/**
 * Coverage of the replication confidence intervals: over 200 independent replication sets (10 short
 * replications each, seeds 1…200) of an M/M/1 and an M/M/c/K, the 95 % CI must contain the analytic mean in
 * 90–99 % of the sets, for each metric. With 200 sets a correct 95 % interval lands in that band with
 * probability > 99.9 % (binomial SD 1.5 %), while intervals of the wrong width fall out of it: the same sets
 * with half-widths scaled by 0.6 cover less than 88 %, which shows the test can catch a wrong interval.
 * Seeds are fixed, so the outcome is reproducible.
 */
import { describe, expect, it } from 'vitest';
import { mmc, mmck } from '../../src/analysis/closed-forms/index.js';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import type { QueueResult } from '../../src/model/run-result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exponentialService, singleQueueScenario, statistics } from '../helpers/scenarios.js';

const SETS = 200;
const REPLICATIONS = 10;

/** The queue of each replication set, seeds 1…SETS. */
async function replicationSets(base: Scenario): Promise<QueueResult[]> {
  const sets: QueueResult[] = [];
  for (let seed = 1; seed <= SETS; seed++) {
    const scenario: Scenario = {
      ...base,
      seed,
      statistics: statistics({ replications: REPLICATIONS }),
    };
    sets.push((await runStudy(scenario, { runner: serialRunner() })).result.queues.station);
  }
  return sets;
}

/** Fraction of sets whose CI for `metric`, its half-width scaled by `scale`, contains `analytic`. */
function coverage(sets: QueueResult[], metric: string, analytic: number, scale = 1): number {
  const hits = sets.filter((queue) => {
    const [low, high] = queue.ci95![metric];
    const center = (low + high) / 2;
    const halfWidth = ((high - low) / 2) * scale;
    return center - halfWidth <= analytic && analytic <= center + halfWidth;
  });
  return hits.length / sets.length;
}

function expectCoverage(sets: QueueResult[], checks: Array<[string, number]>): void {
  const report = checks.map(
    ([metric, analytic]) => `${metric} ${(coverage(sets, metric, analytic) * 100).toFixed(1)} %`,
  );
  for (const [metric, analytic] of checks) {
    const covered = coverage(sets, metric, analytic);
    expect(covered, `${metric}: ${report.join(', ')}`).toBeGreaterThanOrEqual(0.9);
    expect(covered, `${metric}: ${report.join(', ')}`).toBeLessThanOrEqual(0.99);
    expect(coverage(sets, metric, analytic, 0.6), `${metric} with too narrow intervals`).toBeLessThan(0.88);
  }
}

describe('95 % confidence intervals cover the analytic mean in 90–99 % of replication sets', () => {
  it(`M/M/1 (λ = 5/s, μ = 10/s): ${SETS} sets of ${REPLICATIONS} × 200 s`, async () => {
    const theory = mmc({ arrivalRate: 5, serviceRate: 10, servers: 1 });
    const sets = await replicationSets(
      singleQueueScenario({
        arrivalRate: 5,
        service: exponentialService(10),
        consumers: 1,
        durationSeconds: 200,
        warmupSeconds: 20,
      }),
    );
    expectCoverage(sets, [
      ['meanInSystem', theory.meanInSystem],
      ['sojourn.mean', theory.meanSojourn],
      ['wait.mean', theory.meanWait],
      ['utilization', theory.utilization],
      ['throughput', 5],
    ]);
  });

  it(`M/M/2/10 (λ = 25/s, μ = 10/s, 8 waiting places): ${SETS} sets of ${REPLICATIONS} × 100 s`, async () => {
    const theory = mmck({ arrivalRate: 25, serviceRate: 10, servers: 2, systemCapacity: 10 });
    const sets = await replicationSets(
      singleQueueScenario({
        arrivalRate: 25,
        service: exponentialService(10),
        consumers: 2,
        capacity: 8,
        durationSeconds: 100,
        warmupSeconds: 10,
      }),
    );
    expectCoverage(sets, [
      ['dropRate', theory.blockingProbability],
      ['throughput', theory.throughput],
      ['meanInSystem', theory.meanInSystem],
      ['utilization', theory.utilization],
      ['sojourn.mean', theory.meanSojourn],
    ]);
  });
});
