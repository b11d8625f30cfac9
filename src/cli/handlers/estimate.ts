import { estimateScenario } from '../../analysis/estimates.js';
import { renderEstimateTable, type EstimateReport } from '../../report/estimate-table.js';
import type { EstimateArgs } from '../commands/estimate.js';
import { stdoutWantsColor, writeStdout } from '../io.js';
import { writeJsonStdout } from '../json-stdout.js';
import { loadScenario } from '../scenario-input.js';

/** Prints the analytic estimates per queue. */
export async function handle(args: EstimateArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, {});
  const report: EstimateReport = { scenario: scenario.name, queues: estimateScenario(scenario) };
  if (args.json) writeJsonStdout(report);
  else writeStdout(renderEstimateTable(report, { color: stdoutWantsColor() }));
}
