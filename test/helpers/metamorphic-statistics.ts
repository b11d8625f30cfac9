/**
 * Replicated runs and paired comparisons for the statistical metamorphic relations (load scaling,
 * monotonicity, fan-out symmetry): each relation compares two scenarios over the same replication seeds
 * (common random numbers), so the paired differences are tight.
 */
import { simulate } from '../../src/model/simulate.js';
import type { RunResult } from '../../src/model/run-result.js';
import type { Scenario } from '../../src/scenario/types.js';

/** Replications of each side of a relation. */
export const REPLICATIONS = 10;

/**
 * How many standard errors a difference may reach before a relation fails: P(|T₉| > 6) ≈ 2·10⁻⁴, so even
 * METAMORPHIC_RUNS=5000 expects about one false alarm per relation, and the default suite none.
 */
export const STANDARD_ERRORS = 6;

/** Runs `scenario` with seeds seed·1000 + 0…n−1 (the same seeds for both sides of a relation). */
export function replicateRuns(scenario: Scenario, replications = REPLICATIONS): RunResult[] {
  return Array.from(
    { length: replications },
    (_, index) => simulate({ ...scenario, seed: scenario.seed * 1000 + index }).result,
  );
}

/** Mean and standard error of the paired differences other − base. */
export function pairedDifference(
  base: readonly number[],
  other: readonly number[],
): { mean: number; standardError: number } {
  const differences = base.map((value, index) => other[index] - value);
  const n = differences.length;
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const variance = differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1);
  return { mean, standardError: Math.sqrt(variance / n) };
}
