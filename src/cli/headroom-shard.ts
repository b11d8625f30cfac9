/**
 * `headroom --shard i/N --exchange DIR --part FILE`: the headroom search in lockstep with the other shards
 * (see exchange.ts). Every shard runs the whole search; each simulates its share of every step's
 * replications and reads the rest from the shared folder, so all reach the same verdicts. The part holds
 * this shard's runs; `queuesim merge` replays the search from all the parts.
 */
import { readFile } from 'node:fs/promises';
import { findHeadroom } from '../analysis/headroom.js';
import { estimateRunSize } from '../analysis/run-size.js';
import { replicatedForSlos } from '../analysis/slo.js';
import { commandLineError } from '../api/option-values.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_EXCHANGE_TIMEOUT_SECONDS, Exchange, hashOf } from './exchange.js';
import { lockstepRunner } from './lockstep.js';
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

/** What the merge needs from a headroom part besides the runs. */
export interface HeadroomPartPayload {
  scenario: Scenario;
  /** This shard's whole search, in seconds: the merge reports the longest. */
  wallSeconds: number;
}

/** The shard of a search, null when unsharded; refuses what lockstep cannot do (exit 2). */
export function resolveSearchShard(
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
      'headroom in shards needs --exchange DIR, a folder every shard can read and write: the search picks ' +
        "each next load from the verdict at the last, so the shards run it in lockstep and must see each other's runs",
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

/** Runs this shard of the headroom search in lockstep and writes its part; prints nothing on stdout. */
export async function runHeadroomShard(
  scenario: Scenario,
  args: SearchShardArgs & StudySessionOptions['args'],
  shard: Shard,
): Promise<void> {
  const timeoutSeconds = exchangeTimeout(args.exchangeTimeout);
  const source = {
    command: 'headroom',
    scenarioPath: args.scenario,
    scenarioText: await readFile(args.scenario, 'utf8'),
    scenario,
    args,
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
        await findHeadroom(scenario, { runner });
      } finally {
        exchange.close();
      }
      return runner;
    },
  );
  const runner = session.value;
  const payload: HeadroomPartPayload = { scenario, wallSeconds: session.wallSeconds };
  await writeShardPart({
    header: { ...source, units: runner.runs() },
    part: args.part as string,
    quiet: args.quiet,
    payload,
    outcomes: runner.mine,
  });
}
