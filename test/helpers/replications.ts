import { confidenceInterval, type ConfidenceInterval } from '../../src/analysis/confidence-interval.js';
import { simulate } from '../../src/model/simulate.js';
import type { QueueResult } from '../../src/model/run-result.js';
import type { Scenario } from '../../src/scenario/types.js';

/** Runs `scenario` with seeds 1…n and returns the chosen queue's results, one per replication. */
export function replicate(scenario: Scenario, replications: number, queue = 'station'): QueueResult[] {
  return Array.from({ length: replications }, (_, index) => {
    const { result } = simulate({ ...scenario, seed: scenario.seed * 1000 + index });
    return result.queues[queue];
  });
}

/** A 99 % Student-t confidence interval of one metric across replications. */
export function interval(
  results: QueueResult[],
  metric: (result: QueueResult) => number | null,
): ConfidenceInterval {
  return confidenceInterval(
    results.map((result) => {
      const value = metric(result);
      if (value === null) throw new Error('metric is null in a replication');
      return value;
    }),
    0.99,
  );
}

/**
 * Asserts that the analytic value lies in the simulation's 99 % confidence interval, widened by the
 * histogram's resolution (`relativeSlack`, 0.5 % for percentiles, 0 for exact means and counts).
 */
export function expectWithin(ci: ConfidenceInterval, analytic: number, relativeSlack = 0, label = ''): void {
  const allowed = ci.halfWidth + relativeSlack * Math.abs(analytic);
  const error = Math.abs(ci.mean - analytic);
  if (!(error <= allowed)) {
    throw new Error(
      `${label}: simulated ${ci.mean.toPrecision(6)} ± ${ci.halfWidth.toPrecision(3)} (99 % CI, n=${ci.n}) ` +
        `does not contain the analytic ${analytic.toPrecision(6)}`,
    );
  }
}

/** One comparison: a label, how to read the metric from a result, the analytic value, the slack. */
export type TheoryCheck = [
  label: string,
  metric: (result: QueueResult) => number | null,
  analytic: number,
  slack?: number,
];

/** Runs `expectWithin` for every check, reporting all that fail at once. */
export function expectMatchesTheory(results: QueueResult[], checks: TheoryCheck[]): void {
  const failures: string[] = [];
  for (const [label, metric, analytic, slack = 0] of checks) {
    try {
      expectWithin(interval(results, metric), analytic, slack, label);
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  if (failures.length > 0) throw new Error(failures.join('\n'));
}
