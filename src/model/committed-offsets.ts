/**
 * A consumer group's auto-commit (Kafka enable.auto.commit): each member commits its partitions' offsets
 * every `commitIntervalSeconds` from its first poll, and every member commits when a rebalance revokes
 * partitions. The scaler's lag (latest minus committed offset) includes the records processed since.
 */
export class CommittedOffsets {
  /** Records processed (completed or given up) and not yet committed, per partition (as of its last record). */
  private readonly uncommitted: Int32Array;
  /** When each partition last moved past a record. */
  private readonly lastProcessedAt: Float64Array;
  /**
   * Where each consumer's auto-commit clock starts: its first poll since it joined or since the last
   * rebalance (NaN: none yet). It commits at that poll and every interval after.
   */
  private readonly commitPhase: Float64Array;

  constructor(
    partitions: number,
    maxConsumers: number,
    /** Auto-commit interval, seconds; 0 = a commit after every record. */
    private readonly intervalSeconds: number,
    /** The owner of each partition as last assigned (−1: none), read when the lag is asked for. */
    private readonly owner: Int32Array,
  ) {
    this.uncommitted = new Int32Array(partitions);
    this.lastProcessedAt = new Float64Array(partitions);
    this.commitPhase = new Float64Array(maxConsumers).fill(NaN);
  }

  /** `consumer` polls: its auto-commit clock starts at its first poll. */
  polled(consumer: number, now: number): void {
    if (Number.isNaN(this.commitPhase[consumer])) this.commitPhase[consumer] = now;
  }

  /** Partition `p` moved past a record (completed or given up): it counts as lag until committed. */
  processed(p: number, now: number): void {
    if (this.intervalSeconds === 0) return;
    this.uncommitted[p] = this.uncommittedAt(p, now) + 1;
    this.lastProcessedAt[p] = now;
  }

  /**
   * Partition `p`'s processed, uncommitted records at `now`: none if its owner's auto-commit clock has
   * ticked since the partition's last record (a commit takes everything processed before it).
   */
  uncommittedAt(p: number, now: number): number {
    if (this.uncommitted[p] === 0) return 0;
    const owner = this.owner[p];
    const phase = owner >= 0 ? this.commitPhase[owner] : NaN;
    if (Number.isNaN(phase)) return this.uncommitted[p];
    const interval = this.intervalSeconds;
    const lastTick = phase + Math.floor((now - phase) / interval) * interval;
    if (this.lastProcessedAt[p] < lastTick) this.uncommitted[p] = 0;
    return this.uncommitted[p];
  }

  /** Every member commits what it has processed (before it rejoins a rebalance). */
  commitAll(): void {
    this.uncommitted.fill(0);
  }

  /** A new assignment: each member's auto-commit clock restarts at its next poll. */
  restartClocks(): void {
    this.commitPhase.fill(NaN);
  }
}
