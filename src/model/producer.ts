import type { Distribution, RandomStream, Simulation } from '../engine/index.js';
import type { FlowCollector } from '../metrics/index.js';
import type { ArrivalProcess } from './arrival-process.js';
import { EVENT_ARRIVAL, OFFER_BLOCKED, PRIORITY_ARRIVAL } from './events.js';
import type { MessagePool } from './message-pool.js';
import type { Destination } from './destination.js';
import type { MessageRouter } from './routing.js';

/** A producer's message mix: type indexes with cumulative probabilities, and their priorities. */
export interface TypeMix {
  types: Int32Array;
  cumulative: Float64Array;
  priorities: Int32Array;
}

/** Gives messages their types from outside the mix (a trace's type column): `type` -1 = the mix decides. */
export interface TypeSource {
  readonly type: number;
  readonly priority: number;
}

/** The random streams a producer draws from, one per purpose. */
export interface ProducerStreams {
  arrivals: RandomStream;
  types: RandomStream;
  size: RandomStream;
  batch: RandomStream;
}

/** Everything a producer is built from. */
export interface ProducerOptions {
  name: string;
  /** Position of this producer in the network: its event target and its publisher code. */
  index: number;
  /** Destination number (queue or exchange), and the queue or topic itself when it is one (the fast path). */
  destination: number;
  destinationQueue: Destination | null;
  arrivals: ArrivalProcess;
  /** The message-type mix; null = untyped messages. */
  mix: TypeMix | null;
  /** Types set per message from outside (a trace, which then has a mix); null = the mix alone. */
  typeSource: TypeSource | null;
  /** Message sizes, bytes; null = no sizes. */
  size: Distribution | null;
  /** Messages per arrival event (rounded, at least 1); null = one (the plain path). */
  batch: Distribution | null;
  random: ProducerStreams;
  simulation: Simulation;
  messages: MessagePool;
  router: MessageRouter;
  flow: FlowCollector;
}

/**
 * A source of messages: an arrival process (Poisson for `rate:`) publishing to a queue or exchange.
 * When a `block` queue is full it stalls: the next message is scheduled only once all its deliveries
 * went through, so its arrivals are delayed, not lost.
 */
export class Producer {
  readonly name: string;
  private outstanding = 0;
  private readonly blockedSince = new Float64Array(1);
  // The options, unpacked into fields: the hot path reads them directly.
  private readonly index: number;
  private readonly destination: number;
  private readonly destinationQueue: Destination | null;
  private readonly arrivals: ArrivalProcess;
  private readonly random: RandomStream;
  private readonly mix: TypeMix | null;
  private readonly mixRandom: RandomStream;
  private readonly typeSource: TypeSource | null;
  private readonly size: Distribution | null;
  private readonly sizeRandom: RandomStream;
  private readonly batch: Distribution | null;
  private readonly batchRandom: RandomStream;
  private readonly simulation: Simulation;
  private readonly messages: MessagePool;
  private readonly router: MessageRouter;
  private readonly flow: FlowCollector;

  constructor(options: ProducerOptions) {
    this.name = options.name;
    this.index = options.index;
    this.destination = options.destination;
    this.destinationQueue = options.destinationQueue;
    this.arrivals = options.arrivals;
    this.random = options.random.arrivals;
    this.mix = options.mix;
    this.mixRandom = options.random.types;
    this.typeSource = options.typeSource;
    this.size = options.size;
    this.sizeRandom = options.random.size;
    this.batch = options.batch;
    this.batchRandom = options.random.batch;
    this.simulation = options.simulation;
    this.messages = options.messages;
    this.router = options.router;
    this.flow = options.flow;
  }

  /** Schedules the first message, one inter-arrival time after the start. */
  start(): void {
    this.scheduleNext();
  }

  /** Publishes one message (or a batch) now and schedules the next (or stalls while a delivery is blocked). */
  emit(now: number): void {
    let blocked: number;
    if (this.batch === null) {
      blocked = this.publish(now);
    } else {
      const count = Math.max(1, Math.round(this.batch.sample(this.batchRandom)));
      blocked = 0;
      for (let i = 0; i < count; i++) blocked += this.publish(now);
    }
    if (blocked === 0) {
      this.scheduleNext();
    } else {
      this.outstanding = blocked;
      this.blockedSince[0] = now;
    }
  }

  /** Publishes one message now; returns how many of its deliveries are blocked. */
  private publish(now: number): number {
    let type = -1;
    let priority = 0;
    const mix = this.mix;
    if (mix !== null) {
      // Only typed producers get here, so untyped ones pay nothing for the trace's types.
      const given = this.typeSource;
      if (given !== null && given.type >= 0) {
        type = given.type;
        priority = given.priority;
      } else {
        const u = this.mixRandom.next();
        let i = 0;
        while (i < mix.types.length - 1 && u >= mix.cumulative[i]) i++;
        type = mix.types[i];
        priority = mix.priorities[i];
      }
    }
    const bytes = this.size === null ? 0 : this.size.sample(this.sizeRandom);
    const message = this.messages.allocate(now, this.index, type, priority, bytes);
    this.flow.published();
    const queue = this.destinationQueue;
    return queue !== null
      ? Number(queue.offer(message, now, this.index) === OFFER_BLOCKED)
      : this.router.publish(message, this.destination, this.index, now);
  }

  /** One of this producer's blocked deliveries went through; it resumes once all have. */
  deliveryUnblocked(now: number): void {
    if (--this.outstanding > 0) return;
    this.flow.blocked(this.blockedSince[0], now);
    this.scheduleNext();
  }

  /** When the producer's current block began, or null when it is not blocked (for blocks open at the end). */
  openBlockSince(): number | null {
    return this.outstanding > 0 ? this.blockedSince[0] : null;
  }

  private scheduleNext(): void {
    const gap = this.arrivals.nextGap(this.random);
    this.simulation.schedule(gap, PRIORITY_ARRIVAL, EVENT_ARRIVAL, this.index, 0);
  }
}
