/** The one output path of `sweep` and of `merge` of its parts, so that both print the same bytes. */
import type { SweepResult } from '../analysis/sweep.js';
import { renderSweepTable } from '../report/sweep-table.js';
import type { Scenario } from '../scenario/types.js';
import { stdoutWantsColor, writeStdout } from './io.js';
import { writeJsonStdout } from './json-stdout.js';

/** Prints the sweep (table, or JSON) and writes its report files unless `report` is false. */
export async function presentSweep(
  scenario: Scenario,
  options: { json: boolean; report: boolean; out?: string },
  result: SweepResult,
  afterTable?: () => void,
): Promise<void> {
  if (options.json) writeJsonStdout(result);
  else writeStdout(renderSweepTable(result, { color: stdoutWantsColor() }));
  afterTable?.();
  if (options.report) {
    const { writeSweepReportAndSayWhere } = await import('./report-files.js');
    const dir = options.out ?? `reports/${scenario.name.replace(/[^A-Za-z0-9_.-]/g, '-')}-sweep`;
    await writeSweepReportAndSayWhere(
      { dir, sweep: result, description: scenario.description },
      options.json,
    );
  }
}
