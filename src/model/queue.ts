import type { RandomStream } from '../engine/index.js';
import {
  LOSS_DROPPED_HEAD,
  LOSS_EXHAUSTED,
  LOSS_EXPIRED,
  LOSS_REJECTED,
  RETRY_NONE,
  type QueueProbe,
} from '../metrics/index.js';
import { AttemptOutcome, type RetryingStation } from './attempt-outcome.js';
import { WORKER_LEFT, type ConsumerPool } from './consumer-pool.js';
import type { WaitedOnQueue } from './deadlock-watch.js';
import type { Destination } from './destination.js';
import { HeldAcknowledgements } from './held-acknowledgements.js';
import {
  EVENT_EXPIRY_CHECK,
  EVENT_SERVICE_END,
  EVENT_TIMEOUT,
  NO_PUBLISHER,
  OFFER_ACCEPTED,
  OFFER_BLOCKED,
  OFFER_REFUSED,
  OVERFLOW_BLOCK,
  OVERFLOW_DROP_OLDEST,
  PRIORITY_EXPIRY,
  PRIORITY_SERVICE_END,
  PRIORITY_TIMEOUT,
} from './events.js';
import { completeInNetwork, goesToDeadLetter, loseMessage } from './message-exits.js';
import { MessageRing } from './message-ring.js';
import { FLAG_DUPLICATE, FLAG_SUPERSEDED } from './message-pool.js';
import { givenUpCopy, visibleCopy } from './visibility-timeout.js';
import type { ElasticConsumers } from './elastic-consumers.js';
import type { OnwardRoutes } from './onward-routes.js';
import { ReadyList } from './ready-list.js';
import type { RetryPolicy } from './retry-policy.js';
import type { QueueContext } from './queue-context.js';

/** A queue's fixed configuration, resolved to numbers (Infinity / null where unlimited or absent). */
export interface QueueSettings {
  name: string;
  /** Position in the network: the target of this queue's events and its destination number. */
  index: number;
  capacity: number;
  capacityBytes: number;
  overflow: number;
  ttlSeconds: number | null;
  timeoutSeconds: number | null;
  failureProbability: number;
  priorityLevels: number;
  /** Queue index of the dead-letter queue, or -1. */
  deadLetter: number;
  /** Publisher code of this queue's first worker (workers publish onward as `firstPublisher + worker`). */
  firstPublisher: number;
}

/** What a queue is built from (station-factory.ts assembles it). */
export interface QueueParts {
  settings: QueueSettings;
  consumers: ConsumerPool;
  retry: RetryPolicy;
  onward: OnwardRoutes;
  /** Decides failed attempts. */
  failureRandom: RandomStream;
  context: QueueContext;
  probe: QueueProbe;
}

/**
 * A message queue and the consumers that drain it: admission and overflow, TTL, delivery to consumers
 * with prefetch, failures with redelivery, visibility timeouts and onward publishing. As in RabbitMQ,
 * `capacity` counts ready messages only: a message held by a consumer no longer occupies the queue.
 */
export class Queue implements Destination, ElasticConsumers, WaitedOnQueue, RetryingStation {
  private readonly ready: ReadyList;
  private readyBytes = 0;
  /** Deliveries waiting for room (overflow: block) and who published them. */
  private readonly blockedMessages = new MessageRing();
  private readonly blockedPublishers = new MessageRing();
  /** Workers holding a finished message until its blocked onward deliveries go through (back-pressure). */
  private readonly held: HeldAcknowledgements;
  private expiryScheduled = false;
  /** Messages offered since the start (what a rate-based autoscaler reads). */
  private offered = 0;
  /** No failures, timeouts or onward routes: finishing a message takes the short path. */
  private readonly plain: boolean;
  private readonly outcome: AttemptOutcome;

