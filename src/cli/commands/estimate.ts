import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { estimateScenario } from '../../analysis/estimates.js';
import { toJson } from '../../report/json.js';
import { renderEstimateTable, type EstimateReport } from '../../report/estimate-table.js';
import { stdoutWantsColor, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';

interface EstimateArgs {
  scenario: string;
  json: boolean;
}

/** `queuesim estimate <scenario>`: queueing-theory estimates per queue, instantly, without simulating. */
export const estimateCommand: CommandModule<object, EstimateArgs> = {
  command: 'estimate <scenario>',
  describe: 'Print analytic steady-state estimates per queue (M/M/c, M/M/c/K, Erlang B, P-K, Allen-Cunneen)',
  builder: (yargs: Argv) =>
    yargs
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the estimates as JSON on stdout, nothing else',
      }) as unknown as Argv<EstimateArgs>,
  handler: async (args: ArgumentsCamelCase<EstimateArgs>) => {
    const scenario = await loadScenario(args.scenario, {});
    const report: EstimateReport = { scenario: scenario.name, queues: estimateScenario(scenario) };
    writeStdout(args.json ? toJson(report) : renderEstimateTable(report, { color: stdoutWantsColor() }));
  },
};
