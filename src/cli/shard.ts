/**
 * Which share of a study's independent units this process runs: `--shard i/N` (i from 1), or, inside a
 * Kubernetes Indexed Job, `JOB_COMPLETION_INDEX` (from 0) with the total in `QUEUESIM_SHARDS`. Units are
 * dealt round-robin — shard i runs units k with k mod N = i − 1 — so every shard gets units from the
 * whole range and the shares differ by at most one unit whether or not N divides the count.
 */
import { commandLineError } from '../api/option-values.js';

export interface Shard {
  /** From 1. */
  index: number;
  count: number;
}

/** The environment variable with the total shard count, beside Kubernetes' `JOB_COMPLETION_INDEX`. */
export const SHARD_COUNT_ENV = 'QUEUESIM_SHARDS';

/** Parses `i/N`; `flag` names the source in errors. */
export function parseShard(flag: string, value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!match) throw commandLineError(flag, `expected a shard as i/N (e.g. 2/8), got "${value}"`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw commandLineError(flag, `the shard count must be at least 1, got ${count}`);
  if (index < 1 || index > count) {
    throw commandLineError(flag, `shard index ${index} is out of range: expected 1 to ${count}`);
  }
  return { index, count };
}

/**
 * The shard from `--shard`, else from the Indexed Job's environment when `--part` asks for a part;
 * null for an ordinary (unsharded) run. A shard without `--part` has nowhere to put its results.
 */
export function resolveShard(
  args: { shard?: string; part?: string },
  env: NodeJS.ProcessEnv = process.env,
): Shard | null {
  let shard: Shard | null = null;
  if (args.shard !== undefined) shard = parseShard('--shard', args.shard);
  else if (args.part !== undefined) {
    const completion = env.JOB_COMPLETION_INDEX;
    const total = env[SHARD_COUNT_ENV];
    if (completion === undefined || total === undefined) {
      throw commandLineError(
        '--part',
        `--part needs a shard: --shard i/N, or JOB_COMPLETION_INDEX with ${SHARD_COUNT_ENV} in the environment`,
      );
    }
    if (!/^\d+$/.test(completion.trim())) {
      throw commandLineError('JOB_COMPLETION_INDEX', `expected a whole number from 0, got "${completion}"`);
    }
    shard = parseShard(
      `JOB_COMPLETION_INDEX/${SHARD_COUNT_ENV}`,
      `${Number(completion) + 1}/${total.trim()}`,
    );
  }
  if (shard !== null && args.part === undefined) {
    throw commandLineError('--shard', 'a shard writes its results to a part file: add --part FILE');
  }
  return shard;
}

/** The units (0-based, ascending) that `shard` runs out of `total`. */
export function shardUnits(total: number, shard: Shard): number[] {
  const units: number[] = [];
  for (let k = shard.index - 1; k < total; k += shard.count) units.push(k);
  return units;
}
