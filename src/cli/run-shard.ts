/**
 * `run --replications N` in shards: the units are the N replications (replication k is unit k, with the
 * seed it has unsharded), a shard runs its share and writes the outcomes to a part, and a merge replays
 * the study with those outcomes in place of the runs, so the same aggregation gives the same result.
 */
import { planStudy, type TaskRunner } from '../analysis/replications.js';
import type { ReplicationTask, TaskOutcome } from '../analysis/replication-task.js';
import type { Scenario } from '../scenario/types.js';
import { commandLineError } from './command-line.js';
import { packageVersion } from './io.js';
import type { PartHeader } from './part-file.js';
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
      : plan.precision !== null
        ? '--precision decides the replications from earlier results'
        : scenario.warmupAuto
          ? "'warmup: auto' detects the warm-up from pilot runs first"
          : plan.timeBudgetSeconds !== null
            ? 'a time budget cuts runs by the wall clock'
            : null;
  if (why !== null) throw commandLineError('--shard', `this run cannot be sharded: ${why}`);
  return plan.replications;
}

/** The unsharded study's task for replication `index` (no time budget: no deadline). */
export function replicationTask(scenario: Scenario, index: number): ReplicationTask {
  return { kind: 'replication', scenario, index, deadline: null };
}

/** Runs this shard's replications on `runner` (in parallel), outcomes by unit. */
export async function runShardUnits(
  scenario: Scenario,
  shard: Shard,
  runner: TaskRunner,
  onUnitDone?: () => void,
): Promise<Map<number, TaskOutcome>> {
  const units = shardUnits(replicationUnits(scenario), shard);
  const outcomes = await Promise.all(
    units.map((unit) =>
      runner.run(replicationTask(scenario, unit)).then((outcome) => {
        onUnitDone?.();
        return outcome;
      }),
    ),
  );
  return new Map(units.map((unit, i) => [unit, outcomes[i]]));
}

/** A runner that answers each replication with its outcome from the parts instead of simulating it. */
export function replayRunner(outcomes: readonly unknown[]): TaskRunner {
  return {
    concurrency: Math.max(1, outcomes.length),
    run(task) {
      if (task.kind !== 'replication' || outcomes[task.index] === undefined) {
        throw new Error(`merge: no outcome in the parts for a ${task.kind} task ${describeIndex(task)}`);
      }
      return Promise.resolve(outcomes[task.index] as TaskOutcome);
    },
  };
}

function describeIndex(task: ReplicationTask): string {
  return 'index' in task ? `#${task.index}` : '';
}

/** The override flags that change results, as given (absent = null), for the part header. */
export function resultOptions(args: OverrideArgs): Record<string, string | null> {
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
  return Object.fromEntries(keys.map((key) => [key, args[key] ?? null]));
}

/** The header of a part of `command` over `units` units. */
export function partHeader(options: {
  command: string;
  scenarioPath: string;
  scenarioText: string;
  scenario: Scenario;
  args: OverrideArgs;
  shard: Shard;
  units: number;
}): PartHeader {
  return {
    format: 'queuesim-part',
    formatVersion: 1,
    command: options.command,
    version: packageVersion(),
    v8: process.versions.v8,
    scenarioPath: options.scenarioPath,
    scenarioText: options.scenarioText,
    seed: options.scenario.seed,
    options: resultOptions(options.args),
    shard: options.shard,
    units: options.units,
  };
}
