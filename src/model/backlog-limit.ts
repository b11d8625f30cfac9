/** The guard that stops a run before an overloaded queue exhausts memory. */
import { groupThousands } from '../math/thousands.js';

/** Thrown by the message pool when the run would hold more messages at once than its limit. */
export class BacklogLimitReached extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} messages in the system at once`);
    this.name = 'BacklogLimitReached';
  }
}

/** What a run stopped by its backlog limit tells the user: when, and which queues held the messages. */
export interface BacklogStop {
  /** Simulated time, seconds from the start (warm-up included). */
  at: number;
  limit: number;
  /** The queues holding the most waiting messages, most first (at most three). */
  fullest: Array<{ queue: string; waiting: number }>;
}

/** A run that had to stop: thrown out of `simulate` (and carried across worker threads by its fields). */
export class RunStoppedError extends Error {
  constructor(readonly stop: BacklogStop) {
    const where = stop.fullest.map((entry) => `${entry.queue} (${groupThousands(entry.waiting)} waiting)`);
    super(
      `the run was stopped at ${stop.at.toPrecision(4)} s of simulated time: ${groupThousands(stop.limit)} messages ` +
        `were in the system at once, the limit (max-backlog). Most were waiting at ${where.join(', ')}. ` +
        'A queue whose consumers cannot keep up grows without end: add consumers or a capacity, ' +
        'or raise the limit with --max-backlog (about 90 bytes a message).',
    );
    this.name = 'RunStoppedError';
  }
}
