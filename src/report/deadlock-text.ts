/**
 * The warning for a deadlock of `block` queues, in one wording for the terminal and the HTML report: a
 * deadlocked run's quiet numbers (low throughput, idle consumers) describe a standstill, not a light load.
 */
import type { DeadlockResult } from '../model/run-result.js';
import { formatSeconds } from './format.js';

/** "DEADLOCK at 125ms: …" — when, which queues, what it means for the numbers, and what to change. */
export function describeDeadlock(deadlock: DeadlockResult, replications = 1): string {
  const queues = deadlock.queues.join(', ');
  const when =
    deadlock.deadlockedReplications !== undefined && replications > 1
      ? `in ${deadlock.deadlockedReplications} of ${replications} replications (first: replication ${deadlock.replication}, at ${formatSeconds(deadlock.at)})`
      : `at ${formatSeconds(deadlock.at)}`;
  return (
    `DEADLOCK ${when}: every consumer of ${queues} waits to publish into the next full block queue of a cycle, ` +
    `so nothing moves through ${deadlock.queues.length > 1 ? 'them' : 'it'} again and the statistics after that time describe a standstill, not a light load; ` +
    'give a queue in the cycle more capacity or consumers, or use another overflow policy on one of them'
  );
}
