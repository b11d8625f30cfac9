/**
 * The normalised scenario: plain, validated data with every unit resolved to SI (seconds, bytes).
 * This is what the rest of queuesim consumes; the YAML as written has its own (input) type in raw-schema.ts.
 */

/** A probability distribution as the user described it, all times in seconds (sizes in bytes). */
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

/**
 * What a full queue does with a new message (canonical names; RabbitMQ's `reject-publish`,
 * `reject-publish-dlx` and `drop-head` are accepted in the file and normalised to these):
 * - `reject-new`: the new message is refused (dead-lettered when the queue has `dead-letter`);
 * - `drop-oldest`: the oldest waiting message is discarded (or dead-lettered) to make room;
 * - `block`: the publisher stalls until there is room; nothing is lost.
 */
export type OverflowPolicy = 'reject-new' | 'drop-oldest' | 'block';

/** One message type in a producer's mix, with its probability (the weights normalised to sum to 1). */
export interface TypeShare {
  type: string;
  probability: number;
}

/**
 * A piecewise-constant Poisson rate: `ratesPerSecond[i]` holds until `breakpointsSeconds[i]` (increasing),
 * the last rate after the last breakpoint. With `periodSeconds` (a daily profile) the pattern repeats.
 */
export interface RateSchedule {
  kind: 'piecewise';
  /** Ends of all pieces but the last, seconds from the start; one fewer than the rates. */
  breakpointsSeconds: number[];
  /** Rate of each piece, per second (>= 0). */
  ratesPerSecond: number[];
  /** Length of one repetition (86400 for a daily profile); null = not repeated, the last rate persists. */
  periodSeconds: number | null;
}

/** An on/off source: exponential sojourns with these means, and a Poisson rate in each state. */
export interface OnOffSpec {
  onSeconds: number;
  offSeconds: number;
  rateOnPerSecond: number;
  rateOffPerSecond: number;
}

/**
 * Arrivals replayed from a trace file (`trace:`), as the load-time pre-pass found it. Record k of cycle c
 * arrives at (c·period + (t_k − t_first)) / speedup seconds, where period = span + the mean gap.
 */
export interface TraceSpec {
  /** Absolute path of the file (worker threads open it themselves). */
  path: string;
  format: 'csv' | 'ndjson';
  /** The timestamp column (CSV) or key (NDJSON) named by `column`; null = `timestamp` or `time`. */
  column: string | null;
  /** Gaps are divided by this (> 0): 2 = twice the traffic. Sweep multiples of the rate multiply it. */
  speedup: number;
  /** Replay again after the last record (the next cycle one mean gap later); false = stop there. */
  loop: boolean;
  /** Records replayed (from `start`; >= 2). */
  records: number;
  /** Simulated time 0, epoch milliseconds: `start`, or the first record's timestamp; earlier records are skipped. */
  firstMs: number;
  /** Last timestamp minus `firstMs`, seconds of trace time (before the speedup; > 0). */
  spanSeconds: number;
  /** True when records carry message types (a type column); they override the producer's mix. */
  typed: boolean;
  /** Shares of the types among the typed records, in order of first appearance. */
  typeShares: TypeShare[];
  /** The producer's `types` mix, from which records without a type draw theirs; empty = untyped. */
  fallbackTypes: TypeShare[];
}

export interface ProducerSpec {
  name: string;
  /** Name of the queue or exchange the producer publishes to. */
  to: string;
  /**
   * Time between consecutive messages (exponential for `rate: 50/s`). For a time-varying rate, the
   * exponential of its time-average rate over the run (what analytic estimates read, as an approximation).
   */
  interarrival: DistributionSpec;
  /** An on/off (two-state Markov-modulated Poisson) source, from `arrival: { process: on-off, … }`. */
  onOff?: OnOffSpec;
  /** Messages per arrival event (rounded, at least 1); absent = one. */
  batch?: DistributionSpec;
  /** A time-varying Poisson rate (`rate:` as a schedule or a daily profile); absent = `interarrival` alone. */
  schedule?: RateSchedule;
  /**
   * Arrivals replayed from a file; `interarrival` is then the exponential of the trace's mean rate and
   * `types` the mix observed in it (what estimates and topology read).
   */
  trace?: TraceSpec;
  /** Message types emitted and their probabilities; empty = untyped messages. */
  types: TypeShare[];
  /** Message size in bytes, when the scenario uses `capacity-bytes`; null = not modelled. */
  messageBytes: DistributionSpec | null;
}

