import type { TaskRunner } from '../../analysis/replications.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { planRequest, runPlan } from '../../api/plan.js';
import type { PlanArgs } from '../commands/plan.js';
import { presentPlan } from '../plan-output.js';
import { loadScenario } from '../scenario-input.js';
import { resolveSearchShard, runSearchShard } from '../search-shard.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Searches the smallest setting (or the cheapest settings) meeting every SLO; exit 1 when none does. */
export async function handle(args: PlanArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  const request = planRequest(scenario, args.optimize, args.load);
  const shard = resolveSearchShard('plan', args, scenario);
  if (shard !== null) {
    const search = (runner: TaskRunner) => runPlan(scenario, request, runner);
    return runSearchShard({ command: 'plan', scenario, args, shard, request, search });
  }
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
  await presentPlan(outcome, wallSeconds, { ...args, scenario });
}
