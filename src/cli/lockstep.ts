/**
 * A search in lockstep: task runners that number the runs a search asks for (k = 0, 1, … over the whole
 * search, in the order asked, which is the same in every process running the same search) and answer them
 * from the shared folder (a shard) or from the parts (a merge) instead of the simulation alone.
 */
import type { TaskRunner } from '../analysis/replications.js';
import type { ReplicationTask, TaskOutcome } from '../analysis/replication-task.js';
import { hashOf, type Exchange } from './exchange.js';
import { partError } from './part-file.js';
import { taskKey } from './run-shard.js';
import type { Shard } from './shard.js';

/** What a part holds for one run: the hash of its task and its outcome. */
export interface RunRecord {
  task: string;
  outcome: TaskOutcome;
}

/** The hash of what a run computes (its kind, replication index and scenario). */
export function taskHash(task: ReplicationTask): string {
  return hashOf(taskKey(task));
}

/** A shard's runner: its own runs simulated on `inner` (or reused from the folder), the others awaited. */
export interface LockstepRunner extends TaskRunner {
  /** This shard's runs, by run number. */
  readonly mine: Map<number, RunRecord>;
  /** How many runs the search has asked for so far. */
  runs(): number;
}

export function lockstepRunner(inner: TaskRunner, exchange: Exchange, shard: Shard): LockstepRunner {
  const mine = new Map<number, RunRecord>();
  let next = 0;
  /** This shard's run `k`: from the folder when an earlier start of this shard wrote it, else simulated. */
  const own = async (k: number, task: ReplicationTask, hash: string, onProgress?: (f: number) => void) => {
    const found = await exchange.read(k, hash);
    let outcome: TaskOutcome;
    if (found !== null && 'outcome' in found) outcome = found.outcome as TaskOutcome;
    else {
      try {
        outcome = await inner.run(task, onProgress);
      } catch (error) {
        await exchange.publishFailure(k, hash, error as Error);
        throw error;
      }
      await exchange.publish(k, hash, outcome);
    }
    mine.set(k, { task: hash, outcome });
    return outcome;
  };
  return {
    concurrency: inner.concurrency,
    mine,
    runs: () => next,
    run(task, onProgress) {
      const k = next++;
      const hash = taskHash(task);
      if (exchange.ownerOf(k).index === shard.index) return own(k, task, hash, onProgress);
      return exchange.wait(k, hash) as Promise<TaskOutcome>;
    },
  };
}

/**
 * The merge's runner: run k answered with the parts' run k, whose task must be the one the replayed search
 * asks for. `used()` says how many runs the search took, which must be all the parts hold.
 */
export function lockstepReplay(records: readonly unknown[], file: string): TaskRunner & { used(): number } {
  let next = 0;
  return {
    concurrency: Math.max(1, records.length),
    used: () => next,
    run(task) {
      const k = next++;
      const record = records[k] as Partial<RunRecord> | undefined;
      if (k >= records.length) {
        return Promise.reject(
          partError(
            file,
            '$.outcomes',
            `the search needs run ${k}, which no part holds (they hold ${records.length})`,
          ),
        );
      }
      if (typeof record !== 'object' || record === null || record.task !== taskHash(task)) {
        return Promise.reject(
          partError(
            file,
            '$.outcomes',
            `run ${k} in the parts is not the run the search asks for there (another task)`,
          ),
        );
      }
      return Promise.resolve(record.outcome as TaskOutcome);
    },
  };
}
