import type { Distribution } from '../engine/distributions/index.js';
import type { RandomStream, Simulation } from '../engine/index.js';
import { EVENT_ARRIVAL, OFFER_REJECTED, PRIORITY_ARRIVAL } from './events.js';
import type { MessagePool } from './message-pool.js';
import type { Queue } from './queue.js';

/** A source of messages: a renewal process (Poisson for `rate:`) publishing to one queue. */
export class Producer {
  constructor(
    readonly name: string,
    /** Position of this producer in the network: the target of its arrival events. */
    private readonly index: number,
    private readonly interarrival: Distribution,
    private readonly random: RandomStream,
    private readonly destination: Queue,
    private readonly simulation: Simulation,
    private readonly messages: MessagePool,
  ) {}

  /** Schedules the first message, one inter-arrival time after the start. */
  start(): void {
    this.scheduleNext();
  }

  /** Publishes one message now and schedules the next. */
  emit(now: number): void {
    const message = this.messages.allocate(now);
    if (this.destination.offer(message, now) === OFFER_REJECTED) this.messages.release(message);
    this.scheduleNext();
  }

  private scheduleNext(): void {
    const gap = this.interarrival.sample(this.random);
    this.simulation.schedule(gap, PRIORITY_ARRIVAL, EVENT_ARRIVAL, this.index, 0);
  }
}