/** A binding of an exchange to a queue; `types` null = every message (fanout) or by patterns (topic). */
export interface BindingSpec {
  queue: string;
  types: string[] | null;
  /** Topic exchanges: the binding patterns matched against the message type (absent otherwise). */
  patterns?: string[];
}

export interface ExchangeSpec {
  name: string;
  /**
   * fanout: a copy to every bound queue; direct: to the queues bound to the message's type; topic: to the
   * queues with a pattern the type matches.
   */
  type: 'fanout' | 'direct' | 'topic';
  bindings: BindingSpec[];
}

/** An onward publish after a consumer finishes: to a queue or exchange, with a probability. */
export interface RouteSpec {
  to: string;
  probability: number;
}

/** Redelivery of failed messages. */
export interface RetrySpec {
  /** Processing attempts before a message is given up (exhausted); null = unlimited. */
  maxAttempts: number | null;
  /** Delay before the first redelivery becomes visible, seconds. */
  backoffSeconds: number;
  /** Each further redelivery waits `multiplier` times longer. */
  multiplier: number;
  /** Upper bound of the delay, seconds; null = none. */
  maxBackoffSeconds: number | null;
}

/** One HPA scaling policy: at most `value` pods, or `value` % of the count, per `periodSeconds`. */
export interface ScalingPolicySpec {
  type: 'pods' | 'percent';
  value: number;
  periodSeconds: number;
}

/** HPA `behavior.scaleUp` or `behavior.scaleDown`. */
export interface ScalingRulesSpec {
  /** Recommendations of this window are combined (min for up, max for down) before a change. */
  stabilizationSeconds: number;
  policies: ScalingPolicySpec[];
  /** max: the policy allowing the biggest change; min: the smallest; disabled: no change this way. */
  select: 'max' | 'min' | 'disabled';
}

/** KEDA/HPA-style autoscaling of a queue's consumers. */
export interface AutoscaleSpec {
  min: number;
  max: number;
  /** Per consumer, the metric's value aimed at: desired consumers = ceil(metric / target). */
  target: number;
  /**
   * waiting: ready messages (KEDA RabbitMQ QueueLength over AMQP or with excludeUnacknowledged); lag: ready
   * plus unacknowledged (QueueLength over the management API; a consumer group's lag); rate: messages
   * arriving per second since the last reading (MessageRate).
   */
  metric: 'waiting' | 'lag' | 'rate';
  /** KEDA's pollingInterval: how often it checks activation (0 ↔ 1); only polled when min is 0. */
  pollingSeconds: number;
  /** The HPA's sync period: every 1 ↔ N decision. */
  syncSeconds: number;
  /** KEDA's cooldownPeriod: the metric at or below activation this long takes the last replicas to 0. */
  cooldownSeconds: number;
  /** KEDA's activation threshold: the pool leaves 0 when the metric exceeds it. */
  activation: number;
  /** HPA behavior (Kubernetes' defaults where not written; `scale-up-step` is one pods policy). */
  scaleUp: ScalingRulesSpec;
  scaleDown: ScalingRulesSpec;
  /** No change while metric / (replicas × target) is within 1 ± tolerance (HPA's tolerance). */
  tolerance: number;
  /** From a scale-up decision until the new consumer takes work. */
  startupSeconds: number;
  /** KEDA useCachedMetrics: the HPA uses the metric KEDA read at its last poll, not a live reading. */
  cachedMetrics: boolean;
}

export interface QueueSpec {
  name: string;
  /** Messages that may wait (ready, excluding those held by consumers); `null` = unbounded. */
  capacity: number | null;
  /** Bytes that may wait; `null` = no byte limit. */
  capacityBytes: number | null;
  overflow: OverflowPolicy;
  /** Longest a message may wait ready in the queue before it expires, seconds; null = no TTL. */
  ttlSeconds: number | null;
  /** Queue that receives refused, dropped, expired and exhausted messages; null = they are lost. */
  deadLetter: string | null;
  /** Identical workers serving this queue; 0 means the queue only holds messages. */
  consumers: number;
  /** Service time per message; `null` only when `consumers` is 0. */
  service: DistributionSpec | null;
  /** Unacknowledged messages a consumer may hold (RabbitMQ basic.qos); 1 = fair dispatch. */
  prefetch: number;
  /** Probability that a processing attempt fails (after taking its full service time). */
  failureProbability: number;
  retry: RetrySpec;
  /** Visibility timeout: a message still in processing after this long is delivered again; null = none. */
  timeoutSeconds: number | null;
  /** Highest message priority honoured (RabbitMQ x-max-priority); 0 = plain FIFO. */
  maxPriority: number;
  /** Where a finished message goes next; empty = it leaves the system (its flow completes here). */
  then: RouteSpec[];
  /** Messages already in the queue at time 0 (absent = none). */
  backlog?: number;
  /** Autoscaled consumers (absent = a fixed pool of `consumers`, which is the starting count otherwise). */
  autoscale?: AutoscaleSpec;
  /** A Kafka-style partitioned topic instead of a queue (absent = a plain queue). */
  topic?: TopicSpec;
}

