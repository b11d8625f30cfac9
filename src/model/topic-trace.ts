/** What a test can watch in a topic: the order in which its messages are appended, processed and leave. */

/** How a message left its partition (TopicTrace.left). */
export type PartitionExit = 'completed' | 'exhausted' | 'expired';

/** What a test can watch: messages appended (with their key, −1 without keys), started, and leaving. */
export interface TopicTrace {
  appended(message: number, partition: number, key: number, now: number): void;
  started(message: number, partition: number, consumer: number, now: number): void;
  /** A processing attempt failed (the message then stays at its partition's head, or is given up). */
  failed(message: number, partition: number, now: number): void;
  /** The message left its partition for good; a failed attempt that is retried does not leave. */
  left(message: number, partition: number, how: PartitionExit, now: number): void;
}
