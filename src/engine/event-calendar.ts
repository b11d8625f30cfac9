import { resized } from './typed-arrays.js';

/**
 * The future event list: a binary min-heap over typed arrays, in the spirit of mourner's flatqueue.
 *
 * Events are ordered by (time, priority, insertion sequence), so simultaneous events come out in a total,
 * reproducible order. An event is four numbers — time, priority, an integer kind and two integer operands —
 * and lives in a slot; the heap itself moves only (time, slot) pairs. Nothing is allocated per event.
 *
 * `push` returns the event's slot as its handle, and `cancel(handle)` removes a pending event in O(log n)
 * (each slot knows its heap position), as simmer's calendar does for timeouts. A handle is valid until its
 * event is popped or cancelled; the slot is then reused, so the holder must forget the handle.
 *
 * Heap positions are kept only from the first `cancel` on (found then in one pass over the heap): only a
 * few features cancel (rebalances, autoscaler start-ups), and keeping them costs the plain path about 2 %
 * of its instructions.
 */

/** Ties at the same simulated time go to the lower priority number first. */
export const MAX_PRIORITY = 15;

/** Sequence numbers stay exact in a double far beyond any run (2^48 events). */
const SEQUENCE_SCALE = 2 ** 48;

export class EventCalendar {
  private heapTimes: Float64Array;
  private heapSlots: Int32Array;
  private heapSize = 0;

  // Per-slot event data; a slot is reused once its event has been taken.
  private slotOrder: Float64Array; // priority * 2^48 + sequence: the tie-break key
  private slotKind: Int32Array;
  private slotTarget: Int32Array;
  private slotPayload: Int32Array;
  // Where each slot sits in the heap (-1: free), from the first cancel on; null until then.
  private slotPosition: Int32Array | null = null;
  private freeSlots: Int32Array;
  private freeCount: number;

  // Doubles the hot path updates live in a typed array, so V8 does not box them (docs/architecture.md).
  private readonly counters = new Float64Array(1); // [0] = next sequence number

  /** Data of the event most recently taken by `pop()`. */
  poppedTime = 0;
  poppedKind = 0;
  poppedTarget = 0;
  poppedPayload = 0;

