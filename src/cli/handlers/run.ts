import { readFile } from 'node:fs/promises';
import { overloadedQueues } from '../../analysis/overload.js';
import { runStudy } from '../../analysis/replications.js';
import { estimateReplications, estimateRunSize } from '../../analysis/run-size.js';
import { anySloFailed } from '../../analysis/slo.js';
import { toJson } from '../../report/json.js';
import { overloadWarnings } from '../../report/overload-text.js';
import { DEFAULT_MAX_BACKLOG } from '../../scenario/limits.js';
import type { Scenario } from '../../scenario/types.js';
import type { RunArgs } from '../commands/run.js';
import { EXIT_SLO_FAILED, writeStderr } from '../io.js';
import { runShardUnits, studyTasks, writeShardPart } from '../run-shard.js';
import { loadScenario } from '../scenario-input.js';
import { resolveShard, shardUnits, type Shard } from '../shard.js';
import { presentRun } from '../run-output.js';
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

/** Runs this shard's replications and writes them to the part file; prints nothing on stdout. */
async function runShard(scenario: Scenario, args: RunArgs, shard: Shard): Promise<void> {
  const tasks = studyTasks(scenario);
  const units = tasks.length;
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
      return runShardUnits(tasks, shard, runner, () =>
        bar.update({ phase: 'replications', done: ++done, total: mine }),
      );
    },
  );
  await writeShardPart({
    header: {
      command: 'run',
      scenarioPath: args.scenario,
      scenarioText: await readFile(args.scenario, 'utf8'),
      scenario,
      args,
      shard,
      units,
    },
    part: args.part as string,
    quiet: args.quiet,
    payload: scenario,
    outcomes: session.value,
  });
}

/** Warns on stderr, before the run, of each unbounded queue offered more than it can serve. */
function warnOfOverloads(scenario: Scenario): void {
  const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  const limit = scenario.maxBacklog ?? DEFAULT_MAX_BACKLOG;
  for (const line of overloadWarnings(overloadedQueues(scenario), runSeconds, limit)) writeStderr(line);
}
