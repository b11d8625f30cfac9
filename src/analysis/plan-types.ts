/** What `queuesim plan` reports: the result types of the single- and multi-parameter searches. */
import type { RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../results/analysis-results.js';

/** A setting's verdicts: the ones that decide whether it meets the SLOs. */
export interface PlanEvaluation {
  value: number;
  meets: boolean;
  result: RunResult;
}

/** What `queuesim plan` reports (`--json`). */
export interface PlanResult {
  scenario: string;
  /** Load multiplier the plan was made at (1 = as written). */
  load: number;
  /** Each optimised path → its smallest value that meets every SLO; null when no value does. */
  recommended: Record<string, number> | null;
  /** When no value meets the SLOs: why, naming the queue or flow and the cause; else null. */
  why: string | null;
  /** The SLO that decides the recommendation (the one the runner-up fails); null without one. */
  binding: string | null;
  /** Doubts about the recommended result (a queue still growing at the end of the run). */
  warnings: string[];
  /**
   * Queues still filling at the end of the runner-up's run (or the largest setting tried), one sentence
   * each: the reason it is not judged as meeting the SLOs even where every verdict passes.
   */
  runnerUpFilling: string[];
  /** Each optimised path → the value just below, which fails some SLO (absent when the range starts there). */
  runnerUp: Record<string, number>;
  /** The analytic starting point of the search. */
  analyticGuess: Record<string, number>;
  /** Simulation studies run (each with the scenario's replications). */
  evaluations: number;
  /** The recommended setting's result: metrics with CIs and SLO verdicts. */
  result: RunResult | null;
  /** The runner-up's result, showing which SLO it fails. */
  runnerUpResult: RunResult | null;
  /** Every setting the search evaluated, in increasing order of its values: the evidence of the search. */
  evaluated: PlanPoint[];
}

/** One setting the search evaluated: its values and cost, whether it met every SLO, its SLO verdicts. */
export interface PlanPoint {
  /** Every optimised path → its value in this setting. */
  setting: Record<string, number>;
  /** Σ unit cost × value (see `cost:` in the scenario; 1 a unit unless it says otherwise). */
  cost: number;
  /** Whether it met every SLO (every verdict a pass, no queue still filling, no deadlock). */
  meets: boolean;
  /** Its SLO verdicts, each with its value and 95 % CI. */
  slo: SloVerdict[];
}

/** A setting one unit below the recommendation in one parameter (the others as recommended), as evaluated. */
export interface OneLessSetting {
  /** Every optimised path → its value in this setting. */
  setting: Record<string, number>;
  /** Whether it met every SLO (false for every one, unless the search's noise disagrees with itself). */
  meets: boolean;
  /** Targets of its SLOs that do not pass ("queues.a.wait.mean"); a deadlock adds "deadlock". */
  failing: string[];
}

/**
 * A plan of several parameters. Its `runnerUp` is one complete setting that was evaluated and fails (one
 * unit less of the first parameter that can go lower, the others as recommended): `runnerUpResult` holds
 * that setting's verdicts, so the two always describe the same run.
 */
export interface MultiPlanResult extends PlanResult {
  /** Total cost of the recommended setting (Σ unit cost × value); null when none was found. */
  cost: number | null;
  /** Each evaluated one-less setting, in the order of the parameters (empty without a recommendation). */
  oneLess: OneLessSetting[];
}
