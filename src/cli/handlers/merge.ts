import { runStudy } from '../../analysis/replications.js';
import { anySloFailed } from '../../analysis/slo.js';
import type { Scenario } from '../../scenario/types.js';
import type { MergeArgs } from '../commands/merge.js';
import { EXIT_SLO_FAILED } from '../io.js';
import { readAndMergeParts, type MergedParts } from '../merge-parts.js';
import { partError } from '../part-file.js';
import { presentRun } from '../run-output.js';
import { replayRunner } from '../run-shard.js';

/** Checks that the parts belong together, then prints what the unsharded command prints. */
export async function handle(args: MergeArgs): Promise<void> {
  const files = args.parts.map(String);
  const merged = await readAndMergeParts(files);
  switch (merged.header.command) {
    case 'run':
      return mergeRun(merged, args);
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
  const { result } = await runStudy(scenario, { runner: replayRunner(merged.outcomes) });
  const { scenarioPath, scenarioText } = merged.header;
  await presentRun(
    scenario,
    { json: args.json, report: args.report, out: args.out, scenarioPath, scenarioText },
    result,
  );
  if (args.failOnSlo && anySloFailed(result.slo ?? [])) process.exitCode = EXIT_SLO_FAILED;
}
