/**
 * What happens after a consumer's attempt at a message, the same for queues and topics: a success goes
 * on by the onward routes (or leaves the network), possibly holding its consumer while a blocked onward
 * delivery waits; a failure is retried after the back-off, requeued at once, or, past the delivery limit,
 * given up to the dead-letter queue or lost. The station keeps only what is its own: where a ready
 * message waits (a queue's ready list, a topic's partition head) and what it lets go of on giving up.
 */
import {
  LOSS_EXHAUSTED,
  RETRY_DELAYED,
  RETRY_NONE,
  RETRY_REQUEUED,
  type QueueProbe,
} from '../metrics/index.js';
import { EVENT_REDELIVERY, PRIORITY_REDELIVERY } from './events.js';
import type { HeldAcknowledgements } from './held-acknowledgements.js';
import { completeInNetwork, goesToDeadLetter, loseMessage } from './message-exits.js';
import type { OnwardRoutes } from './onward-routes.js';
import type { QueueContext } from './queue-context.js';
import type { RetryPolicy } from './retry-policy.js';

/** The station-specific steps of a failed attempt. */
export interface RetryingStation {
  /** The message is given up (dead-lettered or lost next): the station lets go of it first. */
  givingUp(message: number, deadLettered: boolean, now: number): void;
  /** A failed message with no back-off is ready again now, where the station keeps ready messages. */
  readyAgain(message: number, now: number): void;
}

/** Where a station's attempts lead: its onward routes, its retry policy and its dead-letter queue. */
export interface AttemptOutcomeOptions {
  /** The station's position in the network (the target of its redelivery events). */
  index: number;
  /** Destination index of the dead-letter queue, or -1. */
  deadLetter: number;
  /** Publisher code of worker 0 (workers publish onward as `firstPublisher + worker`). */
  firstPublisher: number;
  retry: RetryPolicy;
  onward: OnwardRoutes;
  /** Workers holding a finished message until its blocked onward deliveries go through. */
  held: HeldAcknowledgements;
  context: QueueContext;
  probe: QueueProbe;
}

/** The success and failure branches shared by `Queue` and `Topic`. */
export class AttemptOutcome {
  constructor(private readonly options: AttemptOutcomeOptions) {}

  /**
   * A successful attempt by `worker`: the message goes onward or leaves the network. True when the
   * worker is free now; false when it is held until a blocked onward delivery goes through.
   */
  succeeded(message: number, worker: number, duplicate: boolean, now: number): boolean {
    const { context, probe, onward } = this.options;
    const { messages } = context;
    const enteredAt = messages.enteredQueueAt[message]; // an onward publish may reuse it downstream
    const destination = onward.choose();
    const routes = context.routes;
    if (destination < 0) {
      probe.completed(now, now - enteredAt, duplicate);
      if (routes !== null) routes.completed(messages, message, this.options.index, now);
      completeInNetwork(messages, context.flows, message, now);
      return true;
    }
    if (routes !== null) routes.passed(messages, message, this.options.index);
    const publisher = this.options.firstPublisher + worker;
    const blocked = context.router.publish(message, destination, publisher, now);
    if (blocked === 0) {
      probe.completed(now, now - enteredAt, duplicate);
      return true;
    }
    // The consumer stays busy and the message here until the onward publish goes through.
    this.options.held.hold(worker, blocked, now, enteredAt, duplicate);
    return false;
  }

  /** A blocked onward delivery of `worker` went through: true when it was the last, and the worker is free. */
  deliveryThrough(worker: number, now: number): boolean {
    const { held, probe } = this.options;
    if (!held.deliveryThrough(worker)) return false;
    probe.consumerBlocked(held.blockedSince(worker), now);
    probe.completed(now, now - held.messageEnteredAt(worker), held.isDuplicate(worker));
    return true;
  }

  /** A failed attempt: given up past the delivery limit, redelivered after the back-off, or requeued now. */
  failed(message: number, station: RetryingStation, now: number): void {
    const { context, probe, retry } = this.options;
    const { messages } = context;
    const attempts = messages.attempts[message];
    if (retry.exhausted(attempts)) {
      probe.failed(now, RETRY_NONE);
      const { deadLetter } = this.options;
      const deadLettered = goesToDeadLetter(messages, message, deadLetter);
      probe.exhausted(now, deadLettered);
      station.givingUp(message, deadLettered, now);
      loseMessage(context, message, LOSS_EXHAUSTED, deadLetter, deadLettered, now);
      return;
    }
    const delay = retry.delaySeconds(attempts);
    if (delay > 0) {
      probe.failed(now, RETRY_DELAYED);
      context.simulation.schedule(delay, PRIORITY_REDELIVERY, EVENT_REDELIVERY, this.options.index, message);
    } else {
      probe.failed(now, RETRY_REQUEUED);
      messages.readyAt[message] = now;
      station.readyAgain(message, now);
    }
  }
}
