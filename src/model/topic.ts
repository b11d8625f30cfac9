import { LOSS_EXPIRED, type PartitionCollector, type QueueProbe } from '../metrics/index.js';
import { AttemptOutcome, type RetryingStation } from './attempt-outcome.js';
import type { Destination } from './destination.js';
import type { ElasticConsumers } from './elastic-consumers.js';
import { HeldAcknowledgements } from './held-acknowledgements.js';
import {
  EVENT_EXPIRY_CHECK,
  EVENT_REBALANCE_END,
  EVENT_SERVICE_END,
  OFFER_ACCEPTED,
  PRIORITY_EXPIRY,
  PRIORITY_REBALANCE,
  PRIORITY_SERVICE_END,
} from './events.js';
import { partitionOfNewMessage } from './key-sampler.js';
import { endFlow } from './message-exits.js';
import { CommittedOffsets } from './committed-offsets.js';
import { MessageRing } from './message-ring.js';
import { PartitionAssignment } from './partition-assignment.js';
import type { QueueContext } from './queue-context.js';
import type { TopicParts, TopicRandomness, TopicSettings } from './topic-settings.js';
import type { TopicTrace } from './topic-trace.js';

/**
 * A Kafka-style partitioned topic and its consumer group. Each partition is a FIFO log; a message goes to
 * the partition of its key. Each partition is owned by one consumer (partition-assignment.ts), and a
 * consumer processes one message at a time, taking the heads of its partitions in turn; a partition's
 * messages are processed strictly in order and never two at once: a failed message stays at the head
 * (blocking its partition) until it succeeds or is given up.
 *
 * A consumer polls a batch of up to `maxPollRecords` of the records waiting on its partitions and works
 * through it. A change in the group's size is a rebalance. Eager assignors (range, round-robin) stop the
 * whole group: nobody polls again, every member first finishes the batch it holds (a leaving one only its
 * current record), and the new assignment starts `rebalancePauseSeconds` (join/sync) after the slowest
 * has finished. Cooperative-sticky (KIP-429) pauses only the partitions that change owner, until the
 * record in processing on each has finished, plus the join time. A consumer joining an empty group waits
 * `initialRebalanceDelaySeconds` instead (the broker's group.initial.rebalance.delay.ms).
 *
 * Each consumer commits its offsets every `commitIntervalSeconds` from its first poll (auto-commit; 0 =
 * per record), and every member commits when a rebalance revokes partitions, so the lag a scaler reads —
 * latest minus committed offset — includes records processed but not yet committed.
 */
export class Topic implements Destination, ElasticConsumers, RetryingStation {
  /** Appended messages not yet started, per partition, in append order (retention checks the heads). */
  private readonly logs: MessageRing[];
  /** The started, unfinished message of each partition (processing, backing off, or awaiting a retry), or −1. */
  private readonly head: Int32Array;
  /** 1 while a partition's head is ready for another attempt. */
  private readonly headReady: Uint8Array;
  /** Consumers processing a message or waiting for a blocked onward delivery of one. */
  private readonly working: Uint8Array;
  /** Where each consumer's round-robin over its partitions resumes (an index into its owned list). */
  private readonly cursor: Int32Array;
  /** Consumers holding a finished message until its blocked onward deliveries go through (busy meanwhile). */
  private readonly held: HeldAcknowledgements;
  private readonly assignment: PartitionAssignment;
  /** Consumers in the group now (the assignment catches up when a rebalance ends). */
  private members: number;
  /** An eager rebalance stops the group: no polls (members only finish the batches they hold). */
  private paused = false;
  /** A rebalance is under way (from the change until its end event). */
  private rebalancing = false;
  /** The rebalance waits for members to finish what they hold before its join time starts. */
  private awaitingDrain = false;
  /** The rebalance began with an empty group: it lasts the initial delay. */
  private initialJoin = false;
  /** Cooperative rebalances: 1 for the partitions changing owner (paused until the rebalance ends). */
  private readonly moving: Uint8Array;
  /** 1 while a partition's head is being processed (a service end is pending). */
  private readonly inService: Uint8Array;
  /** Records left of each consumer's last poll. */
  private readonly batchLeft: Int32Array;
  private readonly offsets: CommittedOffsets;
  /** Calendar handle of the pending rebalance end; -1 when none (a new rebalance cancels the old end). */
  private rebalanceEnd = -1;
  /** When the latest rebalance began. */
  private lastRebalanceAt = -Infinity;
  private retentionScheduled = false;
  /** Messages appended and not yet completed or deleted: the total lag. */
  private unfinished = 0;
  /** Messages appended since the start (what a rate-based autoscaler reads). */
  private appended = 0;
  /** Watches appends, starts and finishes (tests); null on normal runs. */
  trace: TopicTrace | null = null;
  private readonly outcome: AttemptOutcome;

