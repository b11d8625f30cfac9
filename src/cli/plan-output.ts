/** The one output path of `plan` and of `merge` of its parts, so that both print the same bytes. */
import type { PlanOutcome } from '../api/plan.js';
import { renderMultiPlan, renderPlan } from '../report/plan-text.js';
import type { Scenario } from '../scenario/types.js';
import { EXIT_SLO_FAILED, writeStdout } from './io.js';
import { writeJsonStdout } from './json-stdout.js';

/**
 * Prints the plan (text, or JSON with `--json`), writes plan.html and plan.csv unless `--no-report` (a
 * folder that cannot be written exits 2, not 1), and exits 1 when no setting meets every SLO.
 */
export async function presentPlan(
  outcome: PlanOutcome,
  wallSeconds: number,
  options: { json: boolean; report: boolean; out?: string; scenario: Scenario },
): Promise<void> {
  const { plan } = outcome;
  if (options.json) writeJsonStdout({ ...plan, wallSeconds });
  else
    writeStdout(outcome.multi ? renderMultiPlan(outcome.plan, wallSeconds) : renderPlan(plan, wallSeconds));
  if (options.report) {
    // Loaded only when needed, as `run` does: `--no-report` starts as fast as before.
    const { writePlanReport } = await import('./search-report-files.js');
    const { out, scenario, json } = options;
    await writePlanReport(plan, { out, scenario, wallSeconds, json });
  }
  if (plan.recommended === null) process.exitCode ??= EXIT_SLO_FAILED;
}
