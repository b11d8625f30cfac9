import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { compareScenarios } from '../../analysis/compare.js';
import { renderCompareTable } from '../../report/compare-table.js';
import { toJson } from '../../report/json.js';
import { COMMAND_LINE, ScenarioError } from '../../scenario/index.js';
import { withVariants } from '../../scenario/parameters.js';
import { compareNeedsFixedWarmup, compareNeedsTwo, expectedInteger } from '../../scenario/messages.js';
import { stdoutWantsColor, writeStdout } from '../io.js';
import { loadScenario, overrideOptions, type OverrideArgs } from '../scenario-input.js';
import { estimateReplications, totalRunSize } from '../../analysis/run-size.js';
import { confirmRunSize, runSizeOptions, type RunSizeArgs } from '../run-size-gate.js';
import { chooseRunner, workerCount } from './run.js';

interface CompareArgs extends OverrideArgs, RunSizeArgs {
  scenarios: string[];
  json: boolean;
  workers?: string;
}

/** Replications when neither the first scenario nor the command line says: enough for a paired CI. */
export const DEFAULT_COMPARE_REPLICATIONS = 5;

/**
 * `queuesim compare a.yaml b.yaml [c.yaml…]` or `queuesim compare one-with-variants.yaml`: common random
 * numbers, differences with CIs.
 */
export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe:
    'Run scenarios (or one scenario and its variants) with common random numbers and show them side by side with significant differences',
  builder: (yargs: Argv) =>
    runSizeOptions(overrideOptions(yargs))
      .positional('scenarios', {
        type: 'string',
        array: true,
        describe: 'Two or more scenario files (YAML), or one with variants',
      })
      .option('replications', {
        type: 'string',
        describe: `Paired replications (default: the first scenario's, else ${DEFAULT_COMPARE_REPLICATIONS})`,
      })
      .option('workers', { type: 'string', describe: 'Worker threads (default: the number of cores)' })
      .option('time-budget', {
        type: 'string',
        describe:
          'Stop the replications at this wall-clock time, e.g. 2m, and compare the pairs that finished',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the comparison as JSON on stdout',
      }) as unknown as Argv<CompareArgs>,
  handler: async (args: ArgumentsCamelCase<CompareArgs>) => {
    const { replications: flag, ...overrides } = args;
    const loaded = await Promise.all(args.scenarios.map((path) => loadScenario(path, overrides)));
    // Each file contributes itself, then its variants; the first is the baseline.
    const scenarios = loaded.flatMap(withVariants);
    if (scenarios.length < 2) {
      throw new ScenarioError([
        {
          file: COMMAND_LINE,
          line: 0,
          column: 0,
          path: 'scenarios',
          message: compareNeedsTwo(scenarios.length),
          severity: 'error',
        },
      ]);
    }
    const problems = loaded.flatMap((scenario, i) =>
      scenario.warmupAuto
        ? [
            {
              file: args.scenarios[i],
              line: 0,
              column: 0,
              path: 'warmup',
              message: compareNeedsFixedWarmup(),
              severity: 'error' as const,
            },
          ]
        : [],
    );
    if (problems.length > 0) throw new ScenarioError(problems);
    const replications =
      flag === undefined
        ? (loaded[0].statistics?.replications ?? DEFAULT_COMPARE_REPLICATIONS)
        : parseReplications(flag);
    const size = totalRunSize(scenarios.map((scenario) => estimateReplications(scenario, replications)));
    const timeBudgetSeconds = loaded[0].statistics?.timeBudgetSeconds ?? null;
    confirmRunSize(size, { yes: args.yes, quiet: args.quiet, timeBudgetSeconds });
    const workers = workerCount(args.workers);
    const runner = await chooseRunner(replications * scenarios.length, workers);
    try {
      const result = await compareScenarios(scenarios, { runner, replications, timeBudgetSeconds });
      writeStdout(args.json ? toJson(result) : renderCompareTable(result, { color: stdoutWantsColor() }));
    } finally {
      await runner.close?.();
    }
  },
};

function parseReplications(value: string): number {
  const count = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(count) && count >= 2) return count;
  throw new ScenarioError([
    {
      file: COMMAND_LINE,
      line: 0,
      column: 0,
      path: '--replications',
      message: expectedInteger('>= 2', value),
      severity: 'error',
    },
  ]);
}
