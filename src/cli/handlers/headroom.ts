import { findHeadroom } from '../../analysis/headroom.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { renderHeadroom } from '../../report/headroom-text.js';
import { requireSlos } from '../../api/option-values.js';
import type { HeadroomArgs } from '../commands/headroom.js';
import { writeStdout } from '../io.js';
import { writeJsonStdout } from '../json-stdout.js';
import { loadScenario } from '../scenario-input.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Searches the load multiplier at which the first SLO breaks, prints it and writes the report. */
export async function handle(args: HeadroomArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  requireSlos(scenario);
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
  if (args.json) writeJsonStdout({ ...headroom, wallSeconds });
  else writeStdout(renderHeadroom(headroom, wallSeconds));
  if (args.report) {
    // Loaded only when needed, as `run` does: `--no-report` starts as fast as before.
    const { writeHeadroomReport } = await import('../search-report-files.js');
    await writeHeadroomReport(headroom, { out: args.out, scenario, wallSeconds, json: args.json });
  }
}
