import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { planSweep, runSweep } from '../../analysis/sweep.js';
import { toJson } from '../../report/json.js';
import { renderSweepTable } from '../../report/sweep-table.js';
import {
  formatProblems,
  traceShortfalls,
  withActualTraceWarnings,
  type Scenario,
} from '../../scenario/index.js';
import { parseParameters } from '../../scenario/parameters.js';
import { stdoutWantsColor, writeStderr, writeStdout } from '../io.js';
import { estimateRunSize, totalRunSize } from '../../analysis/run-size.js';
import { studyProgress } from '../progress.js';
import { confirmRunSize, runSizeOptions, type RunSizeArgs } from '../run-size-gate.js';
import { loadScenario, overrideOptions, statisticsOptions, type OverrideArgs } from '../scenario-input.js';
import { chooseRunner, parallelTasks, workerCount } from './run.js';

interface SweepArgs extends OverrideArgs, RunSizeArgs {
  scenario: string;
  vary: string[];
  json: boolean;
  workers?: string;
  report: boolean;
  out?: string;
}

/**
 * The trace-coverage warnings of each sweep point whose settings change them (a rate multiple replays a
 * trace faster), prefixed with the point; the base scenario's own warning was given when it was loaded.
 */
function sweepTraceWarnings(
  base: Scenario,
  grid: ReadonlyArray<{ settings: Record<string, number>; scenario: Scenario }>,
  file: string,
): string[] {
  const key = (scenario: Scenario) => JSON.stringify(traceShortfalls(scenario));
  const baseKey = key(base);
  return grid.flatMap((point) => {
    if (key(point.scenario) === baseKey) return [];
    const at = Object.entries(point.settings)
      .map(([path, value]) => `${path} = ${value}`)
      .join(', ');
    const warnings = withActualTraceWarnings(point.scenario, [], file);
    return warnings.map((warning) => `at ${at}: ${formatProblems([warning])}`);
  });
}

/** `queuesim sweep <scenario> --vary path=values…`: every point of the grid, in parallel. */
export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Run the scenario at every point of a grid of parameter values and tabulate the metrics',
  builder: (yargs: Argv) =>
    runSizeOptions(statisticsOptions(overrideOptions(yargs)))
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('vary', {
        type: 'string',
        array: true,
        demandOption: true,
        describe:
          'path=values, e.g. queues.billing.consumers=1..16, queues.billing.capacity=100,1000, producers.checkout.rate=x1..x2:0.25, load=x1,x1.5',
      })
      .option('workers', {
        type: 'string',
        describe: 'Worker threads (default: the number of cores; 1 = this thread)',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the sweep as JSON on stdout, nothing else',
      })
      .option('report', {
        type: 'boolean',
        default: true,
        describe: 'Write sweep.html and sweep.json (--no-report skips them)',
      })
      .option('out', {
        type: 'string',
        describe: 'Folder for the report files (default reports/<scenario name>-sweep)',
      }) as unknown as Argv<SweepArgs>,
  handler: async (args: ArgumentsCamelCase<SweepArgs>) => {
    const scenario = await loadScenario(args.scenario, args);
    const parameters = parseParameters(scenario, args.vary);
    const grid = planSweep(scenario, parameters);
    const points = grid.length;
    const pointWarnings = sweepTraceWarnings(scenario, grid, args.scenario);
    if (pointWarnings.length > 0) writeStderr(pointWarnings.join('\n'));
    const size = totalRunSize(grid.map((point) => estimateRunSize(point.scenario)));
    const timeBudgetSeconds = scenario.statistics?.timeBudgetSeconds ?? null;
    confirmRunSize(size, { yes: args.yes, quiet: args.quiet, timeBudgetSeconds });
    const workers = workerCount(args.workers);
    const runner = await chooseRunner(points * parallelTasks(scenario), workers);
    const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
    const bar = studyProgress(args, { runSeconds, events: size.events });
    const startedAt = performance.now();
    let outcome;
    try {
      outcome = await runSweep(scenario, parameters, {
        runner,
        onProgress: (done, total) => bar.update({ phase: 'sweep points', done, total }),
      });
    } finally {
      bar.stop();
      await runner.close?.();
    }
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const { result } = outcome;
    writeStdout(args.json ? toJson(result) : renderSweepTable(result, { color: stdoutWantsColor() }));
    if (!args.json)
      writeStderr(`${points} points in ${wallSeconds.toFixed(1)} s on ${runner.concurrency} thread(s)`);
    if (args.report) {
      const { writeSweepReportAndSayWhere } = await import('../report-files.js');
      const dir = args.out ?? `reports/${scenario.name.replace(/[^A-Za-z0-9_.-]/g, '-')}-sweep`;
      await writeSweepReportAndSayWhere({ dir, sweep: result, description: scenario.description }, args.json);
    }
  },
};
