/**
 * Where a study's runs go: this thread for one run at a time, else a pool of worker threads. The command
 * line and the library choose the same way, so a study gives the same result through either.
 */
import { availableParallelism } from 'node:os';
import { serialRunner, type TaskRunner } from '../analysis/replications.js';
import { wantsSloBatches } from '../analysis/slo-batch-intervals.js';
import { MAX_PILOT_REPLICATIONS, planStudy } from '../analysis/study-plan.js';
import type { Scenario } from '../scenario/types.js';

/** A runner that may hold threads: close it when done. */
export type ClosableRunner = TaskRunner & { close?(): Promise<void> };

/** The threads every library study call takes. */
export interface StudyCallOptions {
  /** Worker threads for replications (default: one per core); 1 runs everything on the calling thread. */
  workers?: number;
}

/** What a study returned, how long it took and on how many threads. */
export interface TimedStudy<T> {
  value: T;
  wallSeconds: number;
  threads: number;
}

/** Worker threads when the caller names none: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** The most runs the study may have in flight at once (pilot series included). */
export function parallelTasks(scenario: Scenario): number {
  const plan = planStudy(scenario);
  if (plan.method === 'batches') return 1; // one long run
  const pilots = scenario.warmupAuto ? Math.min(plan.replications, MAX_PILOT_REPLICATIONS) : 1;
  // A single run with SLOs is simulated twice at once: whole, and cut into batches for the verdicts' CIs.
  const runs = plan.method === 'single' && wantsSloBatches(scenario) ? 2 : plan.replications;
  return Math.max(pilots, plan.precision === null ? runs : plan.maxReplications);
}

/** This thread for one run at a time, else a pool of at most `workers` threads (loaded only then). */
export async function chooseRunner(tasks: number, workers: number): Promise<ClosableRunner> {
  const threads = Math.min(tasks, workers);
  if (threads <= 1) return serialRunner();
  const { workerPoolRunner } = await import('./worker-pool.js');
  return workerPoolRunner(threads);
}

/** Runs `study` on a runner chosen for `tasks` runs on `workers` threads, timed, closing the runner after. */
export async function withRunner<T>(
  tasks: number,
  workers: number,
  study: (runner: TaskRunner) => Promise<T>,
): Promise<TimedStudy<T>> {
  return timedOn(await chooseRunner(tasks, workers), study);
}

/** Runs `study` on `runner`, timed, and closes the runner after (whatever the runner: threads or Redis). */
export async function timedOn<T>(
  runner: ClosableRunner,
  study: (runner: TaskRunner) => Promise<T>,
): Promise<TimedStudy<T>> {
  const startedAt = performance.now();
  try {
    const value = await study(runner);
    return { value, wallSeconds: (performance.now() - startedAt) / 1000, threads: runner.concurrency };
  } finally {
    await runner.close?.();
  }
}
