import type { Distribution, RandomStream } from '../engine/index.js';
import { MessageRing } from './message-ring.js';

/**
 * The identical workers consuming one queue. Each holds up to `prefetch` unacknowledged messages
 * (RabbitMQ basic.qos): one in processing, the rest in its own buffer, unavailable to idle workers.
 * Workers with room take new messages in turn (round-robin, as the broker delivers them).
 */
export class ConsumerPool {
  /** Messages each worker holds (processing + buffered + awaiting a blocked publish). */
  private readonly held: Int32Array;
  /** 1 while a worker is processing or finishing a message. */
  private readonly active: Uint8Array;
  /** Buffered (prefetched, not yet started) messages per worker; only with prefetch > 1. */
  private readonly buffers: MessageRing[];
  /**
   * Workers with room for another message. With prefetch > 1 they take turns (a FIFO: round-robin, as
   * the broker delivers); with prefetch 1 any idle worker will do, and a stack is cheaper.
   */
  private readonly withRoom = new MessageRing();
  private readonly idle: Int32Array;
  private idleCount = 0;

  constructor(
    /** Number of workers. */
    readonly size: number,
    readonly prefetch: number,
    private readonly serviceTime: Distribution | null,
    private readonly random: RandomStream,
  ) {
    this.held = new Int32Array(size);
    this.active = new Uint8Array(size);
    this.buffers = prefetch > 1 ? Array.from({ length: size }, () => new MessageRing()) : [];
    this.idle = new Int32Array(prefetch === 1 ? size : 0);
    for (let worker = 0; worker < size; worker++) {
      if (prefetch === 1) this.idle[this.idleCount++] = size - 1 - worker;
      else this.withRoom.push(worker);
    }
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

  /** A worker is done with (acknowledged) one message; it may take more. Returns its next buffered one or -1. */
  acknowledge(worker: number): number {
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
}
