import type { LatencyHistogram, QueueStats, TimeSeries } from '../metrics/index.js';

/** One queue's results: its configuration beside the measured statistics. */
export interface QueueResult extends QueueStats {
  consumers: number;
  /** Waiting room; null when unbounded. */
  capacity: number | null;
  /** With replications: 95 % confidence interval [low, high] per metric, dotted names ("sojourn.p99"). */
  ci95?: Record<string, [number, number]>;
  /** Wait and sojourn distributions as `[lowerSeconds, upperSeconds, count]` buckets (8 per power of two). */
  latencyHistogram?: LatencyHistogram;
}

/** The outcome of one simulation run: plain, JSON-safe data (the `--json` object). */
export interface RunResult {
  scenario: string;
  seed: number;
  measuredSeconds: number;
  warmupSeconds: number;
  queues: Record<string, QueueResult>;
  /** Fixed-grid time series of every queue over the measured interval (500 bins). */
  timeseries?: TimeSeries;
}

/** How the run went as a computation (not part of the deterministic result). */
export interface RunProfile {
  events: number;
  messages: number;
  loopSeconds: number;
}
