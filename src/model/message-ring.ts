import { resized } from '../engine/index.js';

/** A FIFO of message handles in a growable ring buffer: O(1) push and shift, no allocation once grown. */
export class MessageRing {
  private items = new Int32Array(64);
  private head = 0;
  private count = 0;

  /** Number of messages held. */
  get length(): number {
    return this.count;
  }

  /** Appends a message at the tail. */
  push(handle: number): void {
    if (this.count === this.items.length) this.grow();
    this.items[(this.head + this.count) & (this.items.length - 1)] = handle;
    this.count++;
  }

  /** The message at the head, without removing it. The ring must not be empty. */
  peek(): number {
    return this.items[this.head];
  }

  /** The message `i` places behind the head (0: the head); `i` must be below `length`. */
  at(i: number): number {
    return this.items[(this.head + i) & (this.items.length - 1)];
  }

  /** Removes and returns the message at the head. The ring must not be empty. */
  shift(): number {
    const handle = this.items[this.head];
    this.head = (this.head + 1) & (this.items.length - 1);
    this.count--;
    return handle;
  }

  private grow(): void {
    // Unroll the ring into a buffer twice as large (lengths stay powers of two for the masks above).
    const unrolled = new Int32Array(this.items.length);
    for (let i = 0; i < this.count; i++) unrolled[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = resized(unrolled, this.items.length * 2);
    this.head = 0;
  }
}
