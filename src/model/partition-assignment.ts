/**
 * Which consumer owns which partition of one topic, by the consumer's `partition.assignment.strategy`:
 * - range (Kafka's RangeAssignor, the first of the Java client's default list): consumer c of n gets a
 *   contiguous range, the first P mod n consumers one partition more (7 over 3: 0–2, 3–4, 5–6);
 * - round-robin (RoundRobinAssignor): partition p to consumer p mod n;
 * - cooperative-sticky (CooperativeStickyAssignor, KIP-429): as balanced as the others, but every consumer
 *   keeps as many of the partitions it owns as its share allows, so the fewest partitions move.
 * Every consumer gets ⌊P/n⌋ or ⌈P/n⌉ partitions; with n > P the extra consumers get none and sit idle.
 */

import type { Assignor } from '../scenario/types.js';

/** A consumer group's assignment: the owner of each partition and each consumer's partitions. */
export class PartitionAssignment {
  /** Owner of each partition, or −1 when the group is empty. */
  readonly owner: Int32Array;
  /** Consumer c owns `owned[ownedStart[c]] … owned[ownedStart[c + 1] − 1]`, in ascending order. */
  readonly ownedStart: Int32Array;
  readonly owned: Int32Array;
  private members = 0;

  constructor(
    readonly partitions: number,
    /** The most consumers the group can ever have (its per-consumer arrays are sized for them). */
    readonly maxConsumers: number,
    readonly assignor: Assignor = 'round-robin',
  ) {
    this.owner = new Int32Array(partitions).fill(-1);
    this.ownedStart = new Int32Array(maxConsumers + 1);
    this.owned = new Int32Array(partitions);
  }

  /** Consumers in the group as of the last assignment. */
  get consumers(): number {
    return this.members;
  }

  /** Assigns every partition over `consumers` members by the assignor; consumers ≥ `consumers` own none. */
  assign(consumers: number): void {
    this.setOwners(consumers, this.plan(consumers));
  }

  /** The owners the assignor would give the partitions over `consumers` members, without applying them. */
  plan(consumers: number): Int32Array {
    const { partitions } = this;
    const next = new Int32Array(partitions).fill(-1);
    if (consumers === 0) return next;
    if (this.assignor === 'round-robin') {
      for (let p = 0; p < partitions; p++) next[p] = p % consumers;
    } else if (this.assignor === 'range') {
      // RangeAssignor: ⌊P/n⌋ each, the first P mod n one more, in contiguous ranges.
      const base = Math.floor(partitions / consumers);
      const extra = partitions % consumers;
      let p = 0;
      for (let c = 0; c < consumers; c++) {
        const share = base + (c < extra ? 1 : 0);
        for (let k = 0; k < share; k++) next[p++] = c;
      }
    } else {
      stickyPlan(this.owner, consumers, next);
    }
    return next;
  }

  /** Applies `owners` (from `plan`) as the assignment over `consumers` members. */
  setOwners(consumers: number, owners: Int32Array): void {
    this.members = consumers;
    const { owner, ownedStart, owned, partitions } = this;
    owner.set(owners);
    ownedStart.fill(0);
    for (let p = 0; p < partitions; p++) if (owner[p] >= 0) ownedStart[owner[p] + 1]++;
    for (let c = 0; c < this.maxConsumers; c++) ownedStart[c + 1] += ownedStart[c];
    const fill = ownedStart.slice(0, this.maxConsumers);
    for (let p = 0; p < partitions; p++) if (owner[p] >= 0) owned[fill[owner[p]]++] = p;
  }

  /** Members owning no partition (more consumers than partitions). */
  get idleConsumers(): number {
    return Math.max(0, this.members - this.partitions);
  }
}

/**
 * The sticky plan: each of the `consumers` members keeps its current partitions up to its share (the
 * larger shares go to those holding most), and the freed or unowned partitions go round-robin to the
 * members below their share — the fewest moves that still balance the group (KIP-429's goal).
 */
function stickyPlan(current: Int32Array, consumers: number, next: Int32Array): void {
  const partitions = current.length;
  const base = Math.floor(partitions / consumers);
  const extra = partitions % consumers;
  const held = new Int32Array(consumers);
  for (let p = 0; p < partitions; p++) if (current[p] >= 0 && current[p] < consumers) held[current[p]]++;
  const byHoldings = Array.from({ length: consumers }, (_, c) => c).sort(
    (a, b) => held[b] - held[a] || a - b,
  );
  const quota = new Int32Array(consumers).fill(base);
  for (let k = 0; k < extra; k++) quota[byHoldings[k]]++;
  const count = new Int32Array(consumers);
  for (let p = 0; p < partitions; p++) {
    const c = current[p];
    if (c >= 0 && c < consumers && count[c] < quota[c]) {
      next[p] = c;
      count[c]++;
    }
  }
  let c = 0;
  for (let p = 0; p < partitions; p++) {
    if (next[p] >= 0) continue;
    while (count[c] >= quota[c]) c = (c + 1) % consumers;
    next[p] = c;
    count[c]++;
    c = (c + 1) % consumers;
  }
}
