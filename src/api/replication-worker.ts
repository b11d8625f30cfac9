/**
 * The worker-thread entry of the replication pool: runs one task and writes its progress (the fraction of
 * simulated time done) into a shared cell the main thread reads for the progress bar.
 */
import { runTask, type ReplicationTask, type TaskOutcome } from '../analysis/replication-task.js';
import { RunStoppedError, type BacklogStop } from '../model/backlog-limit.js';

export interface WorkerRequest {
  task: ReplicationTask;
  /** One Float64 cell: the task's progress in [0, 1]. */
  progress: SharedArrayBuffer;
}

/** A run stopped by its backlog limit, as a plain object: an error's class does not cross threads. */
export interface StoppedOutcome {
  kind: 'stopped';
  stop: BacklogStop;
}

/** Piscina calls the default export with each task. */
export default function runInWorker({ task, progress }: WorkerRequest): TaskOutcome | StoppedOutcome {
  const cell = new Float64Array(progress);
  try {
    return runTask(task, (fraction) => {
      cell[0] = fraction;
    });
  } catch (error) {
    if (error instanceof RunStoppedError) return { kind: 'stopped', stop: error.stop };
    throw error;
  }
}
