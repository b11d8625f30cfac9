import { loadOverriddenScenario } from '../api/load.js';
import { formatProblems } from '../scenario/index.js';
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
 * Reads, validates and overrides a scenario file as the library does; warnings go to stderr, errors are
 * thrown as ScenarioError.
 */
export async function loadScenario(path: string, overrides: OverrideArgs): Promise<Scenario> {
  return loadOverriddenScenario(path, {
    ...overrides,
    onWarnings: (warnings) => writeStderr(formatProblems(warnings)),
  });
}
