/** The one output path of `headroom` and of `merge` of its parts, so that both print the same bytes. */
import type { HeadroomResult } from '../analysis/headroom.js';
import { renderHeadroom } from '../report/headroom-text.js';
import type { Scenario } from '../scenario/types.js';
import { writeStdout } from './io.js';
import { writeJsonStdout } from './json-stdout.js';

/** Prints the headroom (text, or JSON with `--json`) and writes headroom.html and headroom.csv unless `--no-report`. */
export async function presentHeadroom(
  headroom: HeadroomResult,
  wallSeconds: number,
  options: { json: boolean; report: boolean; out?: string; scenario: Scenario },
): Promise<void> {
  if (options.json) writeJsonStdout({ ...headroom, wallSeconds });
  else writeStdout(renderHeadroom(headroom, wallSeconds));
  if (options.report) {
    // Loaded only when needed, as `run` does: `--no-report` starts as fast as before.
    const { writeHeadroomReport } = await import('./search-report-files.js');
    const { out, scenario, json } = options;
    await writeHeadroomReport(headroom, { out, scenario, wallSeconds, json });
  }
}
