/**
 * The options more than one command takes, each defined once. Types are inferred from yargs, so a
 * handler's arguments never need a cast. Light on purpose: the definitions that use it load for `--help`.
 */
import type { Argv } from 'yargs';
import { CONFIRM_ABOVE_EVENTS } from '../analysis/run-size-limits.js';
import { formatEvents } from './event-count.js';

/** The `<scenario>` argument: `.positional('scenario', scenarioArgument)`. */
export const scenarioArgument = {
  type: 'string',
  describe: 'Scenario file (YAML)',
  demandOption: true,
} as const;

/** Adds `--seed`, `--duration`, `--warmup` and `--max-backlog`, which override the file. */
export function overrideOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('seed', { type: 'string', describe: 'Random seed (overrides the file)' })
    .option('duration', {
      type: 'string',
      describe: 'Measured simulated time, e.g. 10m (overrides the file)',
    })
    .option('warmup', {
      type: 'string',
      describe: "Simulated time before measuring, e.g. 1m, or 'auto' to detect it (overrides the file)",
    })
    .option('max-backlog', {
      type: 'string',
      describe:
        'Stop the run with an error when this many messages are in the system at once (default 10000000)',
    });
}

/** Adds the replication and precision flags, which override the file's statistics keys. */
export function statisticsOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('replications', {
      type: 'string',
      describe: 'Independent runs; results become means with 95 % confidence intervals',
    })
    .option('batches', { type: 'string', describe: 'Batch means: split one long run into this many batches' })
    .option('precision', {
      type: 'string',
      describe: 'Add replications (or batches) until every headline CI is within e.g. 2% of its mean',
    })
    .option('max-replications', {
      type: 'string',
      describe: 'With --precision: at most this many replications',
    })
    .option('max-duration', {
      type: 'string',
      describe: 'With --batches and --precision: longest measured time',
    })
    .option('time-budget', {
      type: 'string',
      describe:
        'Bound the run by this wall-clock time, e.g. 2m: it stops there with partial results, marked so',
    });
}

/** Adds `--yes` and `--quiet` to a command that runs studies. */
export function runSizeOptions<T>(yargs: Argv<T>) {
  return yargs
    .option('yes', {
      type: 'boolean',
      default: false,
      describe: `Run even when the estimate is over ${formatEvents(CONFIRM_ABOVE_EVENTS)} events (about 10 minutes)`,
    })
    .option('quiet', {
      type: 'boolean',
      default: false,
      describe: 'No estimate and no progress on stderr',
    });
}

/** Every option of a command that loads a scenario and runs a study of it. */
export function studyOptions<T>(yargs: Argv<T>) {
  return runSizeOptions(statisticsOptions(overrideOptions(yargs)));
}

/** A study of one scenario file: its `<scenario>` argument and every study option. */
export function scenarioStudyOptions<T>(yargs: Argv<T>) {
  return studyOptions(yargs).positional('scenario', scenarioArgument);
}

/** `--workers N`: `.option('workers', workersOption())`. */
export function workersOption(describe = 'Worker threads (default: the number of cores)') {
  return { type: 'string', describe } as const;
}

/** `--json`, off by default. */
export function jsonOption(describe: string) {
  return { type: 'boolean', default: false, describe } as const;
}

/** `--report`, on by default: `--no-report` skips writing `files`. */
export function reportOption(files: string) {
  return { type: 'boolean', default: true, describe: `Write ${files} (--no-report skips them)` } as const;
}

/** `--out DIR`, the report folder instead of `folder`. */
export function outOption(folder: string) {
  return { type: 'string', describe: `Folder for the report files (default ${folder})` } as const;
}

/** `--shard i/N`: run only this share of the independent units (see README, Beyond one machine). */
export const shardOption = {
  type: 'string',
  describe:
    'Run only shard i of N (i from 1) of the independent units, into --part; or JOB_COMPLETION_INDEX (from 0) with QUEUESIM_SHARDS',
} as const;

/** `--shard i/N` of a search (headroom): the search in lockstep with the other shards, through `--exchange`. */
export const searchShardOption = {
  type: 'string',
  describe:
    "Run shard i of N (i from 1) of each step's replications, in lockstep with the other shards through --exchange, into --part; or JOB_COMPLETION_INDEX (from 0) with QUEUESIM_SHARDS",
} as const;

/** `--exchange DIR`: the folder the shards of a search share their runs through. */
export const exchangeOption = {
  type: 'string',
  describe:
    "With --shard: a folder every shard reads and writes (a shared volume), where each run's outcome goes",
} as const;

/** `--exchange-timeout SECONDS`: how long a shard waits for a new run file before it gives up. */
export const exchangeTimeoutOption = {
  type: 'string',
  describe: 'With --exchange: give up (exit 2) after this many seconds without a new run file (default 3600)',
} as const;

/** `--part FILE`: where a shard writes its results for `queuesim merge`. */
export const partOption = {
  type: 'string',
  describe: "Write this shard's results to FILE (JSON) for 'queuesim merge' instead of printing them",
} as const;

/** `--redis URL`: the study's units go to `queuesim worker` processes through a BullMQ queue on Redis. */
export const redisOption = {
  type: 'string',
  describe:
    'Run the units on `queuesim worker --redis URL` processes through a BullMQ queue on this Redis (redis://host:port)',
} as const;