  readonly settings: QueueSettings;
  readonly consumers: ConsumerPool;
  private readonly retry: RetryPolicy;
  /** Decides failed attempts. */
  private readonly failureRandom: RandomStream;
  private readonly context: QueueContext;
  private readonly probe: QueueProbe;

  constructor(parts: QueueParts) {
    const { settings, consumers, retry, onward, failureRandom, context, probe } = parts;
    this.settings = settings;
    this.consumers = consumers;
    this.retry = retry;
    this.failureRandom = failureRandom;
    this.context = context;
    this.probe = probe;
    this.ready = new ReadyList(settings.priorityLevels);
    this.held = new HeldAcknowledgements(consumers.capacity);
    // With routes tracked, every completion records its route: that is the general path's job.
    this.plain =
      settings.failureProbability === 0 &&
      settings.timeoutSeconds === null &&
      onward.isEmpty &&
      context.routes === null;
    const { index, deadLetter, firstPublisher } = settings;
    const held = this.held;
    this.outcome = new AttemptOutcome({
      index,
      deadLetter,
      firstPublisher,
      retry,
      onward,
      held,
      context,
      probe,
    });
  }

  /** A message is published to this queue: it is accepted, refused, or its publisher is blocked. */
  offer(message: number, now: number, publisher: number): number {
    this.offered++;
    if (this.blockedMessages.length === 0) {
      if (this.consumers.hasRoom()) {
        // The common case first: a consumer takes it at once (nobody is waiting then).
        this.accept(message, now);
        this.deliver(message, now);
        return OFFER_ACCEPTED;
      }
      if (this.hasRoomFor(message)) {
        this.accept(message, now);
        this.wait(message);
        return OFFER_ACCEPTED;
      }
    }
    return this.offerWhenFull(message, now, publisher);
  }

  /** The queue is full (or others are blocked before this one): apply the overflow policy. */
  private offerWhenFull(message: number, now: number, publisher: number): number {
    const { overflow } = this.settings;
    if (overflow === OVERFLOW_BLOCK && publisher !== NO_PUBLISHER) {
      this.context.messages.enteredQueueAt[message] = now; // blocked since
      this.blockedMessages.push(message);
      this.blockedPublishers.push(publisher);
      return OFFER_BLOCKED;
    }
    if (overflow === OVERFLOW_DROP_OLDEST && this.makeRoomFor(message, now)) {
      this.accept(message, now);
      this.wait(message);
      return OFFER_ACCEPTED;
    }
    const deadLettered = this.deadLetters(message);
    this.probe.refused(now, deadLettered);
    this.lose(message, LOSS_REJECTED, deadLettered, now);
    return OFFER_REFUSED;
  }

  /** A consumer finished processing `message`: success or failure, then onward publishing. */
  finishService(message: number, now: number): void {
    if (!this.plain) {
      this.finishServiceInGeneral(message, now);
      return;
    }
    // No failures, timeouts or onward routes: the message completes and leaves the network.
    const messages = this.context.messages;
    const worker = messages.consumer[message];
    this.probe.completed(now, now - messages.enteredQueueAt[message], false);
    this.leaveNetwork(message, now);
    this.acknowledge(worker, now);
  }

  /** finishService with failures, visibility-timeout copies or onward routes. */
  private finishServiceInGeneral(message: number, now: number): void {
    const { messages } = this.context;
    const worker = messages.consumer[message];
    const p = this.settings.failureProbability;
    if (p > 0 && this.failureRandom.next() < p) {
      this.handleFailure(message, now);
      this.acknowledge(worker, now);
      return;
    }
    const group = messages.group[message];
    const duplicate = group >= 0 && this.context.duplicates.complete(group);
    if (group >= 0) {
      this.context.duplicates.leave(group);
      messages.group[message] = -1;
    }
    if (duplicate) messages.flags[message] |= FLAG_DUPLICATE;
    if (this.outcome.succeeded(message, worker, duplicate, now)) {
      this.acknowledge(worker, now);
      return;
    }
    // Only now can a deadlock form (a wait is added), and only if no consumer of this queue is left free.
    if (this.held.count === this.consumers.size) {
      this.context.router.consumersStalled(this.settings.index, now);
    }
  }

