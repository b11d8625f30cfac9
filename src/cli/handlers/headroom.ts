import { findHeadroom } from '../../analysis/headroom.js';
import type { TaskRunner } from '../../analysis/replications.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { requireSlos } from '../../api/option-values.js';
import type { HeadroomArgs } from '../commands/headroom.js';
import { presentHeadroom } from '../headroom-output.js';
import { resolveSearchShard, runSearchShard } from '../search-shard.js';
import { loadScenario } from '../scenario-input.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Searches the load multiplier at which the first SLO breaks, prints it and writes the report. */
export async function handle(args: HeadroomArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  requireSlos(scenario);
  const shard = resolveSearchShard('headroom', args, scenario);
  if (shard !== null) {
    const search = (runner: TaskRunner) => findHeadroom(scenario, { runner });
    return runSearchShard({ command: 'headroom', scenario, args, shard, request: null, search });
  }
  // Each candidate is one study; the gate sees one (the scenario as given), a lower bound on the search.
  const { value: headroom, wallSeconds } = await runStudySession(
    {
      args,
      size: estimateRunSize(scenario),
      timeBudgetSeconds: scenario.statistics?.timeBudgetSeconds ?? null,
      tasks: parallelTasks(scenario),
    },
    (runner) => findHeadroom(scenario, { runner }),
  );
  await presentHeadroom(headroom, wallSeconds, { ...args, scenario });
}
