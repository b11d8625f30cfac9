import type { PlanResult } from '../../analysis/plan.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { planRequest, runPlan } from '../../api/plan.js';
import { renderMultiPlan, renderPlan } from '../../report/plan-text.js';
import type { Scenario } from '../../scenario/types.js';
import type { PlanArgs } from '../commands/plan.js';
import { EXIT_SLO_FAILED, writeStdout } from '../io.js';
import { writeJsonStdout } from '../json-stdout.js';
import { loadScenario } from '../scenario-input.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Searches the smallest setting (or the cheapest settings) meeting every SLO; exit 1 when none does. */
export async function handle(args: PlanArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  const request = planRequest(scenario, args.optimize, args.load);
  const session = {
    args,
    // Each candidate is one study; the gate sees one (the scenario as given), a lower bound on the search.
    size: estimateRunSize(scenario),
    timeBudgetSeconds: scenario.statistics?.timeBudgetSeconds ?? null,
    tasks: parallelTasks(scenario),
  };
  const { value: outcome, wallSeconds } = await runStudySession(session, (runner) =>
    runPlan(scenario, request, runner),
  );
  const { plan } = outcome;
  if (args.json) writeJsonStdout({ ...plan, wallSeconds });
  else
    writeStdout(outcome.multi ? renderMultiPlan(outcome.plan, wallSeconds) : renderPlan(plan, wallSeconds));
  await writeReport(args, scenario, plan, wallSeconds);
  if (plan.recommended === null) process.exitCode ??= EXIT_SLO_FAILED;
}

/** plan.html and plan.csv, unless `--no-report`; a folder that cannot be written exits 2 (not 1). */
async function writeReport(args: PlanArgs, scenario: Scenario, plan: PlanResult, wallSeconds: number) {
  if (!args.report) return;
  // Loaded only when needed, as `run` does: `--no-report` starts as fast as before.
  const { writePlanReport } = await import('../search-report-files.js');
  await writePlanReport(plan, { out: args.out, scenario, wallSeconds, json: args.json });
}
