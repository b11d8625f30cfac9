import { resized } from '../engine/index.js';

/**
 * Every message in flight, stored column-wise in typed arrays and addressed by an integer handle.
 * Handles are recycled, so memory follows the number of messages in the system, not the number simulated.
 */
export class MessagePool {
  /** Simulated time the message entered its current queue. */
  enteredQueueAt = new Float64Array(1024);
  private freeHandles = new Int32Array(1024);
  private freeCount = 0;
  private highWater = 0;

  /** A new message that enters a queue at `now`; returns its handle. */
  allocate(now: number): number {
    const handle = this.freeCount > 0 ? this.freeHandles[--this.freeCount] : this.fresh();
    this.enteredQueueAt[handle] = now;
    return handle;
  }

  /** Returns a handle to the pool once its message has left the system. */
  release(handle: number): void {
    this.freeHandles[this.freeCount++] = handle;
  }

  /** Messages currently allocated. */
  get inUse(): number {
    return this.highWater - this.freeCount;
  }

  private fresh(): number {
    if (this.highWater === this.enteredQueueAt.length) {
      const capacity = this.highWater * 2;
      this.enteredQueueAt = resized(this.enteredQueueAt, capacity);
      this.freeHandles = resized(this.freeHandles, capacity);
    }
    return this.highWater++;
  }
}
