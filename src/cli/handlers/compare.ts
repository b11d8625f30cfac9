import { totalRunSize, estimateReplications } from '../../analysis/run-size.js';
import { compareRequest } from '../../api/compare.js';
import { compareScenarios } from '../../analysis/compare.js';
import { renderCompareTable } from '../../report/compare-table.js';
import { toJson } from '../../report/json.js';
import type { CompareArgs } from '../commands/compare.js';
import { stdoutWantsColor, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';
import { runStudySession } from '../study-session.js';

/**
 * Runs the scenarios (and variants) as pairs with common random numbers, prints the differences and
 * writes the compare report.
 */
export async function handle(args: CompareArgs): Promise<void> {
  const { replications: flag, ...overrides } = args;
  const loaded = await Promise.all(args.scenarios.map((path) => loadScenario(path, overrides)));
  const { scenarios, replications, timeBudgetSeconds } = compareRequest(loaded, args.scenarios, flag);
  const { value: result } = await runStudySession(
    {
      args,
      size: totalRunSize(scenarios.map((scenario) => estimateReplications(scenario, replications))),
      timeBudgetSeconds,
      tasks: replications * scenarios.length,
    },
    (runner) => compareScenarios(scenarios, { runner, replications, timeBudgetSeconds }),
  );
  writeStdout(args.json ? toJson(result) : renderCompareTable(result, { color: stdoutWantsColor() }));
  if (args.report) {
    const { writeCompareReportAndSayWhere } = await import('../compare-report.js');
    const description = loaded[0].description;
    await writeCompareReportAndSayWhere({ dir: args.out, compare: result, description }, args.json);
  }
}
