import { resized } from '../engine/index.js';
import { BacklogLimitReached } from './backlog-limit.js';

/** Dead-lettered: its later completion or loss no longer counts for its flow (it was counted once). */
export const FLAG_DEAD_LETTERED = 1;
/** A duplicate (a timeout copy that completed after its original): it no longer completes its flow. */
export const FLAG_DUPLICATE = 2;
/** A visibility timeout already made a copy of it visible again: a failure then needs no retry. */
export const FLAG_SUPERSEDED = 4;
/** Already in a queue when the run started (a `backlog`): it belongs to no producer's flow. */
export const FLAG_BACKLOG = 8;
/** The flags that stop a message from counting for its flow. */
export const FLAGS_NOT_COUNTED = FLAG_DEAD_LETTERED | FLAG_DUPLICATE | FLAG_BACKLOG;

/**
 * Every message in flight, stored column-wise in typed arrays and addressed by an integer handle.
 * Handles are recycled, so memory follows the number of messages in the system, not the number simulated.
 */
export class MessagePool {
  /** Simulated time the message entered its current queue (sojourn starts here). */
  enteredQueueAt = new Float64Array(1024);
  /** Simulated time the message last became ready in its queue (wait and TTL start here). */
  readyAt = new Float64Array(1024);
  /** Simulated time the producer published it (end-to-end latency starts here). */
  publishedAt = new Float64Array(1024);
  /** Size in bytes (0 when sizes are not modelled). */
  bytes = new Float64Array(1024);
  /** Index of the producer whose flow it belongs to. */
  flow = new Int32Array(1024);
  /** Route so far (RouteTable number; a new message's is its flow), read only when the scenario has routes. */
  route = new Int32Array(1024);
  /** Message type index, or -1 for untyped. */
  type = new Int32Array(1024);
  /** Priority (0 = lowest), from its type. */
  priority = new Int32Array(1024);
  /** Processing attempts in the current queue. */
  attempts = new Int32Array(1024);
  /** Consumer (within its queue's pool) holding it, or -1. */
  consumer = new Int32Array(1024);
  /** Duplicate group (see DuplicateGroups) when a timeout has copied it, else -1. */
  group = new Int32Array(1024);
  /** FLAG_* bits. */
  flags = new Uint8Array(1024);
  /** Message key (topics with `keys` only; written by the topic, meaningless elsewhere). */
  key = new Int32Array(1024);
  /** Partition of the topic the message is in (written by the topic, meaningless elsewhere). */
  partition = new Int32Array(1024);

  private freeHandles = new Int32Array(1024);
  private freeCount = 0;
  private highWater = 0;

  /** `limit`: most messages in the system at once; one more throws BacklogLimitReached. */
  constructor(private readonly limit: number = Infinity) {}

  /** A new message published at `now` by flow `flow`; returns its handle. */
  allocate(now: number, flow: number, type: number, priority: number, bytes: number): number {
    const handle = this.freeCount > 0 ? this.freeHandles[--this.freeCount] : this.fresh();
    this.publishedAt[handle] = now;
    this.bytes[handle] = bytes;
    this.flow[handle] = flow;
    this.route[handle] = flow;
    this.type[handle] = type;
    this.priority[handle] = priority;
    this.group[handle] = -1;
    this.flags[handle] = 0;
    return handle;
  }

  /** A copy of `handle` (same flow, route, type, size and publish time), e.g. for a fan-out. */
  copy(handle: number): number {
    const copy = this.allocate(
      this.publishedAt[handle],
      this.flow[handle],
      this.type[handle],
      this.priority[handle],
      this.bytes[handle],
    );
    this.flags[copy] = this.flags[handle] & FLAGS_NOT_COUNTED;
    this.route[copy] = this.route[handle];
    return copy;
  }

  /** Returns a handle to the pool once its message has left the system. */
  release(handle: number): void {
    this.freeHandles[this.freeCount++] = handle;
  }

  private fresh(): number {
    // Handles are fresh only when none is free: every handle up to the high-water mark is in use.
    if (this.highWater >= this.limit) throw new BacklogLimitReached(this.limit);
    if (this.highWater === this.flow.length) {
      const capacity = Math.min(this.highWater * 2, Math.max(this.limit, this.highWater + 1));
      this.enteredQueueAt = resized(this.enteredQueueAt, capacity);
      this.readyAt = resized(this.readyAt, capacity);
      this.publishedAt = resized(this.publishedAt, capacity);
      this.bytes = resized(this.bytes, capacity);
      this.flow = resized(this.flow, capacity);
      this.route = resized(this.route, capacity);
      this.type = resized(this.type, capacity);
      this.priority = resized(this.priority, capacity);
      this.attempts = resized(this.attempts, capacity);
      this.consumer = resized(this.consumer, capacity);
      this.group = resized(this.group, capacity);
      this.flags = resized(this.flags, capacity);
      this.key = resized(this.key, capacity);
      this.partition = resized(this.partition, capacity);
      this.freeHandles = resized(this.freeHandles, capacity);
    }
    return this.highWater++;
  }
}
