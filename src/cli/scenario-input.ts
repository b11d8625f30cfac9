import {
  applyOverrides,
  formatProblems,
  loadScenarioFile,
  withActualTraceWarnings,
} from '../scenario/index.js';
import type { Scenario } from '../scenario/types.js';
import { writeStderr } from './io.js';

/** The command-line flags that override the scenario file. */
export interface OverrideArgs {
  seed?: string;
  duration?: string;
  warmup?: string;
  replications?: string;
  batches?: string;
  precision?: string;
  maxReplications?: string;
  maxDuration?: string;
  timeBudget?: string;
  maxBacklog?: string;
}

/**
 * Reads, validates and overrides a scenario; warnings go to stderr, errors are thrown as ScenarioError.
 * Warnings that depend on the run's length are judged on the settings after the overrides.
 */
export async function loadScenario(path: string, overrides: OverrideArgs): Promise<Scenario> {
  const { scenario, warnings } = await loadScenarioFile(path);
  const settled = warnings.filter((warning) => warning.code === undefined);
  if (settled.length > 0) writeStderr(formatProblems(settled));
  const overridden = applyOverrides(scenario, {
    seed: overrides.seed,
    duration: overrides.duration,
    warmup: overrides.warmup,
    replications: overrides.replications,
    batches: overrides.batches,
    precision: overrides.precision,
    maxReplications: overrides.maxReplications,
    maxDuration: overrides.maxDuration,
    timeBudget: overrides.timeBudget,
    maxBacklog: overrides.maxBacklog,
  });
  const actual = withActualTraceWarnings(overridden, warnings, path).filter((warning) => warning.code);
  if (actual.length > 0) writeStderr(formatProblems(actual));
  return overridden;
}
