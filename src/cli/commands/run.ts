import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { simulate } from '../../model/simulate.js';
import { toJson } from '../../report/json.js';
import { renderRunTables } from '../../report/terminal-table.js';
import { loadScenario, overrideOptions, type OverrideArgs } from '../scenario-input.js';
import { stdoutWantsColor, writeStderr, writeStdout } from '../io.js';

interface RunArgs extends OverrideArgs {
  scenario: string;
  json: boolean;
  profile: boolean;
  report: boolean;
  out?: string;
}

/** `queuesim run <scenario>`: simulate once and print the results. */
export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario and print throughput, drops, utilisation and latency per queue',
  builder: (yargs: Argv) =>
    overrideOptions(yargs)
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the results as JSON on stdout, nothing else',
      })
      .option('profile', {
        type: 'boolean',
        default: false,
        describe: 'Print engine statistics (events/s, messages/s, peak memory) to stderr',
      })
      .option('report', {
        type: 'boolean',
        default: true,
        describe: 'Write report.html, summary.json and CSV files (--no-report skips them)',
      })
      .option('out', {
        type: 'string',
        describe: 'Folder for the report files (default reports/<scenario name>)',
      }) as unknown as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const scenario = await loadScenario(args.scenario, args);
    const { result, profile } = simulate(scenario);
    writeStdout(args.json ? toJson(result) : renderRunTables(result, { color: stdoutWantsColor() }));
    if (args.report) {
      // Loaded only when needed: `--no-report` runs (the benchmark) start as fast as before.
      const { defaultReportDir, writeReportAndSayWhere } = await import('../report-files.js');
      const dir = args.out ?? defaultReportDir(scenario.name);
      await writeReportAndSayWhere({ dir, scenario, scenarioPath: args.scenario, result }, args.json);
    }
    if (args.profile) {
      const peakRssMiB = process.resourceUsage().maxRSS / 1024;
      writeStderr(
        toJson({
          events: profile.events,
          messages: profile.messages,
          loopSeconds: profile.loopSeconds,
          eventsPerSecond: profile.events / profile.loopSeconds,
          messagesPerSecond: profile.messages / profile.loopSeconds,
          peakRssMiB,
        }),
      );
    }
  },
};
