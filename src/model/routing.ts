/**
 * How a queue hands messages onward without knowing the rest of the network: the network implements
 * this. Destinations are integers: queues first (0…Q−1), then exchanges (Q…).
 */
export interface MessageRouter {
  /** Publishes a message to a queue or exchange; returns how many deliveries are blocked (back-pressure). */
  publish(message: number, destination: number, publisher: number, now: number): number;
  /** A blocked delivery of `publisher` went through; the publisher resumes once none is left. */
  deliveryUnblocked(publisher: number, now: number): void;
  /** Every consumer of queue `destination` now waits on a blocked onward delivery (a deadlock may have formed). */
  consumersStalled(destination: number, now: number): void;
}
