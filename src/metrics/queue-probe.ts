/**
 * What the model tells metrics about one queue, as simmer's monitors are told. Every call carries the
 * simulated time; the collector integrates the queue's levels (ready, buffered in consumers, in
 * processing, delayed for redelivery) between calls. Integer codes keep the hot path allocation-free.
 */

/** Why a message left a queue without being processed. */
export const LOSS_REJECTED = 0; // refused: the queue was full (reject-new)
export const LOSS_DROPPED_HEAD = 1; // discarded to make room (drop-oldest)
export const LOSS_EXPIRED = 2; // waited longer than the queue's TTL
export const LOSS_EXHAUSTED = 3; // failed its last allowed attempt (delivery limit)

/** What happened after a failed processing attempt. */
export const RETRY_REQUEUED = 0; // ready again at once
export const RETRY_DELAYED = 1; // ready again after a back-off
export const RETRY_NONE = 2; // exhausted (reported separately through `lost`) or superseded by a timeout copy

export interface QueueProbe {
  /** A new message entered the ready list. */
  accepted(now: number): void;
  /** A new message was refused at the door (full queue); `deadLettered` if it went to the DLQ. */
  refused(now: number, deadLettered: boolean): void;
  /** A ready message was removed unprocessed for `reason` (dropped head or expired). */
  discarded(now: number, reason: number, deadLettered: boolean): void;
  /** A ready message was handed to a busy consumer's prefetch buffer. */
  buffered(now: number): void;
  /** A consumer started a message (from the ready list or its buffer) that had waited `waitSeconds`. */
  serviceStarted(now: number, waitSeconds: number, fromBuffer: boolean): void;
  /** A consumer finished a message `sojournSeconds` after it entered the queue. */
  completed(now: number, sojournSeconds: number, duplicate: boolean): void;
  /** A processing attempt failed; `retry` says what became of the message (RETRY_*). */
  failed(now: number, retry: number): void;
  /** A failed message was given up (exhausted), `deadLettered` if it went to the DLQ. */
  exhausted(now: number, deadLettered: boolean): void;
  /** A failed attempt whose message a visibility timeout had already made visible again. */
  abandoned(now: number): void;
  /** A delayed redelivery became ready again. */
  redelivered(now: number): void;
  /** A visibility timeout made a copy of a message in processing ready again. */
  timedOut(now: number): void;
  /**
   * A visibility timeout ran out on a message already delivered the most times allowed: its copy is
   * exhausted instead of made ready (`deadLettered` if it went to the DLQ), as SQS past `maxReceiveCount`.
   */
  timedOutPastLimit(now: number, deadLettered: boolean): void;
  /** A publisher blocked on this full queue since `sinceSeconds` went through at `now` (back-pressure). */
  blocked(sinceSeconds: number, now: number): void;
  /** A consumer blocked on an onward publish since `sinceSeconds` (busy all along) went through at `now`. */
  consumerBlocked(sinceSeconds: number, now: number): void;
  /** A retiring consumer gave back a prefetched message: it is ready again. */
  unbuffered(now: number): void;
  /** The consumers provisioned (paid for: starting, working or finishing before they leave) changed by `delta`. */
  consumersChanged(now: number, delta: number): void;
}
