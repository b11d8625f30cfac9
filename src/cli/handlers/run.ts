import { overloadedQueues } from '../../analysis/overload.js';
import { runStudy } from '../../analysis/replications.js';
import { estimateRunSize } from '../../analysis/run-size.js';
import { anySloFailed } from '../../analysis/slo.js';
import { toJson } from '../../report/json.js';
import { overloadWarnings } from '../../report/overload-text.js';
import { DEFAULT_MAX_BACKLOG } from '../../scenario/limits.js';
import type { Scenario } from '../../scenario/types.js';
import type { RunArgs } from '../commands/run.js';
import { EXIT_SLO_FAILED, stdoutWantsColor, writeStderr, writeStdout } from '../io.js';
import { loadScenario } from '../scenario-input.js';
import { parallelTasks, runStudySession } from '../study-session.js';

/** Simulates the scenario, prints the results, writes the report files and, if asked, the profile. */
export async function handle(args: RunArgs): Promise<void> {
  const scenario = await loadScenario(args.scenario, args);
  warnOfOverloads(scenario);
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
  // With --json the warnings are the result's `warnings` field, so stderr stays free for --profile.
  if (!args.json) for (const warning of result.warnings ?? []) writeStderr(`warning: ${warning}`);
  if (args.json) writeStdout(toJson(result));
  else {
    // The tables (cli-table3 and its colours) are loaded only when printed: `--json` runs start faster.
    const { renderRunTables } = await import('../../report/terminal-table.js');
    writeStdout(renderRunTables(result, { color: stdoutWantsColor() }));
  }
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
        workers: session.threads,
        wallSeconds: session.wallSeconds,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
      }),
    );
  }
  if (args.failOnSlo && anySloFailed(result.slo ?? [])) process.exitCode = EXIT_SLO_FAILED;
}

/** Warns on stderr, before the run, of each unbounded queue offered more than it can serve. */
function warnOfOverloads(scenario: Scenario): void {
  const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  const limit = scenario.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  for (const line of overloadWarnings(overloadedQueues(scenario), runSeconds, limit)) writeStderr(line);
}
