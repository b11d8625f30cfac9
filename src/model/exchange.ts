import type { FlowCollector } from '../metrics/index.js';
import { FLAGS_NOT_COUNTED, type MessagePool } from './message-pool.js';

/** Counts of one exchange over the measured interval. */
export interface ExchangeStats {
  /** Messages published to the exchange. */
  published: number;
  /** Copies delivered to bound queues (fanout: published × bindings). */
  routed: number;
  /** Messages with no binding for their type (direct), lost. */
  unroutable: number;
}

/**
 * A RabbitMQ-style exchange: fanout copies every message to each bound queue; direct sends it to the
 * queues bound to its type. It only decides where copies go; queues do the rest.
 */
export class Exchange {
  /** Per message type (index), the queues it goes to; fanout uses one list for all. */
  private readonly targetsByType: Int32Array[];
  private readonly counts = new Float64Array(3);

  constructor(
    readonly name: string,
    private readonly fanoutTargets: Int32Array | null,
    targetsByType: Int32Array[],
  ) {
    this.targetsByType = targetsByType;
  }

  /** The queues a message of `type` goes to (empty: unroutable). Counts the publish. */
  targetsFor(type: number): Int32Array {
    const targets = this.fanoutTargets ?? (type >= 0 ? this.targetsByType[type] : EMPTY);
    this.counts[0]++;
    this.counts[1] += targets.length;
    return targets;
  }

  /** Records an unroutable message (and ends it in its flow). */
  unroutable(message: number, messages: MessagePool, flows: FlowCollector[]): void {
    this.counts[2]++;
    if ((messages.flags[message] & FLAGS_NOT_COUNTED) === 0) flows[messages.flow[message]].unroutable();
    messages.release(message);
  }

  /** Forgets the warm-up. */
  startMeasuring(): void {
    this.counts.fill(0);
  }

  /** Counts so far. */
  snapshot(): ExchangeStats {
    return { published: this.counts[0], routed: this.counts[1], unroutable: this.counts[2] };
  }
}

const EMPTY = new Int32Array(0);
