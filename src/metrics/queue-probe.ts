/**
 * What the model tells metrics about one queue, as simmer's monitors are told. Every call carries the
 * simulated time; the collector integrates the queue's levels between calls.
 */
export interface QueueProbe {
  /** A message reached the queue and was refused (queue full). */
  rejected(now: number): void;
  /** A message reached the queue and now waits in it. */
  enqueued(now: number): void;
  /** A waiting message was handed to a consumer after waiting `waitSeconds`. */
  serviceStarted(now: number, waitSeconds: number): void;
  /** A consumer finished a message that entered the queue `sojournSeconds` ago. */
  completed(now: number, sojournSeconds: number): void;
}
