/**
 * queuesim as a library: `import { loadScenario, runScenario, sweep, plan, compare } from 'queuesim'`.
 * Each study returns the object the matching command prints with `--json`; bad input throws ScenarioError
 * with every problem located (file, line, column, field path). Nothing here prints, exits or writes files.
 */
import { loadOverriddenScenario, type LoadOptions, type ScenarioSource } from './load.js';
import { withOptionNames } from './option-values.js';
import type { Scenario } from '../scenario/types.js';

/**
 * Reads and validates a scenario (a file path, or `{ text, file? }` with YAML), applying any overrides
 * (`seed`, `duration`, …). Throws ScenarioError listing every problem, located, when any is an error.
 */
export async function loadScenario(source: ScenarioSource, options: LoadOptions = {}): Promise<Scenario> {
  return withOptionNames(() => loadOverriddenScenario(source, options));
}

export { compare, type CompareOptions } from './compare.js';
export { DEFAULT_COMPARE_REPLICATIONS } from './defaults.js';
export type { LoadOptions, ScenarioSource, ScenarioText } from './load.js';
export { OPTIONS } from './option-values.js';
export { plan, type PlanOptions, type PlanReport } from './plan.js';
export { runScenario, type RunOptions } from './run.js';
export type { StudyCallOptions } from './runner.js';
export { sweep, type SweepOptions } from './sweep.js';

export { NoPairFinished, type CompareResult, type MetricDifference } from '../analysis/compare.js';
export type {
  MultiPlanResult,
  OneLessSetting,
  PlanEvaluation,
  PlanPoint,
  PlanResult,
} from '../analysis/plan.js';
export type { StudyProgress } from '../analysis/replications.js';
export type { SweepPoint, SweepResult } from '../analysis/sweep.js';
export { RunStoppedError, type BacklogStop } from '../model/backlog-limit.js';
export type { FlowResult, QueueResult, RunResult } from '../model/run-result.js';
export type { Parameter } from '../scenario/parameters.js';
export {
  COMMAND_LINE,
  ScenarioError,
  formatProblems,
  type Scenario,
  type ScenarioOverrides,
  type ScenarioProblem,
  type Severity,
} from '../scenario/index.js';
