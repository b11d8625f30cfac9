/**
 * Studies in shards. A study with a fixed plan is a fixed list of tasks (replication k of `run
 * --replications N` is unit k, with the seed it has unsharded; a sweep's units are each point's tasks in
 * grid order). A shard runs its share and writes the outcomes to a part; a merge replays the command with a
 * runner that answers each task with its outcome from the parts, so the same aggregation gives the same
 * result.
 */
import { planStudy, type TaskRunner } from '../analysis/replications.js';
import type { ReplicationTask, TaskOutcome } from '../analysis/replication-task.js';
import { SLO_BATCHES, wantsSloBatches } from '../analysis/slo-batch-intervals.js';
import type { Scenario } from '../scenario/types.js';
import { commandLineError } from '../api/option-values.js';
import { packageVersion, writeStderr } from './io.js';
import { writePart, type PartHeader } from './part-file.js';
import type { OverrideArgs } from './scenario-input.js';
import { shardUnits, type Shard } from './shard.js';

/**
 * The number of independent replications of a run with a fixed plan. A run whose runs depend on earlier
 * results (precision waves, warm-up detection, a time budget) or that is one run (batch means, single)
 * cannot be divided into independent units, so sharding it is refused.
 */
export function replicationUnits(scenario: Scenario): number {
  const plan = planStudy(scenario);
  const why =
    plan.method !== 'replications'
      ? 'it is one run (give --replications N, N >= 2)'
      : dependentRunsReason(scenario);
  if (why !== null) throw commandLineError('--shard', `this run cannot be sharded: ${why}`);
  return plan.replications;
}

/**
 * Why the runs of `scenario`'s study depend on earlier results or on the wall clock, which shards cannot
 * reproduce apart; null when they do not.
 */
export function dependentRunsReason(scenario: Scenario): string | null {
  const plan = planStudy(scenario);
  return plan.precision !== null
    ? '--precision decides the replications from earlier results'
    : scenario.warmupAuto
      ? "'warmup: auto' detects the warm-up from pilot runs first"
      : plan.timeBudgetSeconds !== null
        ? 'a time budget cuts runs by the wall clock'
        : null;
}

/** The tasks the unsharded study of `scenario` runs, in its order (no time budget: no deadlines). */
export function studyTasks(scenario: Scenario): ReplicationTask[] {
  const plan = planStudy(scenario);
  if (plan.method === 'single' && !scenario.warmupAuto && plan.timeBudgetSeconds === null) {
    const tasks: ReplicationTask[] = [{ kind: 'replication', scenario, index: 0, deadline: null }];
    if (wantsSloBatches(scenario)) {
      tasks.push({ kind: 'run-in-batches', scenario, batches: SLO_BATCHES, deadline: null });
    }
    return tasks;
  }
  const replications = replicationUnits(scenario);
  return Array.from({ length: replications }, (_, index) => ({
    kind: 'replication',
    scenario,
    index,
    deadline: null,
  }));
}

/** Identifies a task by what it computes: its kind, its replication index and its scenario. */
export function taskKey(task: ReplicationTask): string {
  return `${task.kind}:${'index' in task ? task.index : ''}:${JSON.stringify(task.scenario)}`;
}

/** Runs this shard's share of `tasks` on `runner` (in parallel), outcomes by unit. */
export async function runShardUnits(
  tasks: readonly ReplicationTask[],
  shard: Shard,
  runner: TaskRunner,
  onUnitDone?: () => void,
): Promise<Map<number, TaskOutcome>> {
  const units = shardUnits(tasks.length, shard);
  const outcomes = await Promise.all(
    units.map((unit) =>
      runner.run(tasks[unit]).then((outcome) => {
        onUnitDone?.();
        return outcome;
      }),
    ),
  );
  return new Map(units.map((unit, i) => [unit, outcomes[i]]));
}

/** A runner that answers each of `tasks` with its outcome from the parts instead of simulating it. */
export function replayRunner(tasks: readonly ReplicationTask[], outcomes: readonly unknown[]): TaskRunner {
  const byKey = new Map(tasks.map((task, unit) => [taskKey(task), outcomes[unit] as TaskOutcome]));
  return {
    concurrency: Math.max(1, tasks.length),
    run(task) {
      const outcome = byKey.get(taskKey(task));
      if (outcome === undefined) {
        return Promise.reject(new Error(`merge: the parts hold no outcome for a ${task.kind} task`));
      }
      return Promise.resolve(outcome);
    },
  };
}

/** The override flags that change results, as given (absent = null), for the part header. */
export function resultOptions(
  args: OverrideArgs & { vary?: (string | number)[] },
): Record<string, string | null> {
  const keys: (keyof OverrideArgs)[] = [
    'seed',
    'duration',
    'warmup',
    'replications',
    'batches',
    'precision',
    'maxReplications',
    'maxDuration',
    'timeBudget',
    'maxBacklog',
  ];
  const options: Record<string, string | null> = Object.fromEntries(
    keys.map((key) => [key, args[key] ?? null]),
  );
  if (args.vary !== undefined) options.vary = JSON.stringify(args.vary.map(String));
  return options;
}

/** What a part's header is made from. */
export interface PartHeaderSource {
  command: string;
  scenarioPath: string;
  scenarioText: string;
  scenario: Scenario;
  args: OverrideArgs & { vary?: (string | number)[] };
  shard: Shard;
  units: number;
  /** Further options that change results, beside the overrides (plan: what it searches, at what load). */
  extraOptions?: Record<string, string | null>;
}

/** The header of a part of `command` over `units` units. */
export function partHeader(options: PartHeaderSource): PartHeader {
  return {
    format: 'queuesim-part',
    formatVersion: 1,
    command: options.command,
    version: packageVersion(),
    v8: process.versions.v8,
    scenarioPath: options.scenarioPath,
    scenarioText: options.scenarioText,
    seed: options.scenario.seed,
    options: { ...resultOptions(options.args), ...options.extraOptions },
    shard: options.shard,
    units: options.units,
  };
}

/**
 * Writes a shard's outcomes to its part file (`--part`), under the header made from `header`, and says so on
 * stderr unless `quiet`. `payload` is what the merge needs besides the outcomes (the scenario, or more).
 */
export async function writeShardPart(options: {
  header: PartHeaderSource;
  part: string;
  quiet: boolean | undefined;
  payload: unknown;
  outcomes: Map<number, unknown>;
}): Promise<void> {
  const { header, part, outcomes } = options;
  await writePart(part, { header: partHeader(header), scenario: options.payload, outcomes });
  if (!options.quiet) {
    const { shard, units } = header;
    writeStderr(`Shard ${shard.index}/${shard.count}: ${outcomes.size} of ${units} units written to ${part}`);
  }
}
