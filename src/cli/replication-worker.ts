/**
 * The worker-thread entry of the replication pool: runs one task and writes its progress (the fraction of
 * simulated time done) into a shared cell the main thread reads for the progress bar.
 */
import { runTask, type ReplicationTask, type TaskOutcome } from '../analysis/replication-task.js';

export interface WorkerRequest {
  task: ReplicationTask;
  /** One Float64 cell: the task's progress in [0, 1]. */
  progress: SharedArrayBuffer;
}

/** Piscina calls the default export with each task. */
export default function runInWorker({ task, progress }: WorkerRequest): TaskOutcome {
  const cell = new Float64Array(progress);
  return runTask(task, (fraction) => {
    cell[0] = fraction;
  });
}
