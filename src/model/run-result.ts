import type { QueueStats } from '../metrics/index.js';
import type {
  AnalyticComparison,
  BatchMeansInfo,
  NoAnalyticEstimate,
  PrecisionOutcome,
  WarmupDetection,
} from './statistics-result.js';

/** One queue's results: its configuration beside the measured statistics. */
export interface QueueResult extends QueueStats {
  consumers: number;
  /** Waiting room; null when unbounded. */
  capacity: number | null;
  /** With replications: 95 % confidence interval [low, high] per metric, dotted names ("sojourn.p99"). */
  ci95?: Record<string, [number, number]>;
  /** With `warmup: auto`: where MSER-5 found this queue's transient to end, seconds. */
  warmupCutSeconds?: number;
  /** The steady-state estimate from queueing theory, when the configuration has one. */
  analytic?: AnalyticComparison | NoAnalyticEstimate;
}

/** The outcome of one simulation run: plain, JSON-safe data (the `--json` object). */
export interface RunResult {
  scenario: string;
  seed: number;
  measuredSeconds: number;
  warmupSeconds: number;
  queues: Record<string, QueueResult>;
  /** Independent replications behind the means and `ci95` (absent for a single run). */
  replications?: number;
  /** Batch means of one long run, when `batches` is used instead of replications. */
  batchMeans?: BatchMeansInfo;
  /** With `precision`: whether every headline metric reached it. */
  precision?: PrecisionOutcome;
  /** With `warmup: auto`: how the warm-up (`warmupSeconds`) was chosen. */
  warmupDetection?: WarmupDetection;
}

/** How the run went as a computation (not part of the deterministic result). */
export interface RunProfile {
  events: number;
  messages: number;
  loopSeconds: number;
}