/** The settings of a partitioned topic (`partitions:`, `keys:`, `retention:`, `rebalance-pause:`). */
export interface TopicSpec {
  partitions: number;
  /** Distinct keys; null = no keys: messages spread uniformly at random over the partitions. */
  keyCount: number | null;
  /** Zipf exponent of key popularity; 0 = uniform. */
  keySkew: number;
  /** An unconsumed message older than this is deleted (expired), seconds; null = kept forever. */
  retentionSeconds: number | null;
  /** Join/sync time of a rebalance, after the members holding records have finished them, seconds. */
  rebalancePauseSeconds: number;
  /** Offset commit interval (auto-commit), seconds; 0 = a commit after every record (`per-message`). */
  commitIntervalSeconds: number;
  /** The consumers' partition assignment strategy. */
  assignor: Assignor;
  /** Most records one poll returns (max.poll.records). */
  maxPollRecords: number;
  /** The coordinator's wait when a consumer joins an empty group (group.initial.rebalance.delay.ms), seconds. */
  initialRebalanceDelaySeconds: number;
  /** The scaler's lag is capped at target × partitions with lag (autoscale `limit-to-partitions-with-lag`). */
  limitToPartitionsWithLag: boolean;
}

/** Kafka's partition assignment strategies (range and round-robin are eager; cooperative-sticky is KIP-429's). */
export type Assignor = 'range' | 'round-robin' | 'cooperative-sticky';

export interface MessageTypeSpec {
  name: string;
  /** Priority of messages of this type (higher first) in queues with `max-priority`. */
  priority: number;
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
  /** Wall-clock seconds that bound the study (runs stop, results marked partial); null = no limit. */
  timeBudgetSeconds: number | null;
}

/** The unit of a metric an SLO bounds: seconds (latencies), a fraction (rates, utilisation) or a count. */
export type SloUnit = 'seconds' | 'fraction' | 'count';

/** A service-level objective: an upper limit on one metric of a queue or of a flow (a producer's messages). */
export interface SloSpec {
  /** `queue`: a queue's metric; `flow`: the end-to-end metric of a producer's messages. */
  scope: 'queue' | 'flow';
  /** The queue's or the producer's name. */
  name: string;
  /** Dotted metric name as in the `--json` results, e.g. "sojourn.p99", "dropRate", "endToEnd.p99". */
  metric: string;
  /** The metric's unit, which `max` is in. */
  unit: SloUnit;
  /** Upper limit in SI units: seconds, a fraction (0.001 for 0.1 %) or a count. */
  max: number;
}

/** One parameter a variant sets: a path as `sweep --vary` takes it and the value in its unit. */
export interface VariantSetting {
  path: string;
  unit: 'integer' | 'seconds' | 'perSecond' | 'multiplier';
  value: number;
}

/** A named variant of the scenario (`variants:`), compared with it by `queuesim compare`. */
export interface VariantSpec {
  name: string;
  settings: VariantSetting[];
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
  exchanges: ExchangeSpec[];
  queues: QueueSpec[];
  /** Declared message types (priorities); types a producer emits without declaring have priority 0. */
  messageTypes: MessageTypeSpec[];
  /** Service-level objectives every run is checked against (absent = none). */
  slo?: SloSpec[];
  /** Unit prices for `queuesim plan` (path, `consumer` or `capacity` → price per unit; absent = 1 each). */
  cost?: Record<string, number>;
  /** Variants `queuesim compare` runs against this scenario (absent = none; every other command ignores them). */
  variants?: VariantSpec[];
  /** Most messages in the system at once before the run stops (absent = DEFAULT_MAX_BACKLOG). */
  maxBacklog?: number;
}
