/**
 * The unit of work a worker thread (or the main thread, serially) carries out: one replication, one
 * pilot series for warm-up detection, or one batch-means run. A task is plain data and its outcome depends
 * only on the task — the scenario, the seed and the replication index — never on the thread that runs it.
 */
import { simulateBatches } from '../model/batch-run.js';
import { recordInSystemSeries } from '../model/in-system-series.js';
import type { RunProfile, RunResult } from '../model/run-result.js';
import { simulate } from '../model/simulate.js';
import type { Scenario } from '../scenario/types.js';
import { aggregateReplications } from './aggregate.js';
import { unconvergedMetrics } from './precision.js';

export type ReplicationTask =
  | {
      kind: 'replication';
      scenario: Scenario;
      index: number;
      /** Epoch milliseconds at which the run stops where it is (the time budget); absent = none. */
      deadline?: number | null;
    }
  | { kind: 'series'; scenario: Scenario; index: number; points: number }
  | {
      kind: 'batches';
      scenario: Scenario;
      batches: number;
      maxBatches: number;
      precision: number | null;
      /** Epoch milliseconds after which no further batch starts; null = no limit. */
      deadline: number | null;
      /** Epoch milliseconds at which the run stops mid-batch (the time budget, hard); absent = none. */
      hardDeadline?: number | null;
    }
  /** A single run cut into `batches` (the same streams as replication 0): its SLO metrics' intervals. */
  | { kind: 'run-in-batches'; scenario: Scenario; batches: number; deadline?: number | null };

export type TaskOutcome =
  | { kind: 'replication'; result: RunResult; profile: RunProfile }
  | { kind: 'series'; series: Record<string, number[]> }
  | { kind: 'batches'; batches: RunResult[]; whole: RunResult; stoppedBy: BatchStop }
  | { kind: 'run-in-batches'; batches: RunResult[] };

/** Why a precision-driven batch-means run stopped growing. */
export type BatchStop = 'precision' | 'max-duration' | 'time-budget';

/**
 * Names the random streams of replication `index`: replication 0 uses the scenario seed itself, so a
 * one-replication run is the plain run; replication i > 0 uses "<seed>/rep<i>", an independent stream set.
 */
export function replicationStreamSeed(seed: number, index: number): number | string {
  return index === 0 ? seed : `${seed}/rep${index}`;
}

/** Carries out one task; `onProgress` hears the fraction of its simulated time done. */
export function runTask(task: ReplicationTask, onProgress?: (fraction: number) => void): TaskOutcome {
  switch (task.kind) {
    case 'replication': {
      const streamSeed = replicationStreamSeed(task.scenario.seed, task.index);
      const { result, profile } = simulate(task.scenario, {
        streamSeed,
        onProgress,
        deadline: task.deadline,
      });
      return { kind: 'replication', result, profile };
    }
    case 'series': {
      const series = recordInSystemSeries(task.scenario, {
        streamSeed: replicationStreamSeed(task.scenario.seed, task.index),
        horizonSeconds: task.scenario.durationSeconds,
        points: task.points,
        onProgress,
      });
      return { kind: 'series', series };
    }
    case 'batches':
      return runBatchMeans(task, onProgress);
    case 'run-in-batches': {
      const batches = simulateBatches(task.scenario, {
        streamSeed: replicationStreamSeed(task.scenario.seed, 0),
        batches: task.batches,
        maxBatches: task.batches,
        onProgress,
        deadline: task.deadline,
      });
      return { kind: 'run-in-batches', batches };
    }
  }
}

/**
 * Batch means: one long run cut into batches (extended batch by batch while the precision is not met),
 * then the same run — same streams, same length — measured in one piece for the point estimates, since
 * averaging per-batch percentiles would bias them low. The second pass doubles the cost, not the memory.
 * With a hard deadline the batch pass gets the first half of the time left, since the second pass over the
 * batches it finished takes about as long; with fewer than two batches finished, `whole` is the run
 * simulated again in the second half, cut where the deadline stops it.
 */
function runBatchMeans(
  task: Extract<ReplicationTask, { kind: 'batches' }>,
  onProgress?: (fraction: number) => void,
): TaskOutcome {
  const streamSeed = task.scenario.seed;
  let stoppedBy: BatchStop = 'max-duration';
  const hard = task.hardDeadline ?? null;
  const batchDeadline = hard === null ? null : Date.now() + (hard - Date.now()) / 2;
  const batches = simulateBatches(task.scenario, {
    streamSeed,
    batches: task.batches,
    maxBatches: task.maxBatches,
    onProgress: onProgress && ((fraction) => onProgress(fraction / 2)),
    deadline: batchDeadline,
    shouldContinue: (done) => {
      if (task.precision === null) return false;
      // Mid-run the centres are the batch means (the whole-run values come after); relative widths agree.
      if (unconvergedMetrics(aggregateReplications(done), task.precision).length === 0) {
        stoppedBy = 'precision';
        return false;
      }
      if (task.deadline !== null && Date.now() >= task.deadline) {
        stoppedBy = 'time-budget';
        return false;
      }
      return true;
    },
  });
  if (batches.length < 2) {
    // Too little finished for batch means: the run itself, cut at the deadline, is all there is.
    const { result } = simulate(task.scenario, { streamSeed, deadline: hard });
    return { kind: 'batches', batches, whole: result, stoppedBy: 'time-budget' };
  }
  if (batches.length < task.batches) stoppedBy = 'time-budget';
  const measuredSeconds = batches.length * batches[0].measuredSeconds;
  const whole = simulate(
    { ...task.scenario, durationSeconds: measuredSeconds },
    { streamSeed, onProgress: onProgress && ((fraction) => onProgress(0.5 + fraction / 2)) },
  ).result;
  return { kind: 'batches', batches, whole, stoppedBy };
}
