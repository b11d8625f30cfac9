/**
 * Finds a deadlock of `overflow: block` queues the moment it forms. A consumer that publishes onward into
 * a full `block` queue keeps its message until there is room; room in that queue comes only from its own
 * consumers finishing (or a TTL, or an autoscaler adding one). When every consumer of every queue in a
 * cycle waits on the next queue of the cycle, which is full, none of them can ever finish: the messages in
 * the cycle, and every publisher waiting on it, are stuck for good.
 *
 * A deadlock can only form when a wait is added, i.e. when a consumer's onward delivery is blocked, and only
 * through a queue whose last free consumer that was: so the queue tells the watch then (`consumersStalled`),
 * and only then is the wait-for graph examined. The hot path pays one counter per blocked delivery.
 */

/** A deadlock: when it began (simulated seconds from the start of the run) and the queues in its cycle. */
export interface Deadlock {
  at: number;
  /** The queues of the cycle, in the scenario's order. */
  queues: string[];
}

/** What the watch reads of a plain queue (topics never block their publishers, so they are never waited on). */
export interface WaitedOnQueue {
  /** True when every consumer waits on a blocked onward delivery and nothing else can free one. */
  isStalled(): boolean;
  /** Publisher codes of the deliveries blocked on this queue. */
  blockedPublisherCodes(): number[];
  /** Consumers taking work now. */
  consumerCount(): number;
}

/** Which queue a publisher code belongs to: -1 for a producer, else the queue whose consumer it is. */
export type PublisherOwner = (publisher: number) => number;

/** Watches the queues of one network for a deadlock; remembers the first one (a deadlock is permanent). */
export class DeadlockWatch {
  private found: Deadlock | null = null;

  constructor(
    /** Queues by destination number; null for topics and autoscaled queues (a new consumer can break a wait). */
    private readonly queues: ReadonlyArray<WaitedOnQueue | null>,
    private readonly names: readonly string[],
    private readonly ownerOf: PublisherOwner,
  ) {}

  /** The first deadlock, or null while there is none. */
  get deadlock(): Deadlock | null {
    return this.found;
  }

  /** Every consumer of queue `stalled` now waits on a blocked delivery: records a deadlock if one formed. */
  consumersStalled(stalled: number, now: number): void {
    if (this.found !== null || this.queues[stalled]?.isStalled() !== true) return;
    const waits = this.waitsBetweenStalledQueues();
    const dead = deadQueues(waits, (queue) => (this.queues[queue] as WaitedOnQueue).consumerCount());
    // A new deadlock must go through the queue whose consumer just blocked: the only thing that changed.
    if (!dead.has(stalled)) return;
    const cycle = queuesOnCycles(dead, waits);
    if (cycle.length > 0) this.found = { at: now, queues: cycle.map((queue) => this.names[queue]) };
  }

  /**
   * For each stalled queue, the targets its consumers wait on, per consumer (publisher code): only the
   * waits on stalled queues, since a wait on any other queue ends when that queue's consumers finish.
   */
  private waitsBetweenStalledQueues(): Map<number, Map<number, number[]>> {
    const stalled = new Set<number>();
    this.queues.forEach((queue, index) => {
      if (queue?.isStalled() === true) stalled.add(index);
    });
    const waits = new Map<number, Map<number, number[]>>([...stalled].map((q) => [q, new Map()]));
    for (const target of stalled) {
      for (const publisher of (this.queues[target] as WaitedOnQueue).blockedPublisherCodes()) {
        const consumers = waits.get(this.ownerOf(publisher));
        if (consumers === undefined) continue; // a producer, or a consumer of a queue that is not stalled
        const targets = consumers.get(publisher) ?? [];
        targets.push(target);
        consumers.set(publisher, targets);
      }
    }
    return waits;
  }
}

/** Per stalled queue, per consumer (publisher code) waiting on stalled queues: the queues it waits on. */
type Waits = Map<number, Map<number, number[]>>;

/**
 * The queues that can never make progress again: the largest set in which every queue's every consumer
 * waits on some queue of the set (a consumer needs all its deliveries through, so one dead target is
 * enough to hold it). Starting from all stalled queues, a queue with a consumer that waits only outside
 * the set is removed, until nothing changes.
 */
function deadQueues(waits: Waits, consumerCount: (queue: number) => number): Set<number> {
  const dead = new Set(waits.keys());
  let changed = true;
  while (changed) {
    changed = false;
    for (const queue of dead) {
      const consumers = waits.get(queue) as Map<number, number[]>;
      const held = [...consumers.values()].every((targets) => targets.some((target) => dead.has(target)));
      // A consumer missing here waits only on queues that are not stalled: it will finish.
      if (consumers.size < consumerCount(queue) || !held) {
        dead.delete(queue);
        changed = true;
      }
    }
  }
  return dead;
}

/** The dead queues that lie on a cycle of waits inside the dead set, in index order. */
function queuesOnCycles(dead: Set<number>, waits: Waits): number[] {
  const next = (queue: number): number[] => [
    ...new Set(
      [...(waits.get(queue) as Map<number, number[]>).values()].flat().filter((target) => dead.has(target)),
    ),
  ];
  const reachesItself = (start: number): boolean => {
    const seen = new Set<number>();
    const pending = next(start);
    while (pending.length > 0) {
      const queue = pending.pop() as number;
      if (queue === start) return true;
      if (seen.has(queue)) continue;
      seen.add(queue);
      pending.push(...next(queue));
    }
    return false;
  };
  return [...dead].filter(reachesItself).sort((a, b) => a - b);
}
