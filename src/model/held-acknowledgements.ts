/**
 * Consumers that finished a message but may not acknowledge it yet: an onward publish into a full
 * `overflow: block` queue is blocked, and the consumer keeps the message (and stays busy) until every
 * blocked delivery has gone through. Kept per worker slot, so nothing is allocated per message.
 */
export class HeldAcknowledgements {
  /** Blocked onward deliveries each worker still waits on. */
  private readonly pending: Int32Array;
  /** When each holding worker finished processing (its block began). */
  private readonly since: Float64Array;
  /** When each held message entered the queue (its sojourn ends at the acknowledgement). */
  private readonly enteredAt: Float64Array;
  /** 1 when the held message's completion is a duplicate. */
  private readonly duplicate: Uint8Array;
  /** Workers holding a message. */
  private holding = 0;

  constructor(workerSlots: number) {
    this.pending = new Int32Array(workerSlots);
    this.since = new Float64Array(workerSlots);
    this.enteredAt = new Float64Array(workerSlots);
    this.duplicate = new Uint8Array(workerSlots);
  }

  /** Workers waiting on at least one blocked onward delivery. */
  get count(): number {
    return this.holding;
  }

  /** `worker` finished at `now` a message that entered at `enteredAt`; `deliveries` of its publishes are blocked. */
  hold(worker: number, deliveries: number, now: number, enteredAt: number, duplicate: boolean): void {
    this.pending[worker] = deliveries;
    this.since[worker] = now;
    this.enteredAt[worker] = enteredAt;
    this.duplicate[worker] = duplicate ? 1 : 0;
    this.holding++;
  }

  /** One blocked delivery of `worker` went through; true when it was the last (the worker may acknowledge). */
  deliveryThrough(worker: number): boolean {
    if (--this.pending[worker] > 0) return false;
    this.holding--;
    return true;
  }

  /** When `worker`'s block began. */
  blockedSince(worker: number): number {
    return this.since[worker];
  }

  /** When `worker`'s held message entered the queue. */
  messageEnteredAt(worker: number): number {
    return this.enteredAt[worker];
  }

  /** True when `worker`'s held message completes as a duplicate. */
  isDuplicate(worker: number): boolean {
    return this.duplicate[worker] === 1;
  }

  /** When each block still open began (for blocked time that runs to the end of the run). */
  openSince(): number[] {
    const open: number[] = [];
    for (let worker = 0; worker < this.pending.length; worker++) {
      if (this.pending[worker] > 0) open.push(this.since[worker]);
    }
    return open;
  }
}
