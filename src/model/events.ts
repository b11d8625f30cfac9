/** The integer event kinds the model schedules on the engine's calendar. */
export const EVENT_ARRIVAL = 0; // target: producer index
export const EVENT_SERVICE_END = 1; // target: queue index, payload: message handle
export const EVENT_REDELIVERY = 2; // target: queue index, payload: message handle (back-off over)
export const EVENT_TIMEOUT = 3; // target: queue index, payload: message handle (visibility timeout)
export const EVENT_EXPIRY_CHECK = 4; // target: queue index (TTL of the oldest ready message; a topic's retention)
export const EVENT_AUTOSCALE_POLL = 5; // target: queue index; payload: the clock (0 HPA sync, 1 KEDA poll)
export const EVENT_CONSUMER_STARTED = 6; // target: queue index, payload unused (startup time over; cancelled by handle)
export const EVENT_REBALANCE_END = 7; // target: topic's queue index, payload unused (cancelled by handle when superseded)

/**
 * Tie-break priorities for simultaneous events: a consumer finishing frees its slot before a message
 * arriving at the same instant looks for one (the usual convention, and what M/D/1 theory assumes);
 * messages that become visible again queue before new arrivals; expiry (and retention) is checked next,
 * then a topic's rebalance ends; an autoscaler polls last, seeing the state after everything else at that
 * instant. A started consumer joins like a consumer finishing: before arrivals at the same instant.
 */
export const PRIORITY_SERVICE_END = 0;
export const PRIORITY_TIMEOUT = 1;
export const PRIORITY_REDELIVERY = 2;
export const PRIORITY_ARRIVAL = 3;
export const PRIORITY_EXPIRY = 4;
export const PRIORITY_REBALANCE = 5;
export const PRIORITY_AUTOSCALE = 6;
export const PRIORITY_CONSUMER_STARTED = PRIORITY_SERVICE_END;

/** What happened to a message offered to a queue (hot path: status codes, not exceptions). */
export const OFFER_ACCEPTED = 0;
export const OFFER_REFUSED = 1;
export const OFFER_BLOCKED = 2;

/** Overflow policies as integers. */
export const OVERFLOW_REJECT_NEW = 0;
export const OVERFLOW_DROP_OLDEST = 1;
export const OVERFLOW_BLOCK = 2;

/** Publisher code of a message that nobody waits for (a dead-letter hop). */
export const NO_PUBLISHER = -1;
