/**
 * The frame every study command runs in: the run-size check, the worker pool (or this thread), the
 * progress display and the wall-clock timing, so that each command's handler says only what it studies.
 * The runner and the timing are the library's (`api/runner.ts`); the check and the display are the CLI's.
 */
import type { RunSize } from '../analysis/run-size.js';
import type { TaskRunner } from '../analysis/replications.js';
import { parseWholeNumber } from '../api/option-values.js';
import { defaultWorkers, timedOn, withRunner, type TimedStudy } from '../api/runner.js';
import { packageVersion, writeStderr } from './io.js';
import { progressBar, studyProgress, type ProgressBar, type ProgressScale } from './progress.js';
import { confirmRunSize, type RunSizeArgs } from './run-size-gate.js';

export { parallelTasks } from '../api/runner.js';

/** What a study command tells the frame. */
export interface StudySessionOptions {
  /** `--yes`, `--quiet`, `--workers`, `--redis` and `--json` as given. */
  args: RunSizeArgs & { workers?: string; redis?: string; json?: boolean };
  /** The study's estimated size, checked before anything runs. */
  size: RunSize;
  timeBudgetSeconds: number | null;
  /** The most runs the study may have in flight at once: more threads than this would idle. */
  tasks: number;
  /** Show progress on stderr at this scale; no progress when absent. */
  progress?: ProgressScale;
}

/** What the study returned, how long it took and on how many threads. */
export type StudySessionResult<T> = TimedStudy<T>;

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
  const workers = workerCount(args.workers);
  const bar =
    options.progress === undefined
      ? progressBar(false)
      : studyProgress({ quiet: args.quiet, json: args.json ?? false }, options.progress);
  try {
    if (args.redis !== undefined) return await onRedis(args.redis, options, (runner) => study(runner, bar));
    return await withRunner(options.tasks, workers, (runner) => study(runner, bar));
  } finally {
    bar.stop();
  }
}

/**
 * `--redis URL`: the units go to `queuesim worker` processes (BullMQ and ioredis load only then). The
 * study's code and its output are the local run's; only where each unit runs differs.
 */
async function onRedis<T>(
  url: string,
  options: StudySessionOptions,
  study: (runner: TaskRunner) => Promise<T>,
): Promise<StudySessionResult<T>> {
  const [{ redisRunner }, { redactedUrl }] = await Promise.all([
    import('../api/redis-runner.js'),
    import('../api/redis-queue.js'),
  ]);
  const runner = await redisRunner(url, {
    version: packageVersion(),
    concurrency: options.tasks,
    onNoWorkers: options.args.quiet
      ? undefined
      : (queue) =>
          writeStderr(
            `queuesim: no worker is serving queue ${queue} on ${redactedUrl(url)} yet; the units wait for 'queuesim worker --redis URL'`,
          ),
  });
  return timedOn(runner, study);
}

/** Worker threads for `--workers`: every core when the flag is absent. */
export function workerCount(value: string | undefined): number {
  return value === undefined ? defaultWorkers() : parseWholeNumber('--workers', value, 1);
}
