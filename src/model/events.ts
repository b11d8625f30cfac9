/** The integer event kinds the model schedules on the engine's calendar. */
export const EVENT_ARRIVAL = 0; // target: producer index
export const EVENT_SERVICE_END = 1; // target: queue index, payload: message handle

/**
 * Tie-break priorities for simultaneous events: a consumer finishing frees its slot before a message
 * arriving at the same instant looks for one (the usual convention, and what M/D/1 theory assumes).
 */
export const PRIORITY_SERVICE_END = 0;
export const PRIORITY_ARRIVAL = 1;

/** What happened to a message offered to a queue (hot path: status codes, not exceptions). */
export const OFFER_STARTED = 0;
export const OFFER_ENQUEUED = 1;
export const OFFER_REJECTED = 2;
