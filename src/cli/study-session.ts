/**
 * The frame every study command runs in: the run-size check, the worker pool (or this thread), the
 * progress display and the wall-clock timing, so that each command's handler says only what it studies.
 */
import { availableParallelism } from 'node:os';
import type { RunSize } from '../analysis/run-size.js';
import { serialRunner, type TaskRunner } from '../analysis/replications.js';
import { wantsSloBatches } from '../analysis/slo-batch-intervals.js';
import { MAX_PILOT_REPLICATIONS, planStudy } from '../analysis/study-plan.js';
import type { Scenario } from '../scenario/types.js';
import { parseWholeNumber } from './command-line.js';
import { progressBar, studyProgress, type ProgressBar, type ProgressScale } from './progress.js';
import { confirmRunSize, type RunSizeArgs } from './run-size-gate.js';

/** What a study command tells the frame. */
export interface StudySessionOptions {
  /** `--yes`, `--quiet`, `--workers` and `--json` as given. */
  args: RunSizeArgs & { workers?: string; json?: boolean };
  /** The study's estimated size, checked before anything runs. */
  size: RunSize;
  timeBudgetSeconds: number | null;
  /** The most runs the study may have in flight at once: more threads than this would idle. */
  tasks: number;
  /** Show progress on stderr at this scale; no progress when absent. */
  progress?: ProgressScale;
}

/** What the study returned, how long it took and on how many threads. */
export interface StudySessionResult<T> {
  value: T;
  wallSeconds: number;
  threads: number;
}

/** Checks the size, then runs `study` on a runner with progress, closing both whatever happens. */
export async function runStudySession<T>(
  options: StudySessionOptions,
  study: (runner: TaskRunner, bar: ProgressBar) => Promise<T>,
): Promise<StudySessionResult<T>> {
  const { args } = options;
  confirmRunSize(options.size, {
    yes: args.yes,
    quiet: args.quiet,
    timeBudgetSeconds: options.timeBudgetSeconds,
  });
  const runner = await chooseRunner(options.tasks, workerCount(args.workers));
  const bar =
    options.progress === undefined
      ? progressBar(false)
      : studyProgress({ quiet: args.quiet, json: args.json ?? false }, options.progress);
  const startedAt = performance.now();
  try {
    const value = await study(runner, bar);
    return { value, wallSeconds: (performance.now() - startedAt) / 1000, threads: runner.concurrency };
  } finally {
    bar.stop();
    await runner.close?.();
  }
}

/** Worker threads for `--workers`: every core when the flag is absent. */
export function workerCount(value: string | undefined): number {
  return value === undefined ? availableParallelism() : parseWholeNumber('--workers', value, 1);
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
export async function chooseRunner(
  tasks: number,
  workers: number,
): Promise<TaskRunner & { close?(): Promise<void> }> {
  const threads = Math.min(tasks, workers);
  if (threads <= 1) return serialRunner();
  const { workerPoolRunner } = await import('./worker-pool.js');
  return workerPoolRunner(threads);
}
