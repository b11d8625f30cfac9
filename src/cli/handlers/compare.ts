import { readFile } from 'node:fs/promises';
import { compareScenarios, compareTasks, seededScenarios } from '../../analysis/compare.js';
import { estimateReplications, totalRunSize } from '../../analysis/run-size.js';
import { compareRequest } from '../../api/compare.js';
import type { Scenario } from '../../scenario/types.js';
import { commandLineError } from '../../api/option-values.js';
import type { CompareArgs } from '../commands/compare.js';
import { presentCompare, type ComparePartScenario } from '../compare-output.js';
import { runShardUnits, writeShardPart } from '../run-shard.js';
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
  const { scenarios, replications, timeBudgetSeconds } = compareRequest(loaded, args.scenarios, flag);
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
  const payload: ComparePartScenario = { scenarios, replications, description: loaded[0].description };
  await writeShardPart({
    header: {
      command: 'compare',
      scenarioPath: args.scenarios.join(' '),
      scenarioText: texts.join('\n---\n'),
      scenario: loaded[0],
      args: { ...args, replications: String(replications) },
      shard,
      units: tasks.length,
    },
    part: args.part as string,
    quiet: args.quiet,
    payload,
    outcomes: session.value,
  });
}
