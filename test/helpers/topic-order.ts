/**
 * An ordering checker for topics: watches a topic's appends, starts and exits (TopicTrace) and records
 * every violation of Kafka's guarantees — a message started before an earlier message of its partition
 * had left, two messages of one partition in processing at once, a key seen on two partitions, a message
 * started after retention deleted it or deleted after it started.
 */
import type { Topic } from '../../src/model/topic.js';
import type { PartitionExit, TopicTrace } from '../../src/model/topic-trace.js';

/** One message's life as the checker saw it (handles are recycled, so messages are numbered by append). */
export interface WatchedMessage {
  partition: number;
  key: number;
  appendedAt: number;
  starts: number[];
  startedBy: number[];
  exit: PartitionExit | null;
  leftAt: number | null;
}

export class TopicOrderChecker implements TopicTrace {
  readonly violations: string[] = [];
  readonly messages: WatchedMessage[] = [];
  /** Starts in time order: [message number, partition, consumer, time]. */
  readonly startLog: Array<[number, number, number, number]> = [];
  private readonly live = new Map<number, number>(); // handle → message number
  private readonly appendOrder = new Map<number, number[]>(); // partition → message numbers appended
  private readonly firstPresent = new Map<number, number>(); // partition → index into appendOrder
  private readonly processing = new Map<number, number>(); // partition → message number in processing
  private readonly partitionOfKey = new Map<number, number>();

  /** Watches `topic` from now on. */
  constructor(topic: Topic) {
    topic.trace = this;
  }

  appended(handle: number, partition: number, key: number, now: number): void {
    const number = this.messages.length;
    this.messages.push({
      partition,
      key,
      appendedAt: now,
      starts: [],
      startedBy: [],
      exit: null,
      leftAt: null,
    });
    this.live.set(handle, number);
    if (!this.appendOrder.has(partition)) {
      this.appendOrder.set(partition, []);
      this.firstPresent.set(partition, 0);
    }
    this.appendOrder.get(partition)!.push(number);
    if (key >= 0) {
      const seen = this.partitionOfKey.get(key);
      if (seen !== undefined && seen !== partition)
        this.violations.push(`key ${key} on partitions ${seen} and ${partition}`);
      this.partitionOfKey.set(key, partition);
    }
  }

  started(handle: number, partition: number, consumer: number, now: number): void {
    const number = this.numberOf(handle);
    const message = this.messages[number];
    this.startLog.push([number, partition, consumer, now]);
    message.starts.push(now);
    message.startedBy.push(consumer);
    if (message.exit !== null)
      this.violations.push(`message ${number} started after it left (${message.exit})`);
    const busy = this.processing.get(partition);
    if (busy !== undefined)
      this.violations.push(
        `partition ${partition}: ${number} started while ${busy} was in processing at ${now}`,
      );
    this.processing.set(partition, number);
    const order = this.appendOrder.get(partition)!;
    let first = this.firstPresent.get(partition)!;
    while (first < order.length && this.messages[order[first]].exit !== null) first++;
    this.firstPresent.set(partition, first);
    if (order[first] !== number)
      this.violations.push(`partition ${partition}: ${number} started before ${order[first]} at ${now}`);
  }

  left(handle: number, partition: number, how: PartitionExit, now: number): void {
    const number = this.numberOf(handle);
    const message = this.messages[number];
    message.exit = how;
    message.leftAt = now;
    this.live.delete(handle);
    if (how === 'expired') {
      if (message.starts.length > 0) this.violations.push(`message ${number} deleted after it started`);
    } else if (how === 'completed') {
      this.endAttempt(number, partition, now);
    } else if (this.processing.has(partition)) {
      this.violations.push(`message ${number} given up while its partition was in processing`);
    }
  }

  failed(handle: number, partition: number, now: number): void {
    this.endAttempt(this.numberOf(handle), partition, now);
  }

  private endAttempt(number: number, partition: number, now: number): void {
    if (this.processing.get(partition) !== number)
      this.violations.push(`message ${number} finished at ${now} without being in processing`);
    this.processing.delete(partition);
  }

  private numberOf(handle: number): number {
    const number = this.live.get(handle);
    if (number === undefined) throw new Error(`topic trace: unknown message handle ${handle}`);
    return number;
  }
}
