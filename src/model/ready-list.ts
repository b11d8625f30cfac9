import { MessageRing } from './message-ring.js';

/**
 * The ready (waiting) messages of a queue: FIFO within each priority level, highest level served first
 * (non-preemptive, as RabbitMQ's priority queues). One level is a plain FIFO.
 */
export class ReadyList {
  private readonly levels: MessageRing[];
  private total = 0;

  constructor(levelCount: number) {
    this.levels = Array.from({ length: levelCount }, () => new MessageRing());
  }

  /** Number of ready messages. */
  get length(): number {
    return this.total;
  }

  /** Number of priority levels. */
  get levelCount(): number {
    return this.levels.length;
  }

  /** Appends a message at the tail of its priority level. */
  push(handle: number, priority: number): void {
    const top = this.levels.length - 1;
    this.levels[priority < top ? priority : top].push(handle);
    this.total++;
  }

  /** Removes and returns the next message to deliver: the oldest of the highest non-empty level. */
  shift(): number {
    this.total--;
    const levels = this.levels;
    for (let level = levels.length - 1; level > 0; level--) {
      if (levels[level].length > 0) return levels[level].shift();
    }
    return levels[0].shift();
  }

  /** Removes and returns the message a `drop-oldest` overflow discards: the oldest of the lowest level. */
  shiftOldestLeastImportant(): number {
    this.total--;
    for (const level of this.levels) if (level.length > 0) return level.shift();
    throw new Error('ready list: drop from an empty queue');
  }

  /** The level's oldest message without removing it, or -1 when the level is empty. */
  peekLevel(level: number): number {
    return this.levels[level].length > 0 ? this.levels[level].peek() : -1;
  }

  /** Removes the oldest message of a level (which must not be empty). */
  shiftLevel(level: number): number {
    this.total--;
    return this.levels[level].shift();
  }
}
