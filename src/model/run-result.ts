import type {
  FlowLatencyHistogram,
  FlowStats,
  LatencyHistogram,
  QueueStats,
  RouteStats,
  TimeSeries,
  TopicStats,
} from '../metrics/index.js';
import type { AutoscaleStats } from './autoscaler.js';
import type { ExchangeStats } from './exchange.js';
import type {
  AnalyticComparison,
  BatchMeansInfo,
  NoAnalyticEstimate,
  PrecisionOutcome,
  SloVerdict,
  WarmupDetection,
} from '../results/analysis-results.js';

/** One queue's results: its configuration beside the measured statistics. */
export interface QueueResult extends QueueStats {
  consumers: number;
  /** Waiting room; null when unbounded. */
  capacity: number | null;
  /** Overflow policy, by its canonical name. */
  overflow: string;
  /** An autoscaled pool: how it scaled (`consumers` is then its starting count). */
  autoscale?: AutoscaleResult;
  /** With replications: 95 % confidence interval [low, high] per metric, dotted names ("sojourn.p99"). */
  ci95?: Record<string, [number, number]>;
  /** With `warmup: auto`: where MSER-5 found this queue's transient to end, seconds. */
  warmupCutSeconds?: number;
  /** The steady-state estimate from queueing theory, when the configuration has one. */
  analytic?: AnalyticComparison | NoAnalyticEstimate;
  /**
   * Topics only: the utilisation of the group's busiest consumer. A partition is served by one consumer,
   * so this, not the group's mean `utilization`, says whether the topic keeps up; a topic's `utilization`
   * SLO and the bottleneck verdict read it.
   */
  busiestConsumerUtilization?: number | null;
  /** Topics (`partitions:`) only: per-partition statistics, the hot partition and rebalances. */
  partitions?: TopicStats;
  /** Wait and sojourn distributions as `[lowerSeconds, upperSeconds, count]` buckets (8 per power of two). */
  latencyHistogram?: LatencyHistogram;
}

/** One flow's results: its statistics and, like a queue's, its latency distribution. */
export interface FlowResult extends FlowStats {
  /** With replications or batch means: 95 % confidence interval [low, high] per metric ("endToEnd.p99"). */
  ci95?: Record<string, [number, number]>;
  /** The end-to-end distribution as `[lowerSeconds, upperSeconds, count]` buckets (8 per power of two). */
  latencyHistogram?: FlowLatencyHistogram;
}

/**
 * One route's results: a path of queues through `then` routes, from its producer to where its copies left
 * the network complete. Only completions count here; losses stay in the flows' and queues' loss accounts.
 */
export interface RouteResult extends RouteStats {
  /** Stable for a scenario: the route's number when the paths are numbered depth first as written. */
  id: string;
  producer: string;
  /** The queues visited, in order. */
  queues: string[];
  /** With replications or batch means: 95 % confidence interval [low, high] per metric ("endToEnd.p99"). */
  ci95?: Record<string, [number, number]>;
  /** The end-to-end distribution as `[lowerSeconds, upperSeconds, count]` buckets (8 per power of two). */
  latencyHistogram?: FlowLatencyHistogram;
}

/** How an autoscaled pool behaved over the measured interval. */
export interface AutoscaleResult extends AutoscaleStats {
  /** The configured [min, max]. */
  range: [number, number];
  /** consumerSeconds over the measured time: the time-average consumers paid for. */
  meanConsumers: number;
}

/** The outcome of one simulation run: plain, JSON-safe data (the `--json` object). */
export interface RunResult {
  scenario: string;
  seed: number;
  measuredSeconds: number;
  warmupSeconds: number;
  queues: Record<string, QueueResult>;
  /** Per producer: its messages end to end through the network. */
  flows: Record<string, FlowResult>;
  /**
   * With `then` routes only: per route (path of queues) end to end, by route name
   * (`web → orders → billing`), routes that completed at least once, in route order.
   */
  routes?: Record<string, RouteResult>;
  exchanges: Record<string, ExchangeStats>;
  /** Independent replications behind the means and `ci95` (absent for a single run). */
  replications?: number;
  /** Batch means of one long run, when `batches` is used instead of replications. */
  batchMeans?: BatchMeansInfo;
  /** With `precision`: whether every headline metric reached it. */
  precision?: PrecisionOutcome;
  /** With `warmup: auto`: how the warm-up (`warmupSeconds`) was chosen. */
  warmupDetection?: WarmupDetection;
  /** Fixed-grid time series of every queue over the measured interval (500 bins). */
  timeseries?: TimeSeries;
  /** The scenario's SLOs judged against this result, in the order written (absent without SLOs). */
  slo?: SloVerdict[];
  /** Warnings about the run's own settings: runs too short for their load (analysis/short-run.ts). */
  warnings?: string[];
  /** Blocked publishers waiting on each other in a cycle: the run made no progress there from `at` on. */
  deadlock?: DeadlockResult;
  /** Present when the time budget ended the study before it was done: the numbers cover less than planned. */
  partial?: PartialResult;
}

/** How far a study cut short by its wall-clock time budget got. */
export interface PartialResult {
  reason: 'time-budget';
  /** Simulated seconds the reported run reached, warm-up included (with replications: the shortest kept). */
  simulatedSeconds: number;
  /** Simulated seconds planned per run, warm-up included. */
  plannedSeconds: number;
  /** Runs finished in full, and runs planned (1 for a single run). */
  completedRuns: number;
  plannedRuns: number;
}

/** A deadlock of `block` queues (with replications: the first replication that deadlocked). */
export interface DeadlockResult {
  /** Simulated seconds from the start of the run (warm-up included) when it formed. */
  at: number;
  /** The queues in the cycle, in the scenario's order. */
  queues: string[];
  /** With replications: which one (1-based) this is, the first that deadlocked. */
  replication?: number;
  /** With replications: how many of them deadlocked. */
  deadlockedReplications?: number;
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
