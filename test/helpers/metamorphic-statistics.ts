/**
 * Replicated runs and paired comparisons for the statistical metamorphic relations (load scaling,
 * monotonicity, fan-out symmetry): each relation compares two scenarios over the same replication seeds
 * (common random numbers), so the paired differences are tight.
 */
import { simulate } from '../../src/model/simulate.js';
import type { RunResult } from '../../src/model/run-result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { criticalStandardErrors, pairedDifference } from './statistical.js';

/** Replications of each side of a relation. */
export const REPLICATIONS = 10;

/** The false-failure level of one metamorphic check (one metric of one generated scenario). */
export const METAMORPHIC_CHECK_ALPHA = 2e-4;

/**
 * How many standard errors a paired difference over REPLICATIONS may reach before a relation fails:
 * t₉ at 1 − α/2 ≈ 6.0, so even METAMORPHIC_RUNS=5000 expects about one false alarm per relation. The
 * default runs make at most 30 × 4 (fan-out) + 2 × 25 (monotonicity, one-sided: α/2) + 20 × 3 producers
 * (load scaling) checks: a false-failure budget of at most 120·2e-4 + 50·1e-4 + 60·2e-4 ≈ 4 %.
 */
export const STANDARD_ERRORS = criticalStandardErrors(METAMORPHIC_CHECK_ALPHA, REPLICATIONS - 1);

/** Runs `scenario` with seeds seed·1000 + 0…n−1 (the same seeds for both sides of a relation). */
export function replicateRuns(scenario: Scenario, replications = REPLICATIONS): RunResult[] {
  return Array.from(
    { length: replications },
    (_, index) => simulate({ ...scenario, seed: scenario.seed * 1000 + index }).result,
  );
}

export { pairedDifference };
