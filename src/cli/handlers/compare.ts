import { readFile } from 'node:fs/promises';
import { compareScenarios, compareTasks, seededScenarios } from '../../analysis/compare.js';
import { estimateReplications, totalRunSize } from '../../analysis/run-size.js';
import { ScenarioError } from '../../scenario/index.js';
import { compareNeedsFixedWarmup, compareNeedsTwo } from '../../scenario/messages.js';
import { withVariants } from '../../scenario/parameters.js';
import type { Scenario } from '../../scenario/types.js';
import { commandLineError, parseWholeNumber } from '../command-line.js';
import { DEFAULT_COMPARE_REPLICATIONS, type CompareArgs } from '../commands/compare.js';
import { presentCompare, type ComparePartScenario } from '../compare-output.js';
import { writeStderr } from '../io.js';
import { writePart } from '../part-file.js';
import { partHeader, runShardUnits } from '../run-shard.js';
import { loadScenario } from '../scenario-input.js';
import { resolveShard, shardUnits, type Shard } from '../shard.js';
import { runStudySession } from '../study-session.js';

/**
 * Runs the scenarios (and variants) as pairs with common random numbers, prints the differences and
 * writes the compare report.
 */
export async function handle(args: CompareArgs): Promise<void> {
  const { replications: flag, ...overrides } = args;
  const loaded = await Promise.all(args.scenarios.map((path) => loadScenario(path, overrides)));
  // Each file contributes itself, then its variants; the first is the baseline.
  const scenarios = loaded.flatMap(withVariants);
  if (scenarios.length < 2) throw commandLineError('scenarios', compareNeedsTwo(scenarios.length));
  requireFixedWarmups(loaded, args.scenarios);
  const replications =
    flag === undefined
      ? (loaded[0].statistics?.replications ?? DEFAULT_COMPARE_REPLICATIONS)
      : parseWholeNumber('--replications', flag, 2);
  const timeBudgetSeconds = loaded[0].statistics?.timeBudgetSeconds ?? null;
  const shard = resolveShard(args);
  if (shard !== null) {
    if (timeBudgetSeconds !== null) {
      throw commandLineError(
        '--shard',
        'this comparison cannot be sharded: a time budget cuts runs by the wall clock',
      );
    }
    return runShard({ args, loaded, scenarios, replications, shard });
  }
  const { value: result } = await runStudySession(
    {
      args,
      size: totalRunSize(scenarios.map((scenario) => estimateReplications(scenario, replications))),
      timeBudgetSeconds,
      tasks: replications * scenarios.length,
    },
    (runner) => compareScenarios(scenarios, { runner, replications, timeBudgetSeconds }),
  );
  await presentCompare({ ...args, description: loaded[0].description }, result);
}

/** Runs this shard's share of the pairs' runs and writes them to the part file. */
async function runShard(options: {
  args: CompareArgs;
  loaded: Scenario[];
  scenarios: Scenario[];
  replications: number;
  shard: Shard;
}): Promise<void> {
  const { args, loaded, scenarios, replications, shard } = options;
  const tasks = compareTasks(seededScenarios(scenarios), replications, null);
  const mine = shardUnits(tasks.length, shard).length;
  const session = await runStudySession(
    {
      args,
      size: totalRunSize(scenarios.map((scenario) => estimateReplications(scenario, replications))),
      timeBudgetSeconds: null,
      tasks: Math.max(1, mine),
    },
    (runner) => runShardUnits(tasks, shard, runner),
  );
  const texts = await Promise.all(args.scenarios.map((path) => readFile(path, 'utf8')));
  const header = partHeader({
    command: 'compare',
    scenarioPath: args.scenarios.join(' '),
    scenarioText: texts.join('\n---\n'),
    scenario: loaded[0],
    args: { ...args, replications: String(replications) },
    shard,
    units: tasks.length,
  });
  const scenario: ComparePartScenario = { scenarios, replications, description: loaded[0].description };
  await writePart(args.part as string, { header, scenario, outcomes: session.value });
  if (!args.quiet) {
    writeStderr(
      `Shard ${shard.index}/${shard.count}: ${mine} of ${tasks.length} units written to ${args.part}`,
    );
  }
}

/** Pairs need one warm-up for all: a file with `warmup: auto` is a problem located in that file. */
function requireFixedWarmups(loaded: Scenario[], files: string[]): void {
  const problems = loaded.flatMap((scenario, i) =>
    scenario.warmupAuto
      ? [
          {
            file: files[i],
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
}
