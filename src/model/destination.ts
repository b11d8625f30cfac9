/**
 * What the network, producers and exchanges call on a place messages are published to and consumed from:
 * a plain queue (queue.ts) or a partitioned topic (topic.ts). The network dispatches calendar events to
 * destinations by index without knowing which kind each one is.
 */
export interface Destination {
  /** A message is published here: OFFER_ACCEPTED, OFFER_REFUSED or OFFER_BLOCKED. */
  offer(message: number, now: number, publisher: number): number;
  /** A consumer finished processing `message` (EVENT_SERVICE_END). */
  finishService(message: number, now: number): void;
  /** A failed message's back-off is over (EVENT_REDELIVERY). */
  redeliver(message: number, now: number): void;
  /** A visibility timeout ran out while `message` was processed (EVENT_TIMEOUT). */
  timeOut(message: number, now: number): void;
  /** Time to delete expired messages (EVENT_EXPIRY_CHECK: TTL or retention). */
  checkExpiry(now: number): void;
  /** A blocked onward delivery of consumer `worker` went through. */
  workerUnblocked(worker: number, now: number): void;
}
