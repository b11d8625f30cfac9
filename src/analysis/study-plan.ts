/**
 * What a study will run, decided from the scenario's statistics keys and their defaults before anything
 * runs: one run, independent replications (a fixed number or waves to a precision), or batch means.
 */
import type { Scenario } from '../scenario/types.js';

/** Replications to start with when `precision` is set and `replications` is not. */
export const DEFAULT_PRECISION_REPLICATIONS = 5;
/** Default cap on replications for precision-driven runs. */
export const DEFAULT_MAX_REPLICATIONS = 100;
/** Default cap on a precision-driven batch-means run, as a multiple of `duration`. */
export const DEFAULT_MAX_DURATION_FACTOR = 10;
/** Pilot replications whose series are averaged for MSER-5 (Hoad et al. 2010 use five). */
export const MAX_PILOT_REPLICATIONS = 5;
/** Observations per pilot series: 200 MSER-5 batches, so the cut is placed to 0.5 % of the horizon. */
export const SERIES_POINTS = 1000;

/** What the scenario asks for, with the defaults decided. */
export interface StudyPlan {
  method: 'single' | 'replications' | 'batches';
  /** Replications to run (the first wave when precision is set). */
  replications: number;
  batches: number | null;
  precision: number | null;
  maxReplications: number;
  maxDurationSeconds: number;
  timeBudgetSeconds: number | null;
}

/** The plan for a scenario's statistics keys. */
export function planStudy(scenario: Scenario): StudyPlan {
  const statistics = scenario.statistics;
  const precision = statistics?.precision ?? null;
  const batches = statistics?.batches ?? null;
  const replications =
    batches !== null
      ? 1
      : precision !== null
        ? Math.max(2, statistics?.replications ?? DEFAULT_PRECISION_REPLICATIONS)
        : (statistics?.replications ?? 1);
  return {
    method: batches !== null ? 'batches' : replications > 1 ? 'replications' : 'single',
    replications,
    batches,
    precision,
    maxReplications: Math.max(replications, statistics?.maxReplications ?? DEFAULT_MAX_REPLICATIONS),
    maxDurationSeconds: Math.max(
      scenario.durationSeconds,
      statistics?.maxDurationSeconds ?? DEFAULT_MAX_DURATION_FACTOR * scenario.durationSeconds,
    ),
    timeBudgetSeconds: statistics?.timeBudgetSeconds ?? null,
  };
}
