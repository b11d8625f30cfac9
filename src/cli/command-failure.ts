/**
 * What the user hears when a command fails. Loaded only after a failure, so that `--help` and `--version`
 * load none of the modules whose errors it knows.
 */
import { NoPairFinished } from '../analysis/compare.js';
import { RedisQueueError } from '../api/redis-queue.js';
import { RunStoppedError } from '../model/backlog-limit.js';
import { ScenarioError, formatProblems } from '../scenario/index.js';
import { EXIT_BAD_INPUT } from './io.js';
import { RunTooLongError } from './run-size-gate.js';

/** The message and exit code of a failure the user can fix; null for anything else (a bug). */
export function explainFailure(error: unknown): { message: string; exitCode: number } | null {
  if (error instanceof ScenarioError) {
    return { message: formatProblems(error.problems), exitCode: EXIT_BAD_INPUT };
  }
  if (
    error instanceof RunStoppedError ||
    error instanceof RunTooLongError ||
    error instanceof NoPairFinished ||
    error instanceof RedisQueueError
  ) {
    return { message: `queuesim: ${error.message}`, exitCode: EXIT_BAD_INPUT };
  }
  return null;
}
