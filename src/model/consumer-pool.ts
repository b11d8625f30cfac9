import type { Distribution } from '../engine/distributions/index.js';
import type { RandomStream } from '../engine/index.js';

/** The identical workers consuming one queue: how many there are, how many are busy, how long they take. */
export class ConsumerPool {
  private busyCount = 0;

  constructor(
    /** Number of workers. */
    readonly size: number,
    private readonly serviceTime: Distribution | null,
    private readonly random: RandomStream,
  ) {}

  /** Workers currently processing a message. */
  get busy(): number {
    return this.busyCount;
  }

  /** True when a worker is free to take a message. */
  hasIdle(): boolean {
    return this.busyCount < this.size;
  }

  /** Occupies a worker and returns how long it will take, seconds. A worker must be idle. */
  take(): number {
    this.busyCount++;
    return (this.serviceTime as Distribution).sample(this.random);
  }

  /** Frees a worker. */
  release(): void {
    this.busyCount--;
  }
}
