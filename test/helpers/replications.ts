import { simulate } from '../../src/model/simulate.js';
import type { QueueResult } from '../../src/model/run-result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { expectAllPass, type CheckFamily, type Verdict } from './statistical.js';

/** Runs `scenario` with seeds 1…n and returns the chosen queue's results, one per replication. */
export function replicate(scenario: Scenario, replications: number, queue = 'station'): QueueResult[] {
  return Array.from({ length: replications }, (_, index) => {
    const { result } = simulate({ ...scenario, seed: scenario.seed * 1000 + index });
    return result.queues[queue];
  });
}

/** One metric read from every replication (a null metric is a bug in the test). */
export function valuesOf<T>(results: readonly T[], metric: (result: T) => number | null): number[] {
  return results.map((result) => {
    const value = metric(result);
    if (value === null) throw new Error('metric is null in a replication');
    return value;
  });
}

/** One comparison: a label, how to read the metric from a result, the analytic value, the relative slack. */
export type TheoryCheck = [
  label: string,
  metric: (result: QueueResult) => number | null,
  analytic: number,
  relativeSlack?: number,
];

/** The family's verdicts on whether each analytic value lies in its replications' interval. */
export function theoryVerdicts(
  family: CheckFamily,
  results: QueueResult[],
  checks: TheoryCheck[],
): Verdict[] {
  return checks.map(([label, metric, analytic, relativeSlack = 0]) =>
    family.ciContains(valuesOf(results, metric), analytic, { label, relativeSlack }),
  );
}

/**
 * Asserts that every analytic value lies in the replications' Student-t interval at the family's per-check
 * level, widened by the histogram's resolution (`relativeSlack`: 0.5 % for percentiles, 0 for means and
 * counts); reports all failures at once.
 */
export function expectMatchesTheory(
  family: CheckFamily,
  results: QueueResult[],
  checks: TheoryCheck[],
): void {
  expectAllPass(theoryVerdicts(family, results, checks));
}