  readonly settings: TopicSettings;
  private readonly random: TopicRandomness;
  private readonly context: QueueContext;
  private readonly probe: QueueProbe;
  private readonly partitionProbe: PartitionCollector;

  constructor(parts: TopicParts) {
    const { settings, random, retry, onward, context, probe, partitionProbe } = parts;
    this.settings = settings;
    this.random = random;
    this.context = context;
    this.probe = probe;
    this.partitionProbe = partitionProbe;
    const { partitions, maxConsumers } = settings;
    this.logs = Array.from({ length: partitions }, () => new MessageRing());
    this.head = new Int32Array(partitions).fill(-1);
    this.headReady = new Uint8Array(partitions);
    this.working = new Uint8Array(maxConsumers);
    this.cursor = new Int32Array(maxConsumers);
    this.held = new HeldAcknowledgements(maxConsumers);
    this.assignment = new PartitionAssignment(partitions, maxConsumers, settings.assignor);
    this.moving = new Uint8Array(partitions);
    this.inService = new Uint8Array(partitions);
    this.batchLeft = new Int32Array(maxConsumers);
    this.members = settings.consumers;
    this.assignment.assign(this.members);
    const { commitIntervalSeconds } = settings;
    this.offsets = new CommittedOffsets(
      partitions,
      maxConsumers,
      commitIntervalSeconds,
      this.assignment.owner,
    );
    partitionProbe.membersChanged(this.members, 0);
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

  /** A message is appended to its key's partition; a topic never refuses one. */
  offer(message: number, now: number, _publisher: number): number {
    const { messages } = this.context;
    const { keys, keyRandom } = this.random;
    const p = partitionOfNewMessage(keys, keyRandom, this.settings.partitions, messages, message);
    messages.partition[message] = p;
    messages.enteredQueueAt[message] = now;
    messages.readyAt[message] = now;
    messages.attempts[message] = 0;
    this.unfinished++;
    this.appended++;
    this.probe.accepted(now);
    this.partitionProbe.appended(p, now);
    this.trace?.appended(message, p, messages.key[message], now);
    const owner = this.assignment.owner[p];
    if (
      !this.paused &&
      this.moving[p] === 0 &&
      owner >= 0 &&
      this.working[owner] === 0 &&
      this.head[p] < 0 &&
      this.logs[p].length === 0
    ) {
      this.poll(owner, 1, now);
      this.start(message, p, owner, now);
    } else {
      this.logs[p].push(message);
      if (this.settings.retentionSeconds !== null && !this.retentionScheduled) this.scheduleRetention();
    }
    return OFFER_ACCEPTED;
  }

  /** A consumer finished a message: it succeeded (and moves on) or failed (and is retried in place). */
  finishService(message: number, now: number): void {
    const { messages } = this.context;
    const consumer = messages.consumer[message];
    const p = messages.partition[message];
    this.inService[p] = 0;
    const q = this.settings.failureProbability;
    if (q > 0 && this.random.failureRandom.next() < q) {
      this.trace?.failed(message, p, now);
      this.outcome.failed(message, this, now);
      this.release(consumer, now);
      this.wake(p, now);
      if (this.awaitingDrain) this.checkDrained(now);
      return;
    }
    this.head[p] = -1;
    this.unfinished--;
    this.offsets.processed(p, now);
    this.trace?.left(message, p, 'completed', now);
    this.partitionProbe.completed(p, now);
    // Busy, and the message still here, while a blocked onward publish waits.
    if (this.outcome.succeeded(message, consumer, false, now)) this.release(consumer, now);
    this.wake(p, now);
    if (this.awaitingDrain) this.checkDrained(now);
  }

  /** A failed head message's back-off is over: its partition may go on with it. */
  redeliver(message: number, now: number): void {
    const p = this.context.messages.partition[message];
    this.probe.redelivered(now);
    this.context.messages.readyAt[message] = now;
    this.headReady[p] = 1;
    this.wake(p, now);
  }

  timeOut(message: number, now: number): void {
    throw new Error(`topic '${this.settings.name}': visibility timeout of message ${message} at t=${now}`);
  }

  /** Deletes every unconsumed message older than the retention, then re-arms the check. */
  checkExpiry(now: number): void {
    this.retentionScheduled = false;
    const retention = this.settings.retentionSeconds as number;
    const { messages } = this.context;
    for (let p = 0; p < this.logs.length; p++) {
      const log = this.logs[p];
      while (log.length > 0 && messages.enteredQueueAt[log.peek()] + retention <= now) {
        const message = log.shift();
        this.unfinished--;
        this.trace?.left(message, p, 'expired', now);
        this.probe.discarded(now, LOSS_EXPIRED, false);
        this.partitionProbe.expired(p, now);
        // Kafka deletes old log segments; nothing is dead-lettered.
        endFlow(messages, this.context.flows, message, LOSS_EXPIRED, false);
        messages.release(message);
      }
    }
    this.scheduleRetention();
    if (this.awaitingDrain) this.checkDrained(now);
  }

  /** A blocked onward delivery of `consumer` went through; it moves on once all have. */
  workerUnblocked(consumer: number, now: number): void {
    if (this.outcome.deliveryThrough(consumer, now)) this.release(consumer, now);
  }

  /** When each consumer still blocked on an onward delivery was blocked, seconds (blocks open at the end). */
  openConsumerBlocksSince(): number[] {
    return this.held.openSince();
  }

  /** Messages appended and not yet started. */
  waitingMessages(): number {
    return this.unfinished - this.unacknowledgedMessages();
  }

  /** Partition heads started and not yet finished (processing, backing off or awaiting a retry). */
  unacknowledgedMessages(): number {
    let started = 0;
    for (let p = 0; p < this.head.length; p++) if (this.head[p] >= 0) started++;
    return started;
  }

  arrivalCount(): number {
    return this.appended;
  }

  /**
   * The consumer group's lag as KEDA's Kafka scaler reads it: latest minus committed offset, summed over
   * the partitions (waiting, in processing, and processed but not yet committed). With
   * `limitToPartitionsWithLag` it is capped at `target` × the partitions with lag > 0, as KEDA caps it.
   */
  lagForScaler(target: number, now: number): number {
    let lag = this.unfinished;
    let withLag = 0;
    for (let p = 0; p < this.logs.length; p++) {
      const uncommitted = this.offsets.uncommittedAt(p, now);
      lag += uncommitted;
      if (this.logs[p].length > 0 || this.head[p] >= 0 || uncommitted > 0) withLag++;
    }
    return this.settings.limitToPartitionsWithLag ? Math.min(lag, withLag * target) : lag;
  }

  /** Records processed and not yet committed (part of the scaler's lag). */
  uncommittedMessages(now: number): number {
    let total = 0;
    for (let p = 0; p < this.logs.length; p++) total += this.offsets.uncommittedAt(p, now);
    return total;
  }

  /** A consumer joins: the group rebalances (ignored at the maximum). */
  addConsumer(now: number): void {
    if (this.members >= this.settings.maxConsumers) return;
    const fromEmpty = this.members === 0;
    this.members++;
    this.partitionProbe.membersChanged(this.members, now);
    this.beginRebalance(now, fromEmpty);
  }

  /**
   * The last consumer leaves after its current message: the group rebalances (ignored when empty). It
   * stops counting as provisioned at once (its last message is not charged).
   */
  removeConsumer(now: number): void {
    if (this.members === 0) return;
    this.members--;
    this.probe.consumersChanged(now, -1);
    this.partitionProbe.membersChanged(this.members, now);
    this.beginRebalance(now, false);
  }

  /** A rebalance's join time is over (EVENT_REBALANCE_END): reassign partitions and resume. */
  endRebalance(now: number): void {
    this.rebalanceEnd = -1;
    this.paused = false;
    this.rebalancing = false;
    this.moving.fill(0);
    this.partitionProbe.rebalanceEnded(now);
    this.reassign(now);
  }

  /** Assigns the partitions over the current members and lets the free ones take work. */
  private reassign(now: number): void {
    this.assignment.assign(this.members);
    this.cursor.fill(0);
    this.offsets.restartClocks();
    // Eager members start afresh (their batches are done); cooperative ones keep what they polled.
    if (this.settings.assignor !== 'cooperative-sticky') this.batchLeft.fill(0);
    for (let consumer = 0; consumer < this.members; consumer++) {
      if (this.working[consumer] === 0) this.takeNext(consumer, now);
    }
  }

  /** Consumers in the group now. */
  get consumerCount(): number {
    return this.members;
  }

  /** The owner of each partition as last assigned (−1: none). */
  get owners(): Int32Array {
    return this.assignment.owner;
  }

  /** Group members owning no partition. */
  get idleConsumers(): number {
    return this.assignment.idleConsumers;
  }

  /**
   * Starts a rebalance (or restarts one under way) after a change in the group's size: eager assignors
   * stop the group, cooperative-sticky stops only the partitions that will change owner.
   */
  private beginRebalance(now: number, fromEmpty: boolean): void {
    // Consumers joining or leaving at the same instant (an autoscaler adding several) make one rebalance:
    // its end assigns the partitions over the members as they are by then.
    if (now !== this.lastRebalanceAt) this.partitionProbe.rebalanceStarted(now);
    this.lastRebalanceAt = now;
    if (!this.rebalancing) this.initialJoin = fromEmpty;
    this.rebalancing = true;
    if (this.rebalanceEnd >= 0) {
      this.context.simulation.cancel(this.rebalanceEnd); // superseded: this rebalance ends later
      this.rebalanceEnd = -1;
    }
    this.awaitingDrain = true;
    if (this.settings.assignor === 'cooperative-sticky') {
      const target = this.assignment.plan(this.members);
      const { owner } = this.assignment;
      for (let p = 0; p < owner.length; p++) this.moving[p] = owner[p] !== target[p] ? 1 : 0;
    } else {
      this.paused = true;
    }
    this.checkDrained(now);
  }

  /**
   * Whether the members have finished what the rebalance waits for: eager, every member its batch (a
   * leaving one its current record); cooperative, the record in processing on each moved partition.
   * When they have, offsets are committed (the consumer commits before it rejoins) and the join time
   * (or, for an empty group, the initial delay) starts.
   */
  private checkDrained(now: number): void {
    if (this.settings.assignor === 'cooperative-sticky') {
      for (let p = 0; p < this.moving.length; p++)
        if (this.moving[p] === 1 && this.inService[p] === 1) return;
    } else {
      for (let consumer = 0; consumer < this.assignment.consumers; consumer++) {
        if (this.holdsRecords(consumer)) return;
      }
    }
    this.awaitingDrain = false;
    this.offsets.commitAll();
    const wait = this.initialJoin
      ? this.settings.initialRebalanceDelaySeconds
      : this.settings.rebalancePauseSeconds;
    if (wait === 0) this.endRebalance(now);
    else
      this.rebalanceEnd = this.context.simulation.schedule(
        wait,
        PRIORITY_REBALANCE,
        EVENT_REBALANCE_END,
        this.settings.index,
        0,
      );
  }

  /** Whether `consumer` still holds records an eager rebalance waits for (its current one, its batch). */
  private holdsRecords(consumer: number): boolean {
    if (this.working[consumer] === 1) return true;
    if (consumer >= this.members) return false; // leaving: only its current record
    const { ownedStart, owned } = this.assignment;
    for (let i = ownedStart[consumer]; i < ownedStart[consumer + 1]; i++) {
      const p = owned[i];
      if (this.head[p] >= 0) return true; // a failed record awaiting its retry
      if (this.batchLeft[consumer] > 0 && this.logs[p].length > 0) return true;
    }
    return false;
  }

  /** A consumer polls: its batch is up to max-poll-records of what waits on its partitions (`taken` included). */
  private poll(consumer: number, taken: number, now: number): void {
    this.offsets.polled(consumer, now);
    if (this.batchLeft[consumer] > 0) {
      this.batchLeft[consumer]--;
      return;
    }
    let waiting = taken;
    const { ownedStart, owned } = this.assignment;
    for (let i = ownedStart[consumer]; i < ownedStart[consumer + 1]; i++) {
      if (this.moving[owned[i]] === 0) waiting += this.logs[owned[i]].length;
    }
    this.batchLeft[consumer] = Math.min(this.settings.maxPollRecords, waiting) - 1;
  }

  /** `consumer` starts `message`, the head of partition `p`. */
  private start(message: number, p: number, consumer: number, now: number): void {
    const { messages, simulation } = this.context;
    this.head[p] = message;
    this.inService[p] = 1;
    this.working[consumer] = 1;
    this.partitionProbe.consumerBusy(consumer, now);
    messages.consumer[message] = consumer;
    messages.attempts[message]++;
    const waited = now - messages.readyAt[message];
    this.probe.serviceStarted(now, waited, false);
    this.partitionProbe.started(p, waited);
    this.trace?.started(message, p, consumer, now);
    const serviceSeconds = this.random.service.sample(this.random.serviceRandom);
    simulation.schedule(
      serviceSeconds,
      PRIORITY_SERVICE_END,
      EVENT_SERVICE_END,
      this.settings.index,
      message,
    );
  }

  /** `consumer` is free: it takes its next message, unless the group is paused or it has left. */
  private release(consumer: number, now: number): void {
    this.working[consumer] = 0;
    this.partitionProbe.consumerFree(consumer, now);
    this.takeNext(consumer, now);
    if (this.awaitingDrain) this.checkDrained(now);
  }

  /** Partition `p` may have work again: its owner takes it up if it is free. */
  private wake(p: number, now: number): void {
    const owner = this.assignment.owner[p];
    if (owner >= 0 && this.working[owner] === 0) this.takeNext(owner, now);
  }

  /**
   * A free consumer takes the head of its next partition with work, round-robin over its partitions;
   * while an eager rebalance stops the group it only finishes the batch it holds (and retries).
   */
  private takeNext(consumer: number, now: number): void {
    if (consumer >= this.assignment.consumers || consumer >= this.members) return;
    const polls = !this.paused || this.batchLeft[consumer] > 0;
    const { ownedStart, owned } = this.assignment;
    const first = ownedStart[consumer];
    const count = ownedStart[consumer + 1] - first;
    for (let i = 0; i < count; i++) {
      const k = (this.cursor[consumer] + i) % count;
      const p = owned[first + k];
      if (this.moving[p] === 1) continue;
      let message = -1;
      if (this.headReady[p] === 1) {
        this.headReady[p] = 0;
        message = this.head[p];
      } else if (polls && this.head[p] < 0 && this.logs[p].length > 0) {
        message = this.logs[p].shift();
        this.poll(consumer, 1, now);
      }
      if (message >= 0) {
        this.cursor[consumer] = k + 1;
        this.start(message, p, consumer, now);
        return;
      }
    }
  }

  /** Giving up a failed head message: its partition moves past it (the caller loses or dead-letters it). */
  givingUp(message: number, _deadLettered: boolean, now: number): void {
    const p = this.context.messages.partition[message];
    this.head[p] = -1;
    this.unfinished--;
    this.offsets.processed(p, now);
    this.trace?.left(message, p, 'exhausted', now);
    this.partitionProbe.exhausted(p, now);
  }

  /** A failed head message with no back-off: its partition may retry it at once. */
  readyAgain(message: number): void {
    this.headReady[this.context.messages.partition[message]] = 1;
  }

  /** Arms the retention check for the oldest unconsumed message, if any. */
  private scheduleRetention(): void {
    const retention = this.settings.retentionSeconds;
    if (retention === null) return;
    const { enteredQueueAt } = this.context.messages;
    let earliest = Infinity;
    for (const log of this.logs) {
      if (log.length > 0 && enteredQueueAt[log.peek()] < earliest) earliest = enteredQueueAt[log.peek()];
    }
    if (earliest === Infinity) return;
    const { simulation } = this.context;
    simulation.scheduleAt(
      Math.max(earliest + retention, simulation.now),
      PRIORITY_EXPIRY,
      EVENT_EXPIRY_CHECK,
      this.settings.index,
      0,
    );
    this.retentionScheduled = true;
  }
}
