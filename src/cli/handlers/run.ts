import { readFile } from 'node:fs/promises';
import { overloadedQueues } from '../../analysis/overload.js';
import { runStudy } from '../../analysis/replications.js';
import { estimateReplications, estimateRunSize } from '../../analysis/run-size.js';
import { anySloFailed } from '../../analysis/slo.js';
import { toJson } from '../../report/json.js';
import { overloadWarnings } from '../../report/overload-text.js';
import { DEFAULT_MAX_BACKLOG } from '../../scenario/limits.js';
import type { RunResult } from '../../model/run-result.js';
import type { Scenario } from '../../scenario/types.js';
import type { RunArgs } from '../commands/run.js';
import { EXIT_SLO_FAILED, stdoutWantsColor, writeStderr, writeStdout } from '../io.js';
import { writePart } from '../part-file.js';
import { partHeader, replicationUnits, runShardUnits } from '../run-shard.js';
import { loadScenario } from '../scenario-input.js';
import { resolveShard, shardUnits, type Shard } from '../shard.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Simulates the scenario, prints the results, writes the report files and, if asked, the profile. */
export async function handle(args: RunArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  const shard = resolveShard(args);
  warnOfOverloads(scenario);
  if (shard !== null) return runShard(scenario, args, shard);
  const size = estimateRunSize(scenario);
  const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  const session = await runStudySession(
    {
      args,
      size,
      timeBudgetSeconds: scenario.statistics?.timeBudgetSeconds ?? null,
      tasks: parallelTasks(scenario),
      progress: { runSeconds, events: size.events },
    },
    (runner, bar) => runStudy(scenario, { runner, onProgress: (progress) => bar.update(progress) }),
  );
  const { result, profile } = session.value;
  await presentRun(scenario, { ...args, scenarioPath: args.scenario }, result);
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
        workers: session.threads,
        wallSeconds: session.wallSeconds,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
      }),
    );
  }
  if (args.failOnSlo && anySloFailed(result.slo ?? [])) process.exitCode = EXIT_SLO_FAILED;
}

/** How a run's result is shown: the flags that say so, and the scenario file it came from. */
export interface RunPresentation {
  json: boolean;
  report: boolean;
  out?: string;
  scenarioPath: string;
  /** The scenario file's text when not to be read from `scenarioPath` (a merge has it from the parts). */
  scenarioText?: string;
}

/**
 * Prints a run's result (tables, or JSON) and writes its report files: the one output path of `run`
 * and of `merge` of its parts, so that both print the same bytes.
 */
export async function presentRun(
  scenario: Scenario,
  options: RunPresentation,
  result: RunResult,
): Promise<void> {
  // With --json the warnings are the result's `warnings` field, so stderr stays free for --profile.
  if (!options.json) for (const warning of result.warnings ?? []) writeStderr(`warning: ${warning}`);
  if (options.json) writeStdout(toJson(result));
  else {
    // The tables (cli-table3 and its colours) are loaded only when printed: `--json` runs start faster.
    const { renderRunTables } = await import('../../report/terminal-table.js');
    writeStdout(renderRunTables(result, { color: stdoutWantsColor() }));
  }
  if (options.report) {
    // Loaded only when needed: `--no-report` runs (the benchmark) start as fast as before.
    const { defaultReportDir, writeReportAndSayWhere } = await import('../report-files.js');
    const dir = options.out ?? defaultReportDir(scenario.name);
    const { scenarioPath, scenarioText } = options;
    await writeReportAndSayWhere({ dir, scenario, scenarioPath, scenarioText, result }, options.json);
  }
}

/** Runs this shard's replications and writes them to the part file; prints nothing on stdout. */
async function runShard(scenario: Scenario, args: RunArgs, shard: Shard): Promise<void> {
  const units = replicationUnits(scenario);
  const mine = shardUnits(units, shard).length;
  const size = estimateReplications(scenario, mine);
  const session = await runStudySession(
    {
      args,
      size,
      timeBudgetSeconds: null,
      tasks: Math.max(1, mine),
      progress: { runSeconds: scenario.warmupSeconds + scenario.durationSeconds, events: size.events },
    },
    async (runner, bar) => {
      let done = 0;
      return runShardUnits(scenario, shard, runner, () =>
        bar.update({ phase: 'replications', done: ++done, total: mine }),
      );
    },
  );
  const header = partHeader({
    command: 'run',
    scenarioPath: args.scenario,
    scenarioText: await readFile(args.scenario, 'utf8'),
    scenario,
    args,
    shard,
    units,
  });
  await writePart(args.part as string, { header, scenario, outcomes: session.value });
  if (!args.quiet) {
    writeStderr(
      `Shard ${shard.index}/${shard.count}: ${mine} of ${units} replications written to ${args.part}`,
    );
  }
}

/** Warns on stderr, before the run, of each unbounded queue offered more than it can serve. */
function warnOfOverloads(scenario: Scenario): void {
  const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  const limit = scenario.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  for (const line of overloadWarnings(overloadedQueues(scenario), runSeconds, limit)) writeStderr(line);
}
