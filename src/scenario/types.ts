/**
 * The normalised scenario: plain, validated data with every unit resolved to SI seconds.
 * This is what the rest of queuesim consumes; the YAML as written has its own (input) type in raw-schema.ts.
 */

/** A probability distribution as the user described it, all times in seconds. */
export type DistributionSpec =
  | { kind: 'exponential'; mean: number }
  | { kind: 'constant'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'lognormal'; mean: number; cv: number }
  | { kind: 'gamma'; mean: number; cv: number }
  | { kind: 'erlang'; k: number; mean: number }
  | { kind: 'weibull'; shape: number; scale: number }
  | { kind: 'empirical'; values: number[] };

/** What a full queue does with a new message. Issue 2 knows only `reject-new`. */
export type OverflowPolicy = 'reject-new';

export interface ProducerSpec {
  name: string;
  /** Name of the queue the producer publishes to. */
  to: string;
  /** Time between consecutive messages (exponential for `rate: 50/s`). */
  interarrival: DistributionSpec;
}

export interface QueueSpec {
  name: string;
  /** Messages that may wait (excluding those in service); `null` = unbounded. */
  capacity: number | null;
  overflow: OverflowPolicy;
  /** Identical workers serving this queue; 0 means the queue only holds messages. */
  consumers: number;
  /** Service time per message; `null` only when `consumers` is 0. */
  service: DistributionSpec | null;
  /** Messages already in the queue at time 0 (absent = none). */
  backlog?: number;
}

/** How many runs to make and when to stop: the `replications`, `batches` and `precision` keys. */
export interface StatisticsSpec {
  /** Independent replications (the number to start with when `precision` is set); null = not given. */
  replications: number | null;
  /** Batch means of one long run with this many batches; null = independent replications. */
  batches: number | null;
  /** Target CI half-width as a fraction of the mean (0.02 for 2 %); null = a fixed number of runs. */
  precision: number | null;
  /** With precision: the most replications to run; null = the default. */
  maxReplications: number | null;
  /** With batches and precision: the longest measured time, seconds; null = the default. */
  maxDurationSeconds: number | null;
  /** With precision: wall-clock seconds after which no more runs or batches start; null = no limit. */
  timeBudgetSeconds: number | null;
}

export interface Scenario {
  name: string;
  description: string;
  seed: number;
  /** Measured simulated time, seconds (after warm-up). */
  durationSeconds: number;
  /** Simulated time before measuring starts, seconds (0 when `warmupAuto` until it is detected). */
  warmupSeconds: number;
  /** `warmup: auto`: the warm-up is detected per queue by MSER-5 before measuring. */
  warmupAuto?: boolean;
  /** Replications, batch means and precision-driven stopping; absent = one run. */
  statistics?: StatisticsSpec;
  producers: ProducerSpec[];
  queues: QueueSpec[];
}