  /** An onward delivery of `worker` that was blocked went through; it acknowledges once all have. */
  workerUnblocked(worker: number, now: number): void {
    if (this.outcome.deliveryThrough(worker, now)) this.acknowledge(worker, now);
  }

  /** When each consumer still blocked on an onward delivery was blocked, seconds (blocks open at the end). */
  openConsumerBlocksSince(): number[] {
    return this.held.openSince();
  }

  /**
   * True when no consumer of this queue can finish on its own: every one waits on a blocked onward
   * delivery, and no TTL can empty the ready list to let a blocked publisher in. (An autoscaler could
   * still add a consumer; the deadlock watch leaves autoscaled queues out.)
   */
  isStalled(): boolean {
    const size = this.consumers.size;
    return (
      size > 0 && this.held.count >= size && (this.settings.ttlSeconds === null || this.ready.length === 0)
    );
  }

  /** Consumers taking work now (retiring ones excluded). */
  consumerCount(): number {
    return this.consumers.size;
  }

  /** Publisher codes of the deliveries blocked on this queue, oldest first. */
  blockedPublisherCodes(): number[] {
    const ring = this.blockedPublishers;
    return Array.from({ length: ring.length }, (_, i) => ring.at(i));
  }

  /** When each delivery still blocked on this queue was blocked, seconds (blocks open at the end). */
  openBlocksSince(): number[] {
    const ring = this.blockedMessages;
    const since = this.context.messages.enteredQueueAt;
    return Array.from({ length: ring.length }, (_, i) => since[ring.at(i)]);
  }

  /** A failed message's back-off is over: it is ready again (redeliveries bypass the capacity). */
  redeliver(message: number, now: number): void {
    this.probe.redelivered(now);
    this.context.messages.readyAt[message] = now;
    this.enterReady(message, now);
  }

  /**
   * A message is still being processed after the visibility timeout: a copy becomes visible again, or,
   * once the message has been delivered `max-attempts` times (timeouts' deliveries count too, as SQS
   * counts every receive in ApproximateReceiveCount), the copy is exhausted or dead-lettered instead.
   */
  timeOut(message: number, now: number): void {
    const { context } = this;
    if (this.retry.exhausted(context.messages.attempts[message])) {
      // The consumer goes on, but its later acknowledgement no longer holds the message.
      const copy = givenUpCopy(context.messages, context.duplicates, message, now);
      const deadLettered = this.deadLetters(copy);
      this.probe.timedOutPastLimit(now, deadLettered);
      loseMessage(context, copy, LOSS_EXHAUSTED, this.settings.deadLetter, deadLettered, now);
      return;
    }
    const copy = visibleCopy(context.messages, context.duplicates, message, now);
    this.probe.timedOut(now);
    this.enterReady(copy, now);
  }

  /** Expires every ready message that has waited longer than the TTL, then re-arms the check. */
  checkExpiry(now: number): void {
    this.expiryScheduled = false;
    const ttl = this.settings.ttlSeconds as number;
    const { readyAt } = this.context.messages;
    for (let level = 0; level < this.ready.levelCount; level++) {
      for (let head = this.ready.peekLevel(level); head >= 0 && readyAt[head] + ttl <= now;) {
        this.ready.shiftLevel(level);
        this.discard(head, LOSS_EXPIRED, now);
        head = this.ready.peekLevel(level);
      }
    }
    this.scheduleExpiry();
    this.admitBlocked(now);
  }

  /** True when `message` can enter now: a consumer can take it, or it fits in the ready list. */
  private canAdmit(message: number): boolean {
    return this.consumers.hasRoom() || this.hasRoomFor(message);
  }

