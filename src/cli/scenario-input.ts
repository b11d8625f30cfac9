import type { Argv } from 'yargs';
import { applyOverrides, loadScenarioFile, formatProblems } from '../scenario/index.js';
import type { Scenario } from '../scenario/types.js';
import { writeStderr } from './io.js';

/** The command-line flags that override the scenario file. */
export interface OverrideArgs {
  seed?: string;
  duration?: string;
  warmup?: string;
}

/** Adds `--seed`, `--duration` and `--warmup` to a command. */
export function overrideOptions<T>(yargs: Argv<T>): Argv<T & OverrideArgs> {
  return yargs
    .option('seed', { type: 'string', describe: 'Random seed (overrides the file)' })
    .option('duration', {
      type: 'string',
      describe: 'Measured simulated time, e.g. 10m (overrides the file)',
    })
    .option('warmup', {
      type: 'string',
      describe: 'Simulated time before measuring, e.g. 1m (overrides the file)',
    });
}

/** Reads, validates and overrides a scenario; warnings go to stderr, errors are thrown as ScenarioError. */
export async function loadScenario(path: string, overrides: OverrideArgs): Promise<Scenario> {
  const { scenario, warnings } = await loadScenarioFile(path);
  if (warnings.length > 0) writeStderr(formatProblems(warnings));
  return applyOverrides(scenario, {
    seed: overrides.seed,
    duration: overrides.duration,
    warmup: overrides.warmup,
  });
}
