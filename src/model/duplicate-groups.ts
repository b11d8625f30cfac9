import { resized } from '../engine/index.js';

/**
 * Copies of one message created by visibility timeouts, so that the second completion of the same
 * message is counted as a duplicate. A group lives while any of its copies is in the queue.
 */
export class DuplicateGroups {
  private members = new Int32Array(64);
  private done = new Uint8Array(64);
  private free: number[] = [];
  private highWater = 0;

  /** A new group of two copies; returns its id. */
  create(): number {
    const group = this.free.length > 0 ? (this.free.pop() as number) : this.fresh();
    this.members[group] = 2;
    this.done[group] = 0;
    return group;
  }

  /** One more copy joins the group. */
  join(group: number): void {
    this.members[group]++;
  }

  /** A copy completed; true when another copy had already completed (this one is a duplicate). */
  complete(group: number): boolean {
    const duplicate = this.done[group] === 1;
    this.done[group] = 1;
    return duplicate;
  }

  /** A copy left the queue (completed or not); the group ends with its last copy. */
  leave(group: number): void {
    if (--this.members[group] === 0) this.free.push(group);
  }

  private fresh(): number {
    if (this.highWater === this.members.length) {
      this.members = resized(this.members, this.highWater * 2);
      this.done = resized(this.done, this.highWater * 2);
    }
    return this.highWater++;
  }
}