  /** True when `message` fits in the ready list (by count and, with a byte limit, by size). */
  private hasRoomFor(message: number): boolean {
    const { capacity, capacityBytes } = this.settings;
    if (this.ready.length >= capacity) return false;
    return (
      capacityBytes === Infinity || this.readyBytes + this.context.messages.bytes[message] <= capacityBytes
    );
  }

  /** drop-oldest: discards the oldest ready messages until `message` fits; false if it never can. */
  private makeRoomFor(message: number, now: number): boolean {
    const { capacity, capacityBytes } = this.settings;
    const bytes = this.context.messages.bytes[message];
    if (capacity === 0 || bytes > capacityBytes) return false;
    while (!this.hasRoomFor(message)) {
      const oldest = this.ready.shiftOldestLeastImportant();
      this.discard(oldest, LOSS_DROPPED_HEAD, now);
    }
    return true;
  }

  /** A newly published message enters the queue (the caller then delivers it or lets it wait). */
  private accept(message: number, now: number): void {
    const { messages } = this.context;
    messages.enteredQueueAt[message] = now;
    messages.readyAt[message] = now;
    messages.attempts[message] = 0;
    this.probe.accepted(now);
  }

  /** A message that counts as ready goes to a consumer with room, or waits in the ready list. */
  private enterReady(message: number, now: number): void {
    if (this.consumers.hasRoom()) this.deliver(message, now);
    else this.wait(message);
  }

  /** A ready message joins the ready list (no consumer has room). */
  private wait(message: number): void {
    const { messages } = this.context;
    this.ready.push(message, messages.priority[message]);
    this.readyBytes += messages.bytes[message];
    if (this.settings.ttlSeconds !== null && !this.expiryScheduled) this.scheduleExpiry();
  }

  /** Hands a ready message to the next consumer with room: it starts now or waits in the prefetch buffer. */
  private deliver(message: number, now: number): void {
    const worker = this.consumers.assign(message);
    if (worker >= 0) {
      this.startProcessing(message, worker, now, false);
    } else {
      this.context.messages.consumer[message] = -1 - worker;
      this.probe.buffered(now);
    }
  }

  private startProcessing(message: number, worker: number, now: number, fromBuffer: boolean): void {
    const { messages, simulation } = this.context;
    this.probe.serviceStarted(now, now - messages.readyAt[message], fromBuffer);
    messages.consumer[message] = worker;
    messages.attempts[message]++;
    const serviceSeconds = this.consumers.startProcessing(worker);
    const index = this.settings.index;
    simulation.schedule(serviceSeconds, PRIORITY_SERVICE_END, EVENT_SERVICE_END, index, message);
    const timeout = this.settings.timeoutSeconds;
    if (timeout !== null && serviceSeconds > timeout) {
      simulation.schedule(timeout, PRIORITY_TIMEOUT, EVENT_TIMEOUT, index, message);
    }
  }

  /** The worker is done with its message: it starts its next buffered one, or takes ready ones. */
  private acknowledge(worker: number, now: number): void {
    const next = this.consumers.acknowledge(worker);
    if (next >= 0) this.startProcessing(next, worker, now, true);
    else if (next === WORKER_LEFT) this.probe.consumersChanged(now, -1);
    this.deliverWaiting(now);
  }

  /** Hands ready messages to workers with room, then admits blocked deliveries the room allows. */
  private deliverWaiting(now: number): void {
    while (this.ready.length > 0 && this.consumers.hasRoom()) {
      const message = this.ready.shift();
      this.readyBytes -= this.context.messages.bytes[message];
      this.deliver(message, now);
    }
    if (this.blockedMessages.length > 0) this.admitBlocked(now);
  }

  waitingMessages(): number {
    return this.ready.length;
  }

  unacknowledgedMessages(): number {
    return this.consumers.heldMessages();
  }

  arrivalCount(): number {
    return this.offered;
  }

