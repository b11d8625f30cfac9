/** `runScenario`: one scenario's study, the object `queuesim run --json` prints. */
import { runStudy, type StudyProgress } from '../analysis/replications.js';
import type { RunResult } from '../model/run-result.js';
import { applyOverrides, type Scenario, type ScenarioOverrides } from '../scenario/index.js';
import { asJson } from './json-shape.js';
import { withOptionNames } from './option-values.js';
import { defaultWorkers, parallelTasks, withRunner, type StudyCallOptions } from './runner.js';

/** What `runScenario` takes: the overrides of `queuesim run` (`seed`, `duration`, `replications`, …). */
export interface RunOptions extends ScenarioOverrides, StudyCallOptions {
  /** Called as the study advances: runs done of runs planned, per phase. */
  onProgress?: (progress: StudyProgress) => void;
}

/**
 * Simulates `scenario` as `queuesim run` does (replications, batch means or one run, warm-up detection,
 * SLO verdicts) and returns the object `queuesim run --json` prints. Bad overrides throw ScenarioError.
 */
export async function runScenario(scenario: Scenario, options: RunOptions = {}): Promise<RunResult> {
  const overridden = await withOptionNames(() => applyOverrides(scenario, options));
  const { value } = await withRunner(
    parallelTasks(overridden),
    options.workers ?? defaultWorkers(),
    (runner) => runStudy(overridden, { runner, onProgress: options.onProgress }),
  );
  return asJson(value.result);
}
