import { estimateScenario } from '../../analysis/estimates.js';
import { renderEstimateTable, type EstimateReport } from '../../report/estimate-table.js';
import { toJson } from '../../report/json.js';
import type { EstimateArgs } from '../commands/estimate.js';
import { stdoutWantsColor, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';

/** Prints the analytic estimates per queue. */
export async function handle(args: EstimateArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, {});
  const report: EstimateReport = { scenario: scenario.name, queues: estimateScenario(scenario) };
  writeStdout(args.json ? toJson(report) : renderEstimateTable(report, { color: stdoutWantsColor() }));
}