  addConsumer(now: number): void {
    this.consumers.addWorker();
    this.deliverWaiting(now);
  }

  removeConsumer(now: number): void {
    const returned: number[] = [];
    if (this.consumers.removeWorker(returned)) this.probe.consumersChanged(now, -1);
    // Prefetched messages of a retiring worker are requeued (RabbitMQ requeues a closed channel's unacked).
    for (const message of returned) {
      this.probe.unbuffered(now);
      this.enterReady(message, now);
    }
  }

  private handleFailure(message: number, now: number): void {
    if ((this.context.messages.flags[message] & FLAG_SUPERSEDED) !== 0) {
      // A timeout already made a copy visible again: that copy carries the message on.
      this.probe.failed(now, RETRY_NONE);
      this.probe.abandoned(now);
      this.release(message);
      return;
    }
    this.outcome.failed(message, this, now);
  }

  /** Giving up a failed message: it leaves its duplicate group (the caller loses or dead-letters it). */
  givingUp(message: number): void {
    this.leaveGroup(message);
  }

  /** A failed message is requeued: the worker is still held, so it waits in the ready list for the next. */
  readyAgain(message: number): void {
    this.wait(message);
  }

  /** A ready message is removed unprocessed (dropped head or expired). */
  private discard(message: number, reason: number, now: number): void {
    this.readyBytes -= this.context.messages.bytes[message];
    const deadLettered = this.deadLetters(message);
    this.probe.discarded(now, reason, deadLettered);
    this.lose(message, reason, deadLettered, now);
  }

  /** True when a lost message goes to the dead-letter queue (once: a dead letter is not dead-lettered again). */
  private deadLetters(message: number): boolean {
    return goesToDeadLetter(this.context.messages, message, this.settings.deadLetter);
  }

  /** A message leaves this queue unprocessed: to the dead-letter queue, or lost. */
  private lose(message: number, reason: number, deadLettered: boolean, now: number): void {
    this.leaveGroup(message);
    loseMessage(this.context, message, reason, this.settings.deadLetter, deadLettered, now);
  }

  /** A finished message leaves the network here: its flow completes (unless it is a dead letter or a duplicate). */
  private leaveNetwork(message: number, now: number): void {
    completeInNetwork(this.context.messages, this.context.flows, message, now);
  }

  private release(message: number): void {
    this.leaveGroup(message);
    this.context.messages.release(message);
  }

  private leaveGroup(message: number): void {
    const group = this.context.messages.group[message];
    if (group >= 0) {
      this.context.duplicates.leave(group);
      this.context.messages.group[message] = -1;
    }
  }

  /** Admits blocked deliveries while there is room, in the order they were blocked. */
  private admitBlocked(now: number): void {
    const { messages, router } = this.context;
    while (this.blockedMessages.length > 0 && this.canAdmit(this.blockedMessages.peek())) {
      const message = this.blockedMessages.shift();
      const publisher = this.blockedPublishers.shift();
      this.probe.blocked(messages.enteredQueueAt[message], now);
      this.accept(message, now);
      this.enterReady(message, now);
      router.deliveryUnblocked(publisher, now);
    }
  }

  /** Arms the TTL check for the earliest-expiring ready message, if any. */
  private scheduleExpiry(): void {
    const ttl = this.settings.ttlSeconds;
    if (ttl === null || this.ready.length === 0) return;
    const { readyAt } = this.context.messages;
    let earliest = Infinity;
    for (let level = 0; level < this.ready.levelCount; level++) {
      const head = this.ready.peekLevel(level);
      if (head >= 0 && readyAt[head] < earliest) earliest = readyAt[head];
    }
    const { simulation } = this.context;
    simulation.scheduleAt(
      Math.max(earliest + ttl, simulation.now),
      PRIORITY_EXPIRY,
      EVENT_EXPIRY_CHECK,
      this.settings.index,
      0,
    );
    this.expiryScheduled = true;
  }
}
