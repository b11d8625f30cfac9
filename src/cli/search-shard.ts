/**
 * A search in shards (`headroom`, `plan` with `--shard i/N --exchange DIR --part FILE`): the search in
 * lockstep with the other shards (see exchange.ts). Every shard runs the whole search; each simulates its
 * share of every step's replications and reads the rest from the shared folder, so all reach the same
 * verdicts. The part holds this shard's runs; `queuesim merge` replays the search from all the parts
 * (`replaySearch`), simulating nothing.
 */
import { readFile } from 'node:fs/promises';
import type { TaskRunner } from '../analysis/replications.js';
import { estimateRunSize } from '../analysis/run-size.js';
import { replicatedForSlos } from '../analysis/slo.js';
import { commandLineError } from '../api/option-values.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_EXCHANGE_TIMEOUT_SECONDS, Exchange, hashOf } from './exchange.js';
import { lockstepReplay, lockstepRunner } from './lockstep.js';
import type { MergedParts } from './merge-parts.js';
import { partError } from './part-file.js';
import { dependentRunsReason, partHeader, writeShardPart, type PartHeaderSource } from './run-shard.js';
import type { OverrideArgs } from './scenario-input.js';
import { resolveShard, SHARD_COUNT_ENV, type Shard } from './shard.js';
import { parallelTasks, runStudySession, type StudySessionOptions } from './study-session.js';

/** The flags of a search in shards, beside the study flags. */
export interface SearchShardArgs extends OverrideArgs {
  scenario: string;
  shard?: string;
  part?: string;
  exchange?: string;
  exchangeTimeout?: string;
  redis?: string;
  quiet?: boolean;
}

/** What a search's part holds besides the runs. */
export interface SearchPartPayload {
  scenario: Scenario;
  /** This shard's whole search, in seconds: the merge reports the longest. */
  wallSeconds: number;
  /** What else the search was asked (plan: the settings searched and the load). */
  request: unknown;
}

/** The shard of a search, null when unsharded; refuses what lockstep cannot do (exit 2). */
export function resolveSearchShard(
  command: string,
  args: SearchShardArgs,
  scenario: Scenario,
  env: NodeJS.ProcessEnv = process.env,
): Shard | null {
  if (args.exchangeTimeout !== undefined && args.exchange === undefined) {
    throw commandLineError('--exchange-timeout', 'applies only with --exchange DIR (a search in shards)');
  }
  if ((args.shard !== undefined || args.part !== undefined) && args.exchange === undefined) {
    throw commandLineError(
      '--shard',
      `${command} in shards needs --exchange DIR, a folder every shard can read and write: the search picks ` +
        "each next step from the verdict at the last, so the shards run it in lockstep and must see each other's runs",
    );
  }
  const shard = resolveShard(args, env);
  if (shard === null) {
    if (args.exchange === undefined) return null;
    throw commandLineError(
      '--exchange',
      `--exchange is for a search in shards: add --shard i/N and --part FILE (or JOB_COMPLETION_INDEX with ${SHARD_COUNT_ENV} and --part FILE)`,
    );
  }
  if (args.redis !== undefined) {
    throw commandLineError(
      '--redis',
      'a shard runs its own share of the runs: --redis and --shard do not combine',
    );
  }
  const why = dependentRunsReason(replicatedForSlos(scenario));
  if (why !== null) throw commandLineError('--shard', `this search cannot be sharded: ${why}`);
  return shard;
}

/** `--exchange-timeout SECONDS` (default an hour): a positive number. */
function exchangeTimeout(value: string | undefined): number {
  if (value === undefined) return DEFAULT_EXCHANGE_TIMEOUT_SECONDS;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw commandLineError('--exchange-timeout', `expected a number of seconds > 0, got "${value}"`);
  }
  return seconds;
}

/** Names the search every shard runs: all of the part header but this shard's index and the run count. */
function jobId(header: PartHeaderSource): string {
  const { scenarioPath: _path, units: _units, shard, ...rest } = partHeader(header);
  return hashOf({ ...rest, shards: shard.count });
}

/** What a search's shard is told. */
export interface SearchShardOptions {
  command: string;
  scenario: Scenario;
  args: SearchShardArgs & StudySessionOptions['args'];
  shard: Shard;
  /** What else the search was asked, into the part and the job id (plan: settings and load); null: nothing. */
  request: unknown;
  search: (runner: TaskRunner) => Promise<unknown>;
}

/** Runs this shard of a search in lockstep and writes its part; prints nothing on stdout. */
export async function runSearchShard(options: SearchShardOptions): Promise<void> {
  const { args, scenario, shard } = options;
  const timeoutSeconds = exchangeTimeout(args.exchangeTimeout);
  const extraOptions: Record<string, string> =
    options.request === null ? {} : { request: JSON.stringify(options.request) };
  const source = {
    command: options.command,
    scenarioPath: args.scenario,
    scenarioText: await readFile(args.scenario, 'utf8'),
    scenario,
    args,
    extraOptions,
    shard,
    units: 0,
  };
  const dir = args.exchange as string;
  const exchange = await Exchange.open({ dir, jobId: jobId(source), shard, timeoutSeconds });
  const session = await runStudySession(
    { args, size: estimateRunSize(scenario), timeBudgetSeconds: null, tasks: parallelTasks(scenario) },
    async (inner) => {
      const runner = lockstepRunner(inner, exchange, shard);
      try {
        await options.search(runner);
      } finally {
        exchange.close();
      }
      return runner;
    },
  );
  const runner = session.value;
  const payload: SearchPartPayload = {
    scenario,
    wallSeconds: session.wallSeconds,
    request: options.request,
  };
  await writeShardPart({
    header: { ...source, units: runner.runs() },
    part: args.part as string,
    quiet: args.quiet,
    payload,
    outcomes: runner.mine,
  });
}

/**
 * The search replayed from merged parts: each run answered with the parts' run of the same number, every
 * run the parts hold used; the wall time is the longest shard's.
 */
export async function replaySearch<T>(
  merged: MergedParts,
  search: (payload: SearchPartPayload, runner: TaskRunner) => Promise<T>,
): Promise<{ value: T; payload: SearchPartPayload; wallSeconds: number }> {
  const file = merged.files[0];
  const payload = merged.scenario as SearchPartPayload;
  const runner = lockstepReplay(merged.outcomes, file);
  const value = await search(payload, runner);
  if (runner.used() !== merged.outcomes.length) {
    throw partError(
      file,
      '$.header.units',
      `the parts hold ${merged.outcomes.length} runs but the search replayed takes ${runner.used()}`,
    );
  }
  const walls = merged.payloads.map((part) => (part as SearchPartPayload).wallSeconds);
  return { value, payload, wallSeconds: Math.max(...walls) };
}