  constructor(initialCapacity = 64) {
    this.heapTimes = new Float64Array(initialCapacity);
    this.heapSlots = new Int32Array(initialCapacity);
    this.slotOrder = new Float64Array(initialCapacity);
    this.slotKind = new Int32Array(initialCapacity);
    this.slotTarget = new Int32Array(initialCapacity);
    this.slotPayload = new Int32Array(initialCapacity);
    this.freeSlots = new Int32Array(initialCapacity);
    for (let i = 0; i < initialCapacity; i++) this.freeSlots[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
  }

  /** Number of pending events. */
  get size(): number {
    return this.heapSize;
  }

  /** Time of the earliest pending event; Infinity when there is none. */
  peekTime(): number {
    return this.heapSize > 0 ? this.heapTimes[0] : Infinity;
  }

  /**
   * Adds an event and returns its handle (for `cancel`). `kind`, `target` and `payload` are integers the
   * caller interprets.
   */
  push(time: number, priority: number, kind: number, target: number, payload: number): number {
    if (!(time >= 0) || priority < 0 || priority > MAX_PRIORITY) {
      throw new Error(`event calendar: invalid event (time ${time}, priority ${priority})`);
    }
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    const sequence = this.counters[0]++;
    this.slotOrder[slot] = priority * SEQUENCE_SCALE + sequence;
    this.slotKind[slot] = kind;
    this.slotTarget[slot] = target;
    this.slotPayload[slot] = payload;
    this.siftUp(this.heapSize++, time, slot);
    return slot;
  }

  /** Removes the pending event with this handle, in O(log n); the handle must not be used again. */
  cancel(handle: number): void {
    const positions = this.slotPosition ?? this.trackPositions();
    const position = handle >= 0 && handle < positions.length ? positions[handle] : -1;
    if (position < 0) throw new Error(`event calendar: cancel of event ${handle}, which is not pending`);
    this.release(handle);
    const last = --this.heapSize;
    if (position === last) return;
    // The last entry fills the hole; it may belong above or below it.
    const time = this.heapTimes[last];
    const slot = this.heapSlots[last];
    const parent = (position - 1) >> 1;
    if (position > 0 && this.before(time, slot, this.heapTimes[parent], this.heapSlots[parent])) {
      this.siftUp(position, time, slot);
    } else {
      this.siftDown(time, slot, last, position);
    }
  }

  /** Removes the earliest event and exposes it through the `popped*` fields. The calendar must not be empty. */
  pop(): void {
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const slot = slots[0];
    this.poppedTime = times[0];
    this.poppedKind = this.slotKind[slot];
    this.poppedTarget = this.slotTarget[slot];
    this.poppedPayload = this.slotPayload[slot];
    this.release(slot);
    const last = --this.heapSize;
    if (last > 0) this.siftDown(times[last], slots[last], last, 0);
  }

  /** Removes every pending event. */
  clear(): void {
    while (this.heapSize > 0) this.release(this.heapSlots[--this.heapSize]);
  }

  /** The slot's event has left the heap: the slot is free for the next push. */
  private release(slot: number): void {
    if (this.slotPosition !== null) this.slotPosition[slot] = -1;
    this.freeSlots[this.freeCount++] = slot;
  }

  /** Starts keeping heap positions: every slot's found in one pass, O(n) once. */
  private trackPositions(): Int32Array {
    const positions = new Int32Array(this.heapTimes.length).fill(-1);
    for (let position = 0; position < this.heapSize; position++)
      positions[this.heapSlots[position]] = position;
    this.slotPosition = positions;
    return positions;
  }

  /** True when event (timeA, slotA) must come out before (timeB, slotB). */
  private before(timeA: number, slotA: number, timeB: number, slotB: number): boolean {
    return timeA < timeB || (timeA === timeB && this.slotOrder[slotA] < this.slotOrder[slotB]);
  }

  // The sifts compare inline, with the arrays in locals: they run a few times per event, and a call to
  // `before` per level (with its reloads of `this.slotOrder`) cost more than the comparison itself.
  private siftUp(position: number, time: number, slot: number): void {
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const order = this.slotOrder;
    const positions = this.slotPosition;
    const slotOrder = order[slot];
    while (position > 0) {
      const parent = (position - 1) >> 1;
      const parentTime = times[parent];
      const parentSlot = slots[parent];
      if (!(time < parentTime || (time === parentTime && slotOrder < order[parentSlot]))) break;
      times[position] = parentTime;
      slots[position] = parentSlot;
      if (positions !== null) positions[parentSlot] = position;
      position = parent;
    }
    times[position] = time;
    slots[position] = slot;
    if (positions !== null) positions[slot] = position;
  }

  /** Places (time, slot) starting from heap position `start` (a hole) of a heap of `size` entries. */
  private siftDown(time: number, slot: number, size: number, start: number): void {
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const order = this.slotOrder;
    const positions = this.slotPosition;
    const slotOrder = order[slot];
    const half = size >> 1;
    let position = start;
    while (position < half) {
      let child = 2 * position + 1;
      let childTime = times[child];
      let childSlot = slots[child];
      const right = child + 1;
      if (right < size) {
        const rightTime = times[right];
        const rightSlot = slots[right];
        if (rightTime < childTime || (rightTime === childTime && order[rightSlot] < order[childSlot])) {
          child = right;
          childTime = rightTime;
          childSlot = rightSlot;
        }
      }
      if (!(childTime < time || (childTime === time && order[childSlot] < slotOrder))) break;
      times[position] = childTime;
      slots[position] = childSlot;
      if (positions !== null) positions[childSlot] = position;
      position = child;
    }
    times[position] = time;
    slots[position] = slot;
    if (positions !== null) positions[slot] = position;
  }

  private grow(): void {
    const oldCapacity = this.heapTimes.length;
    const capacity = oldCapacity * 2;
    this.heapTimes = resized(this.heapTimes, capacity);
    this.heapSlots = resized(this.heapSlots, capacity);
    this.slotOrder = resized(this.slotOrder, capacity);
    this.slotKind = resized(this.slotKind, capacity);
    this.slotTarget = resized(this.slotTarget, capacity);
    this.slotPayload = resized(this.slotPayload, capacity);
    if (this.slotPosition !== null) {
      this.slotPosition = resized(this.slotPosition, capacity);
      this.slotPosition.fill(-1, oldCapacity);
    }
    this.freeSlots = resized(this.freeSlots, capacity);
    // All old slots are in use (that is why we grow): the new ones are free.
    for (let slot = capacity - 1; slot >= oldCapacity; slot--) this.freeSlots[this.freeCount++] = slot;
  }
}
