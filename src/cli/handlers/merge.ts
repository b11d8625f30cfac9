import { findHeadroom } from '../../analysis/headroom.js';
import { runStudy } from '../../analysis/replications.js';
import { runPlan, type PlanRequest } from '../../api/plan.js';
import { compareScenarios, compareTasks, seededScenarios } from '../../analysis/compare.js';
import { anySloFailed } from '../../analysis/slo.js';
import { planSweep, runSweep } from '../../analysis/sweep.js';
import { parseParameters } from '../../scenario/parameters.js';
import type { Scenario } from '../../scenario/types.js';
import type { MergeArgs } from '../commands/merge.js';
import { presentCompare } from '../compare-output.js';
import { presentHeadroom } from '../headroom-output.js';
import { EXIT_SLO_FAILED } from '../io.js';
import { presentPlan } from '../plan-output.js';
import { replaySearch } from '../search-shard.js';
import { readAndMergeParts, type MergedParts } from '../merge-parts.js';
import { partError } from '../part-file.js';
import { presentRun } from '../run-output.js';
import type { ComparePartScenario } from '../compare-output.js';
import { presentSweep } from '../sweep-output.js';
import { replayRunner, studyTasks } from '../run-shard.js';

/** Checks that the parts belong together, then prints what the unsharded command prints. */
export async function handle(args: MergeArgs): Promise<void> {
  const files = args.parts.map(String);
  const merged = await readAndMergeParts(files);
  switch (merged.header.command) {
    case 'run':
      return mergeRun(merged, args);
    case 'sweep':
      return mergeSweep(merged, args);
    case 'compare':
      return mergeCompare(merged, args);
    case 'headroom':
      return mergeHeadroom(merged, args);
    case 'plan':
      return mergePlan(merged, args);
    default:
      throw partError(
        files[0],
        '$.header.command',
        `merge does not know the command "${merged.header.command}"`,
      );
  }
}

/** `run --replications N`: the study replayed with the shards' outcomes, shown as `run` shows it. */
async function mergeRun(merged: MergedParts, args: MergeArgs): Promise<void> {
  const scenario = merged.scenario as Scenario;
  const runner = replayRunner(studyTasks(scenario), merged.outcomes);
  const { result } = await runStudy(scenario, { runner });
  const { scenarioPath, scenarioText } = merged.header;
  await presentRun(
    scenario,
    { json: args.json, report: args.report, out: args.out, scenarioPath, scenarioText },
    result,
  );
  if (args.failOnSlo && anySloFailed(result.slo ?? [])) process.exitCode = EXIT_SLO_FAILED;
}

/** `sweep`: every point's study replayed with the shards' outcomes, shown as `sweep` shows it. */
async function mergeSweep(merged: MergedParts, args: MergeArgs): Promise<void> {
  const scenario = merged.scenario as Scenario;
  const vary: unknown = JSON.parse(String(merged.header.options.vary ?? 'null'));
  if (!Array.isArray(vary) || !vary.every((item) => typeof item === 'string')) {
    throw partError(merged.files[0], '$.header.options.vary', 'expected the --vary settings of the sweep');
  }
  const parameters = parseParameters(scenario, vary);
  const tasks = planSweep(scenario, parameters).flatMap((point) => studyTasks(point.scenario));
  const { result } = await runSweep(scenario, parameters, { runner: replayRunner(tasks, merged.outcomes) });
  await presentSweep(scenario, args, result);
}

/** `compare`: the pairs compared again with the shards' outcomes, shown as `compare` shows it. */
async function mergeCompare(merged: MergedParts, args: MergeArgs): Promise<void> {
  const { scenarios, replications, description } = merged.scenario as ComparePartScenario;
  const tasks = compareTasks(seededScenarios(scenarios), replications, null);
  const runner = replayRunner(tasks, merged.outcomes);
  const result = await compareScenarios(scenarios, { runner, replications, timeBudgetSeconds: null });
  await presentCompare({ ...args, description }, result);
}

/** `headroom`: the search replayed from the shards' runs, shown as `headroom` shows it. */
async function mergeHeadroom(merged: MergedParts, args: MergeArgs): Promise<void> {
  const { value, payload, wallSeconds } = await replaySearch(merged, ({ scenario }, runner) =>
    findHeadroom(scenario, { runner }),
  );
  await presentHeadroom(value, wallSeconds, { ...args, scenario: payload.scenario });
}

/** `plan`: the search replayed from the shards' runs, shown (and exiting) as `plan` does. */
async function mergePlan(merged: MergedParts, args: MergeArgs): Promise<void> {
  const { value, payload, wallSeconds } = await replaySearch(merged, ({ scenario, request }, runner) =>
    runPlan(scenario, request as PlanRequest, runner),
  );
  await presentPlan(value, wallSeconds, { ...args, scenario: payload.scenario });
}
