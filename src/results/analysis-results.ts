/**
 * The parts of the `--json` result that replications, batch means, precision-driven stopping, warm-up
 * detection and analytic estimates add. Plain, JSON-safe data; the analysis layer fills them in.
 */

/** Batch means of one long run. */
export interface BatchMeansInfo {
  /** Number of batches the confidence intervals come from. */
  batches: number;
  /** Measured simulated time per batch, seconds. */
  batchSeconds: number;
  /**
   * Lag-1 autocorrelation of the batch means of each queue's mean number in system: near 0 when batches are
   * long enough to be treated as independent; well above 0 (the table warns beyond 0.3) means longer batches.
   */
  lag1Autocorrelation: Record<string, number | null>;
}

/** A metric that did not reach the requested precision. */
export interface UnconvergedMetric {
  queue: string;
  /** Dotted metric name, e.g. "sojourn.p99". */
  metric: string;
  /** Half-width of its 95 % CI divided by |mean|; null when undefined in some run (no CI). */
  relativeHalfWidth: number | null;
}

/** How precision-driven stopping ended. */
export interface PrecisionOutcome {
  /** Requested half-width as a fraction of the mean (0.02 = 2 %). */
  target: number;
  /** Metrics whose half-width had to meet the target, per queue (dotted names). */
  metrics: string[];
  converged: boolean;
  /** What stopped it: the target was met, or a cap was reached first. */
  stoppedBy: 'precision' | 'max-replications' | 'max-duration' | 'time-budget';
  /** Metrics still wider than the target when it stopped (empty when converged). */
  notConverged: UnconvergedMetric[];
}

/** The warm-up chosen by `warmup: auto`. */
export interface WarmupDetection {
  method: 'MSER-5';
  /** Replications whose number-in-system series were averaged before MSER-5 ran on them. */
  pilotReplications: number;
  /** Simulated time each pilot series covers, seconds (the scenario's duration). */
  horizonSeconds: number;
  /** Queues whose transient lasted more than half the horizon: their cut is a lower bound; run longer. */
  unreliable: string[];
}

/** A closed-form or approximate steady-state value beside the simulated one. */
export interface AnalyticComparison {
  /** Kendall notation of the model used, e.g. "M/M/2/10", "M/G/1", "G/G/4". */
  model: string;
  /** The formula and its source, e.g. "M/M/c/K (Gross et al. §2.5)", "Allen–Cunneen approximation". */
  method: string;
  /** True for exact steady-state results, false for approximations. */
  exact: boolean;
  /** False when the offered load reaches the consumers' capacity: the queue grows without bound. */
  stable: boolean;
  /** Analytic value per dotted metric name; null where the formula gives none (infinite or undefined). */
  values: Record<string, number | null>;
  /**
   * Set when a producer reaching the queue has a time-varying rate (a schedule or on/off bursts): the estimate
   * is the steady state at the peak, and this is the arrival rate it assumes at the queue, per second.
   */
  peakRate?: number;
  /**
   * With confidence intervals: metrics whose simulated value falls outside the analytic value's plausible
   * range (exact: outside the 99 % CI; approximation: off by more than 30 % beyond the 99 % CI).
   */
  outside?: string[];
}

/**
 * Why a queue has no analytic estimate: no formula applies, or the formula's assumptions fail for this queue
 * (prefetch buffers, bursts, trace replay, frequent TTL expiries, ...). `method` repeats the reason and
 * `values` is null, so a reader of the JSON finds the same fields as in an estimate.
 */
export interface NoAnalyticEstimate {
  model: null;
  reason: string;
  values: null;
  method: string;
}

/**
 * One SLO checked against a result. With a 95 % CI: `pass` when its upper bound is within `max`, `fail` when
 * its lower bound is beyond, else `uncertain`; both `pass` and `fail` are then `significant`. A single run's
 * CI comes from batch means of that run. Without a CI (a maximum, batches too short or correlated, a metric
 * undefined in some replication) the point value decides, and the verdict is not significant. A metric with
 * no value at all (nothing completed) is `uncertain`. A maximum (`sojourn.max`) is no CI question: its value
 * is the largest seen in any replication (or in the run), `pass` means none exceeded `max` and `fail` that
 * one did; both are `significant` (they state what was observed), and `largestOf` says over how many runs.
 */
export interface SloVerdict {
  /** Dotted path of the metric in the results, e.g. "queues.billing.sojourn.p99", "flows.orders.endToEnd.p99". */
  target: string;
  /** The limit, in the metric's unit. */
  max: number;
  /** seconds, fraction or count. */
  unit: 'seconds' | 'fraction' | 'count';
  /** The metric's value (the mean over replications; a maximum's, the largest); null when it is undefined. */
  value: number | null;
  /** 95 % confidence interval of the value, when there is one. */
  ci95?: [number, number];
  /** Where `ci95` comes from: independent replications, or batch means (of a single run, or `batches:`). */
  ciFrom?: { method: 'replications' | 'batch means'; n: number };
  /** For a maximum: the value is the largest seen over this many replications (1: a single run). */
  largestOf?: { replications: number };
  verdict: 'pass' | 'fail' | 'uncertain';
  /** True when the verdict rests on the CI rather than on one point value. */
  significant: boolean;
  /**
   * When the verdict is not significant: what would decide it, e.g. "about 40 replications", "a run about
   * 4× longer (or about 4 replications)", with the reason when there is no CI at all.
   */
  decide?: string;
}
