import { planCapacity, planCapacityMulti, type PlanResult } from '../../analysis/plan.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { toJson } from '../../report/json.js';
import { renderMultiPlan, renderPlan } from '../../report/plan-text.js';
import * as msg from '../../scenario/messages.js';
import { closestMatch } from '../../scenario/suggest.js';
import type { Scenario } from '../../scenario/types.js';
import { commandLineError, parseLoad, requireSlos } from '../command-line.js';
import type { PlanArgs } from '../commands/plan.js';
import { EXIT_SLO_FAILED, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Searches the smallest setting (or the cheapest settings) meeting every SLO; exit 1 when none does. */
export async function handle(args: PlanArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  requireSlos(scenario);
  const given = args.optimize ?? [undefined];
  const paths = given.map((optimize) => optimisedPath(scenario, optimize));
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== undefined) throw commandLineError('--optimize', msg.planPathTwice(twice));
  const load = parseLoad(args.load);
  const session = {
    args,
    // Each candidate is one study; the gate sees one (the scenario as given), a lower bound on the search.
    size: estimateRunSize(scenario),
    timeBudgetSeconds: scenario.statistics?.timeBudgetSeconds ?? null,
    tasks: parallelTasks(scenario),
  };
  if (paths.length === 1) {
    const { value: plan, wallSeconds } = await runStudySession(session, (runner) =>
      planCapacity(scenario, { path: paths[0] }, { runner, load }),
    );
    writeStdout(args.json ? toJson({ ...plan, wallSeconds }) : renderPlan(plan, wallSeconds));
    await writeReport(args, scenario, plan, wallSeconds);
    if (plan.recommended === null) process.exitCode ??= EXIT_SLO_FAILED;
  } else {
    const { value: plan, wallSeconds } = await runStudySession(session, (runner) =>
      planCapacityMulti(scenario, paths, { runner, load, cost: scenario.cost }),
    );
    writeStdout(args.json ? toJson({ ...plan, wallSeconds }) : renderMultiPlan(plan, wallSeconds));
    await writeReport(args, scenario, plan, wallSeconds);
    if (plan.recommended === null) process.exitCode ??= EXIT_SLO_FAILED;
  }
}

/** plan.html and plan.csv, unless `--no-report`; a folder that cannot be written exits 2 (not 1). */
async function writeReport(args: PlanArgs, scenario: Scenario, plan: PlanResult, wallSeconds: number) {
  if (!args.report) return;
  // Loaded only when needed, as `run` does: `--no-report` starts as fast as before.
  const { writePlanReport } = await import('../search-report-files.js');
  await writePlanReport(plan, { out: args.out, scenario, wallSeconds, json: args.json });
}

/** `--optimize`, or the consumers of the first queue an SLO names. */
function optimisedPath(scenario: Scenario, optimize: string | undefined): string {
  const known = scenario.queues.flatMap((queue) => [
    `queues.${queue.name}.consumers`,
    `queues.${queue.name}.capacity`,
    // More replicas at the floor or the ceiling never make an autoscaled queue slower.
    ...(queue.autoscale ? [`queues.${queue.name}.autoscale.min`, `queues.${queue.name}.autoscale.max`] : []),
  ]);
  if (optimize === undefined) {
    const queue = scenario.slo?.find((slo) => slo.scope === 'queue')?.name;
    if (queue === undefined) throw commandLineError('--optimize', msg.planNeedsOptimize());
    return `queues.${queue}.consumers`;
  }
  if (!known.includes(optimize)) {
    throw commandLineError(
      '--optimize',
      msg.planPathUnsupported(optimize, known, closestMatch(optimize, known)),
    );
  }
  return optimize;
}
