/**
 * Replications on worker threads (piscina). The worker is the build's `replication-worker.js` entry, beside
 * this code's `import.meta.url` (in dist/cli, the bin's, which program.cjs receives; in dist/lib, this
 * chunk's), so each thread loads the bundle once when the pool starts; or the `.ts` source run through tsx
 * when queuesim runs from source (tests, `node --import tsx src/cli/main.ts`). Each task's outcome depends
 * only on the task, so a pool of any size gives the serial runner's results.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { TaskRunner } from '../analysis/replications.js';
import type { ReplicationTask, TaskOutcome } from '../analysis/replication-task.js';
import { RunStoppedError } from '../model/backlog-limit.js';
import type { StoppedOutcome, WorkerRequest } from './replication-worker.js';

/** How often the main thread reads the workers' progress cells, milliseconds. */
const PROGRESS_POLL_MS = 100;

/** The file URL of tsx's loader, resolved from queuesim's own dependencies. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** The worker module beside this one, and the Node flags it needs to load. */
function workerEntry(): { filename: string; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(`./replication-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href;
  const hasTsx = process.execArgv.some((flag) => flag.includes('tsx'));
  // Threads inherit the parent's flags; a test runner's process may not load tsx itself. The loader is
  // named by its resolved path: a bare `tsx` would be looked up from the working directory.
  const execArgv =
    fromSource && !hasTsx ? [...process.execArgv, '--import', tsxLoader()] : [...process.execArgv];
  return { filename, execArgv };
}

/** A task runner on `threads` worker threads; close it when done. */
export function workerPoolRunner(threads: number): TaskRunner & { close(): Promise<void> } {
  const { filename, execArgv } = workerEntry();
  const pool = new Piscina({ filename, minThreads: threads, maxThreads: threads, execArgv });
  const watched = new Map<Float64Array, (fraction: number) => void>();
  let timer: NodeJS.Timeout | undefined;
  const poll = () => {
    for (const [cell, onProgress] of watched) if (cell[0] > 0) onProgress(cell[0]);
  };
  return {
    concurrency: threads,
    async run(task: ReplicationTask, onProgress?: (fraction: number) => void): Promise<TaskOutcome> {
      const progress = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
      const cell = new Float64Array(progress);
      if (onProgress) {
        watched.set(cell, onProgress);
        timer ??= setInterval(poll, PROGRESS_POLL_MS);
      }
      try {
        const outcome = (await pool.run({ task, progress } satisfies WorkerRequest)) as
          TaskOutcome | StoppedOutcome;
        if (outcome.kind === 'stopped') throw new RunStoppedError(outcome.stop);
        return outcome;
      } finally {
        watched.delete(cell);
        if (watched.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      }
    },
    async close() {
      if (timer) clearInterval(timer);
      await pool.destroy();
    },
  };
}
