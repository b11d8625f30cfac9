/**
 * Which consumer owns which partition: Kafka's round-robin assignor over one topic, partition p to
 * consumer p mod n. Every consumer gets ⌊P/n⌋ or ⌈P/n⌉ partitions; with n > P, consumers P…n−1 get none
 * and sit idle, as in Kafka.
 */

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
  ) {
    this.owner = new Int32Array(partitions).fill(-1);
    this.ownedStart = new Int32Array(maxConsumers + 1);
    this.owned = new Int32Array(partitions);
  }

  /** Consumers in the group as of the last assignment. */
  get consumers(): number {
    return this.members;
  }

  /** Assigns every partition over `consumers` members (round-robin); consumers ≥ `consumers` own none. */
  assign(consumers: number): void {
    this.members = consumers;
    const { owner, ownedStart, owned, partitions } = this;
    for (let p = 0; p < partitions; p++) owner[p] = consumers > 0 ? p % consumers : -1;
    let next = 0;
    for (let c = 0; c < this.maxConsumers; c++) {
      ownedStart[c] = next;
      // Consumer c owns c, c + n, c + 2n, … (none once c ≥ n).
      if (c < consumers) for (let p = c; p < partitions; p += consumers) owned[next++] = p;
    }
    ownedStart[this.maxConsumers] = next;
  }

  /** Members owning no partition (more consumers than partitions). */
  get idleConsumers(): number {
    return Math.max(0, this.members - this.partitions);
  }
}
