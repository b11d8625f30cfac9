/** The one output path of `compare` and of `merge` of its parts, so that both print the same bytes. */
import type { CompareResult } from '../analysis/compare.js';
import { renderCompareTable } from '../report/compare-table.js';
import type { Scenario } from '../scenario/types.js';
import { stdoutWantsColor, writeStdout } from './io.js';
import { writeJsonStdout } from './json-stdout.js';

/** What a sharded comparison keeps in its part besides the outcomes: enough to compare again. */
export interface ComparePartScenario {
  scenarios: Scenario[];
  replications: number;
  description: string;
}

/** Prints the comparison (table, or JSON) and writes its report files unless `report` is false. */
export async function presentCompare(
  options: { json: boolean; report: boolean; out?: string; description: string },
  result: CompareResult,
): Promise<void> {
  if (options.json) writeJsonStdout(result);
  else writeStdout(renderCompareTable(result, { color: stdoutWantsColor() }));
  if (options.report) {
    const { writeCompareReportAndSayWhere } = await import('./compare-report.js');
    const { out: dir, description } = options;
    await writeCompareReportAndSayWhere({ dir, compare: result, description }, options.json);
  }
}
