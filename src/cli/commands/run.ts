import { availableParallelism } from 'node:os';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import {
  MAX_PILOT_REPLICATIONS,
  planStudy,
  runStudy,
  serialRunner,
  type TaskRunner,
} from '../../analysis/replications.js';
import { overloadedQueues } from '../../analysis/overload.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { anySloFailed } from '../../analysis/slo.js';
import { wantsSloBatches } from '../../analysis/slo-batch-intervals.js';
import { toJson } from '../../report/json.js';
import { overloadWarnings } from '../../report/overload-text.js';
import { renderRunTables } from '../../report/terminal-table.js';
import { COMMAND_LINE, ScenarioError } from '../../scenario/index.js';
import { DEFAULT_MAX_BACKLOG } from '../../scenario/limits.js';
import type { Scenario } from '../../scenario/types.js';
import { expectedInteger } from '../../scenario/messages.js';
import { loadScenario, overrideOptions, statisticsOptions, type OverrideArgs } from '../scenario-input.js';
import { EXIT_SLO_FAILED, stdoutWantsColor, writeStderr, writeStdout } from '../io.js';
import { studyProgress } from '../progress.js';
import { confirmRunSize, runSizeOptions, type RunSizeArgs } from '../run-size-gate.js';

interface RunArgs extends OverrideArgs, RunSizeArgs {
  scenario: string;
  json: boolean;
  profile: boolean;
  workers?: string;
  report: boolean;
  out?: string;
  failOnSlo: boolean;
}

/** `queuesim run <scenario>`: simulate (once, or replicated) and print the results. */
export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario and print throughput, drops, utilisation and latency per queue',
  builder: (yargs: Argv) =>
    runSizeOptions(statisticsOptions(overrideOptions(yargs)))
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML)', demandOption: true })
      .option('workers', {
        type: 'string',
        describe: 'Worker threads for replications (default: the number of cores; 1 = this thread)',
      })
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
      })
      .option('fail-on-slo', {
        type: 'boolean',
        default: false,
        describe: 'Exit with code 1 when an SLO fails (for CI pipelines); uncertain verdicts do not fail',
      }) as unknown as Argv<RunArgs>,
  handler: async (args: ArgumentsCamelCase<RunArgs>) => {
    const scenario = await loadScenario(args.scenario, args);
    warnOfOverloads(scenario);
    const size = estimateRunSize(scenario);
    const timeBudgetSeconds = scenario.statistics?.timeBudgetSeconds ?? null;
    confirmRunSize(size, { yes: args.yes, quiet: args.quiet, timeBudgetSeconds });
    const workers = workerCount(args.workers);
    const runner = await chooseRunner(parallelTasks(scenario), workers);
    const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
    const bar = studyProgress(args, { runSeconds, events: size.events });
    const startedAt = performance.now();
    let outcome;
    try {
      outcome = await runStudy(scenario, { runner, onProgress: (progress) => bar.update(progress) });
    } finally {
      bar.stop();
      await runner.close?.();
    }
    const wallSeconds = (performance.now() - startedAt) / 1000;
    const { result, profile } = outcome;
    // With --json the warnings are the result's `warnings` field, so stderr stays free for --profile.
    if (!args.json) for (const warning of result.warnings ?? []) writeStderr(`warning: ${warning}`);
    writeStdout(args.json ? toJson(result) : renderRunTables(result, { color: stdoutWantsColor() }));
    if (args.report) {
      // Loaded only when needed: `--no-report` runs (the benchmark) start as fast as before.
      const { defaultReportDir, writeReportAndSayWhere } = await import('../report-files.js');
      const dir = args.out ?? defaultReportDir(scenario.name);
      await writeReportAndSayWhere({ dir, scenario, scenarioPath: args.scenario, result }, args.json);
    }
    if (args.profile) {
      writeStderr(
        toJson({
          events: profile.events,
          messages: profile.messages,
          queueArrivals: profile.queueArrivals,
          loopSeconds: profile.loopSeconds,
          eventsPerSecond: profile.events / profile.loopSeconds,
          messagesPerSecond: profile.messages / profile.loopSeconds,
          runs: profile.runs,
          workers: runner.concurrency,
          wallSeconds,
          peakRssMiB: process.resourceUsage().maxRSS / 1024,
        }),
      );
    }
    if (args.failOnSlo && anySloFailed(result.slo ?? [])) process.exitCode = EXIT_SLO_FAILED;
  },
};

/** Warns on stderr, before the run, of each unbounded queue offered more than it can serve. */
export function warnOfOverloads(scenario: Scenario): void {
  const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  const limit = scenario.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  for (const line of overloadWarnings(overloadedQueues(scenario), runSeconds, limit)) writeStderr(line);
}

/** Worker threads for `--workers`: every core when the flag is absent. */
export function workerCount(value: string | undefined): number {
  return value === undefined ? availableParallelism() : parseWorkers(value);
}

/** `--workers N`: an integer >= 1; anything else is bad input (exit code 2). */
function parseWorkers(value: string): number {
  const workers = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(workers) && workers >= 1) return workers;
  throw new ScenarioError([
    {
      file: COMMAND_LINE,
      line: 0,
      column: 0,
      path: '--workers',
      message: expectedInteger('>= 1', value),
      severity: 'error',
    },
  ]);
}

/** The most runs the study may have in flight at once (pilot series included). */
export function parallelTasks(scenario: Parameters<typeof planStudy>[0]): number {
  const plan = planStudy(scenario);
  if (plan.method === 'batches') return 1; // one long run
  const pilots = scenario.warmupAuto ? Math.min(plan.replications, MAX_PILOT_REPLICATIONS) : 1;
  // A single run with SLOs is simulated twice at once: whole, and cut into batches for the verdicts' CIs.
  const runs = plan.method === 'single' && wantsSloBatches(scenario) ? 2 : plan.replications;
  return Math.max(pilots, plan.precision === null ? runs : plan.maxReplications);
}

/** This thread for one run at a time, else a pool of at most `workers` threads (loaded only then). */
export async function chooseRunner(
  tasks: number,
  workers: number,
): Promise<TaskRunner & { close?(): Promise<void> }> {
  const threads = Math.min(tasks, workers);
  if (threads <= 1) return serialRunner();
  const { workerPoolRunner } = await import('../worker-pool.js');
  return workerPoolRunner(threads);
}
