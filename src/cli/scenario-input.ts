import type { Argv } from 'yargs';
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
      describe: "Simulated time before measuring, e.g. 1m, or 'auto' to detect it (overrides the file)",
    })
    .option('max-backlog', {
      type: 'string',
      describe:
        'Stop the run with an error when this many messages are in the system at once (default 10000000)',
    });
}

/** Adds the replication and precision flags, which override the file's statistics keys. */
export function statisticsOptions<T>(yargs: Argv<T>): Argv<T & OverrideArgs> {
  return yargs
    .option('replications', {
      type: 'string',
      describe: 'Independent runs; results become means with 95 % confidence intervals',
    })
    .option('batches', { type: 'string', describe: 'Batch means: split one long run into this many batches' })
    .option('precision', {
      type: 'string',
      describe: 'Add replications (or batches) until every headline CI is within e.g. 2% of its mean',
    })
    .option('max-replications', {
      type: 'string',
      describe: 'With --precision: at most this many replications',
    })
    .option('max-duration', {
      type: 'string',
      describe: 'With --batches and --precision: longest measured time',
    })
    .option('time-budget', {
      type: 'string',
      describe:
        'Bound the run by this wall-clock time, e.g. 2m: it stops there with partial results, marked so',
    });
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
