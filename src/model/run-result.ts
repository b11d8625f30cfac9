import type { FlowStats, QueueStats } from '../metrics/index.js';
import type { ExchangeStats } from './exchange.js';

/** One queue's results: its configuration beside the measured statistics. */
export interface QueueResult extends QueueStats {
  consumers: number;
  /** Waiting room; null when unbounded. */
  capacity: number | null;
  /** Overflow policy, by its canonical name. */
  overflow: string;
  /** With replications: 95 % confidence interval [low, high] per metric, dotted names ("sojourn.p99"). */
  ci95?: Record<string, [number, number]>;
}

/** The outcome of one simulation run: plain, JSON-safe data (the `--json` object). */
export interface RunResult {
  scenario: string;
  seed: number;
  measuredSeconds: number;
  warmupSeconds: number;
  queues: Record<string, QueueResult>;
  /** Per producer: its messages end to end through the network. */
  flows: Record<string, FlowStats>;
  exchanges: Record<string, ExchangeStats>;
}

/** How the run went as a computation (not part of the deterministic result). */
export interface RunProfile {
  events: number;
  /** Messages published by producers (measured interval). */
  messages: number;
  /** Arrivals summed over queues: a message passing three queues counts three times. */
  queueArrivals: number;
  loopSeconds: number;
}
