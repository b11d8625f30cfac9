/** The one output path of `run` and of `merge` of its parts, so that both print the same bytes. */
import type { RunResult } from '../model/run-result.js';
import type { Scenario } from '../scenario/types.js';
import { stdoutWantsColor, writeStderr, writeStdout } from './io.js';
import { writeJsonStdout } from './json-stdout.js';

/** How a run's result is shown: the flags that say so, and the scenario file it came from. */
export interface RunPresentation {
  json: boolean;
  report: boolean;
  out?: string;
  scenarioPath: string;
  /** The scenario file's text when not to be read from `scenarioPath` (a merge has it from the parts). */
  scenarioText?: string;
}

/**
 * Prints a run's result (tables, or JSON) and writes its report files: the one output path of `run`
 * and of `merge` of its parts, so that both print the same bytes.
 */
export async function presentRun(
  scenario: Scenario,
  options: RunPresentation,
  result: RunResult,
): Promise<void> {
  // With --json the warnings are the result's `warnings` field, so stderr stays free for --profile.
  if (!options.json) for (const warning of result.warnings ?? []) writeStderr(`warning: ${warning}`);
  if (options.json) writeJsonStdout(result);
  else {
    // The tables (cli-table3 and its colours) are loaded only when printed: `--json` runs start faster.
    const { renderRunTables } = await import('../report/terminal-table.js');
    writeStdout(renderRunTables(result, { color: stdoutWantsColor() }));
  }
  if (options.report) {
    // Loaded only when needed: `--no-report` runs (the benchmark) start as fast as before.
    const { defaultReportDir, writeReportAndSayWhere } = await import('./report-files.js');
    const dir = options.out ?? defaultReportDir(scenario.name);
    const { scenarioPath, scenarioText } = options;
    await writeReportAndSayWhere({ dir, scenario, scenarioPath, scenarioText, result }, options.json);
  }
}
