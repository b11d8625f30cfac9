import type { Distribution, RandomStream } from '../engine/index.js';
import { MessageRing } from './message-ring.js';

/** What `acknowledge` returns for a worker that was retiring: it has now left the pool. */
export const WORKER_LEFT = -2;

/**
 * The identical workers consuming one queue. Each holds up to `prefetch` unacknowledged messages
 * (RabbitMQ basic.qos): one in processing, the rest in its own buffer, unavailable to idle workers.
 * Workers with room take new messages in turn (round-robin, as the broker delivers them).
 *
 * An autoscaled pool adds and removes workers: slots up to `capacity` are allocated once, and a worker
 * removed while busy retires — it finishes its current message, then leaves (a graceful shutdown).
 */
export class ConsumerPool {
  /** Messages each worker holds (processing + buffered + awaiting a blocked publish). */
  private readonly held: Int32Array;
  /** 1 while a worker is processing or finishing a message. */
  private readonly active: Uint8Array;
  /** 1 for a busy worker that leaves once its current message is done. */
  private readonly retiring: Uint8Array;
  /** Buffered (prefetched, not yet started) messages per worker; only with prefetch > 1. */
  private readonly buffers: MessageRing[];
  /**
   * Workers with room for another message. With prefetch > 1 they take turns (a FIFO: round-robin, as
   * the broker delivers); with prefetch 1 any idle worker will do, and a stack is cheaper.
   */
  private withRoom = new MessageRing();
  private readonly idle: Int32Array;
  private idleCount = 0;
  /** Slots no worker occupies (neither working nor retiring), as a stack. */
  private readonly freeSlots: Int32Array;
  private freeCount = 0;
  /** Workers taking work (retiring ones excluded). */
  private working: number;

  constructor(
    /** Number of workers at the start. */
    initial: number,
    readonly prefetch: number,
    private readonly serviceTime: Distribution | null,
    private readonly random: RandomStream,
    /** Most workers the pool can ever hold at once (an autoscaler's max); default `initial`. */
    readonly capacity: number = initial,
  ) {
    this.held = new Int32Array(capacity);
    this.active = new Uint8Array(capacity);
    this.retiring = new Uint8Array(capacity);
    this.buffers = prefetch > 1 ? Array.from({ length: capacity }, () => new MessageRing()) : [];
    this.idle = new Int32Array(prefetch === 1 ? capacity : 0);
    this.freeSlots = new Int32Array(capacity);
    for (let slot = capacity - 1; slot >= initial; slot--) this.freeSlots[this.freeCount++] = slot;
    this.working = initial;
    for (let worker = 0; worker < initial; worker++) {
      if (prefetch === 1) this.idle[this.idleCount++] = initial - 1 - worker;
      else this.withRoom.push(worker);
    }
  }

  /** Workers taking work now (retiring ones excluded). */
  get size(): number {
    return this.working;
  }

  /** True when some worker can take another message. */
  hasRoom(): boolean {
    return this.idleCount > 0 || this.withRoom.length > 0;
  }

  /**
   * Hands a message to the next worker with room. Returns the worker when it starts the message now, or
   * −1 − worker when the worker buffers it behind the one it is processing (only with prefetch > 1).
   */
  assign(message: number): number {
    if (this.idleCount > 0) {
      const idle = this.idle[--this.idleCount];
      this.held[idle] = 1;
      return idle;
    }
    const worker = this.withRoom.shift();
    if (++this.held[worker] < this.prefetch) this.withRoom.push(worker);
    if (this.active[worker] === 0) return worker;
    this.buffers[worker].push(message);
    return -1 - worker; // negative: buffered
  }

  /** Marks a worker as processing and returns the service time of its next message, seconds. */
  startProcessing(worker: number): number {
    this.active[worker] = 1;
    return (this.serviceTime as Distribution).sample(this.random);
  }

  /**
   * A worker is done with (acknowledged) one message; it may take more. Returns its next buffered one,
   * -1 when it has none, or WORKER_LEFT when it was retiring and has now left.
   */
  acknowledge(worker: number): number {
    if (this.retiring[worker] === 1) return this.leave(worker);
    if (this.prefetch === 1) {
      this.held[worker] = 0;
      this.idle[this.idleCount++] = worker;
    } else {
      if (this.held[worker]-- === this.prefetch) this.withRoom.push(worker);
      if (this.buffers[worker].length > 0) return this.buffers[worker].shift();
    }
    this.active[worker] = 0;
    return -1;
  }

  /** A new worker joins and can take work at once; returns its slot. The pool must be below capacity. */
  addWorker(): number {
    if (this.freeCount === 0)
      throw new Error(`consumer pool: no free slot for a new worker (capacity ${this.capacity})`);
    const worker = this.freeSlots[--this.freeCount];
    this.held[worker] = 0;
    this.active[worker] = 0;
    this.working++;
    if (this.prefetch === 1) this.idle[this.idleCount++] = worker;
    else this.withRoom.push(worker);
    return worker;
  }

  /**
   * One worker stops taking work: an idle one leaves at once (returns true); otherwise the worker
   * holding the fewest messages retires after its current one (returns false), and the messages it had
   * prefetched but not started are pushed to `returned` for the queue to hand out again.
   */
  removeWorker(returned: number[]): boolean {
    if (this.working === 0) throw new Error('consumer pool: no working worker to remove');
    this.working--;
    if (this.prefetch === 1 && this.idleCount > 0) {
      this.freeSlots[this.freeCount++] = this.idle[--this.idleCount];
      return true;
    }
    const worker = this.leastLoadedWorker();
    this.dropFromWithRoom(worker);
    if (this.active[worker] === 0) {
      this.freeSlots[this.freeCount++] = worker;
      return true;
    }
    const buffer = this.buffers[worker];
    while (buffer !== undefined && buffer.length > 0) returned.push(buffer.shift());
    this.held[worker] = 1;
    this.retiring[worker] = 1;
    return false;
  }

  /** Messages held by workers (buffered or in processing): the unacknowledged ones. */
  heldMessages(): number {
    let total = 0;
    for (let worker = 0; worker < this.capacity; worker++) total += this.held[worker];
    return total;
  }

  /** A retiring worker finished its last message: its slot is free again. */
  private leave(worker: number): number {
    this.retiring[worker] = 0;
    this.held[worker] = 0;
    this.active[worker] = 0;
    this.freeSlots[this.freeCount++] = worker;
    return WORKER_LEFT;
  }

  /** The working (not retiring, occupied) worker holding the fewest messages; the highest slot on ties. */
  private leastLoadedWorker(): number {
    const free = new Set(this.freeSlots.subarray(0, this.freeCount));
    let best = -1;
    for (let worker = this.capacity - 1; worker >= 0; worker--) {
      if (free.has(worker) || this.retiring[worker] === 1) continue;
      if (best < 0 || this.held[worker] < this.held[best]) best = worker;
    }
    return best;
  }

  /** Takes a worker out of the round-robin of workers with room (rare: only when it leaves). */
  private dropFromWithRoom(worker: number): void {
    const kept = new MessageRing();
    while (this.withRoom.length > 0) {
      const next = this.withRoom.shift();
      if (next !== worker) kept.push(next);
    }
    this.withRoom = kept;
  }
}
