import type { Simulation } from '../engine/index.js';
import type { QueueProbe } from '../metrics/index.js';
import type { ConsumerPool } from './consumer-pool.js';
import {
  EVENT_SERVICE_END,
  OFFER_ENQUEUED,
  OFFER_REJECTED,
  OFFER_STARTED,
  PRIORITY_SERVICE_END,
} from './events.js';
import type { MessagePool } from './message-pool.js';
import { MessageRing } from './message-ring.js';

/**
 * A bounded FIFO queue and the consumers that drain it. `capacity` counts waiting messages only, as in
 * RabbitMQ: a message being processed no longer occupies the queue.
 */
export class Queue {
  private readonly waiting = new MessageRing();

  constructor(
    readonly name: string,
    /** Position of this queue in the network: the target of its service-end events. */
    private readonly index: number,
    /** Messages that may wait; Infinity when unbounded. */
    readonly capacity: number,
    readonly consumers: ConsumerPool,
    private readonly simulation: Simulation,
    private readonly messages: MessagePool,
    private readonly probe: QueueProbe,
  ) {}

  /** Messages waiting for a consumer. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /** A message arrives: it starts service, waits, or is refused because the queue is full. */
  offer(message: number, now: number): number {
    if (this.consumers.hasIdle()) {
      // An idle consumer means nobody is waiting: the message goes straight through.
      this.probe.enqueued(now);
      this.startService(message, now);
      return OFFER_STARTED;
    }
    if (this.waiting.length >= this.capacity) {
      this.probe.rejected(now);
      return OFFER_REJECTED;
    }
    this.waiting.push(message);
    this.probe.enqueued(now);
    return OFFER_ENQUEUED;
  }

  /** A consumer finished `message`; it takes the next waiting one, if any. */
  finishService(message: number, now: number): void {
    this.probe.completed(now, now - this.messages.enteredQueueAt[message]);
    this.messages.release(message);
    this.consumers.release();
    if (this.waiting.length > 0) this.startService(this.waiting.shift(), now);
  }

  private startService(message: number, now: number): void {
    this.probe.serviceStarted(now, now - this.messages.enteredQueueAt[message]);
    const serviceSeconds = this.consumers.take();
    this.simulation.schedule(serviceSeconds, PRIORITY_SERVICE_END, EVENT_SERVICE_END, this.index, message);
  }
}
