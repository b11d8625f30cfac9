/** A validated queue as written → QueueSpec: limits, consumers and their retries, routes, topic and autoscaling. */
import { normaliseDistribution } from './normalise-distribution.js';
import { OVERFLOW_ALIASES } from './queue-schema.js';
import type { RawQueue, RawRetry, RawScalingRules, RawThen } from './raw-schema.js';
import type {
  AutoscaleSpec,
  OverflowPolicy,
  QueueSpec,
  RetrySpec,
  RouteSpec,
  ScalingPolicySpec,
  ScalingRulesSpec,
  TopicSpec,
} from './types.js';
import { bytes, seconds } from './validated-units.js';

/** Default number of consumers: one worker when a service time is given, none otherwise. */
export function defaultConsumers(queue: { service?: unknown }): number {
  return queue.service === undefined ? 0 : 1;
}

/** The canonical name of an overflow policy as written (RabbitMQ's names included). */
export function canonicalOverflow(written: OverflowPolicy | keyof typeof OVERFLOW_ALIASES): OverflowPolicy {
  return written in OVERFLOW_ALIASES
    ? OVERFLOW_ALIASES[written as keyof typeof OVERFLOW_ALIASES]
    : (written as OverflowPolicy);
}

/** A `then` as written (a name, a route or a list of either) → routes, in the order written. */
export function normaliseThen(raw: RawThen | undefined): RouteSpec[] {
  if (raw === undefined) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  return items.map((item) =>
    typeof item === 'string' ? { to: item, probability: 1 } : { to: item.to, probability: item.probability },
  );
}

/** Redelivery settings, with no retry block meaning immediate, unlimited redelivery. */
function normaliseRetry(raw: RawRetry | undefined): RetrySpec {
  return {
    maxAttempts: raw === undefined || raw['max-attempts'] === 'unlimited' ? null : raw['max-attempts'],
    backoffSeconds: raw === undefined ? 0 : seconds(raw.backoff),
    multiplier: raw?.multiplier ?? 1,
    maxBackoffSeconds: raw?.['max-backoff'] === undefined ? null : seconds(raw['max-backoff']),
  };
}

/** The normalised form of a validated queue (or topic). */
export function normaliseQueue(raw: RawQueue): QueueSpec {
  const autoscale = raw.autoscale ? normaliseAutoscale(raw) : undefined;
  const consumers = raw.consumers ?? autoscale?.min ?? defaultConsumers(raw);
  return {
    name: raw.name,
    capacity: raw.capacity ?? null,
    capacityBytes: raw['capacity-bytes'] === undefined ? null : bytes(raw['capacity-bytes']),
    overflow: canonicalOverflow(raw.overflow),
    ttlSeconds: raw.ttl === undefined ? null : seconds(raw.ttl),
    deadLetter: raw['dead-letter'] ?? null,
    // A topic's autoscaler is capped at its partitions: so is the starting count it scales from.
    consumers: autoscale ? Math.min(consumers, autoscale.max) : consumers,
    service: raw.service === undefined ? null : normaliseDistribution(raw.service),
    prefetch: raw.prefetch,
    failureProbability: raw.failure?.probability ?? 0,
    retry: normaliseRetry(raw.retry),
    timeoutSeconds: raw.timeout === undefined ? null : seconds(raw.timeout),
    maxPriority: raw['max-priority'],
    then: normaliseThen(raw.then),
    ...(raw.backlog ? { backlog: raw.backlog } : {}),
    ...(autoscale ? { autoscale } : {}),
    ...(raw.partitions !== undefined ? { topic: normaliseTopic(raw, raw.partitions) } : {}),
  };
}

/**
 * Default `rebalance-pause`, the join/sync time: one heartbeat.interval.ms (3 s), the longest a member
 * takes to learn that a rebalance began.
 */
export const DEFAULT_REBALANCE_PAUSE_SECONDS = 3;

function normaliseTopic(raw: RawQueue, partitions: number): TopicSpec {
  return {
    partitions,
    keyCount: raw.keys?.count ?? null,
    keySkew: raw.keys?.skew ?? 0,
    retentionSeconds: raw.retention === undefined ? null : seconds(raw.retention),
    rebalancePauseSeconds:
      raw['rebalance-pause'] === undefined
        ? DEFAULT_REBALANCE_PAUSE_SECONDS
        : seconds(raw['rebalance-pause']),
    commitIntervalSeconds: raw['commit-interval'] === 'per-message' ? 0 : seconds(raw['commit-interval']),
    assignor: raw.assignor,
    maxPollRecords: raw['max-poll-records'],
    initialRebalanceDelaySeconds: seconds(raw['initial-rebalance-delay']),
    limitToPartitionsWithLag: raw.autoscale?.['limit-to-partitions-with-lag'] ?? false,
  };
}

/** Kubernetes' default HPA behavior (HPA page, "Default Behavior"): up by max(100 %, 4 pods) per 15 s, no window. */
export const DEFAULT_SCALE_UP: ScalingRulesSpec = {
  stabilizationSeconds: 0,
  policies: [
    { type: 'percent', value: 100, periodSeconds: 15 },
    { type: 'pods', value: 4, periodSeconds: 15 },
  ],
  select: 'max',
};

/** ... and down by up to 100 % per 15 s, to the highest recommendation of the last 300 s. */
export const DEFAULT_SCALE_DOWN: ScalingRulesSpec = {
  stabilizationSeconds: 300,
  policies: [{ type: 'percent', value: 100, periodSeconds: 15 }],
  select: 'max',
};

/** One direction of the HPA behavior as written, over Kubernetes' default for it. */
function normaliseRules(
  raw: RawScalingRules | undefined,
  defaults: ScalingRulesSpec,
  policies: ScalingPolicySpec[] | undefined,
): ScalingRulesSpec {
  return {
    stabilizationSeconds:
      raw?.['stabilization-window'] === undefined
        ? defaults.stabilizationSeconds
        : seconds(raw['stabilization-window']),
    policies:
      raw?.policies?.map((policy) => ({
        type: policy.type,
        value: policy.value,
        periodSeconds: seconds(policy.period),
      })) ??
      policies ??
      defaults.policies,
    select: raw?.select ?? defaults.select,
  };
}

/**
 * A topic's replicas are capped at its partition count, as KEDA's Kafka scaler caps them (a consumer
 * beyond the partitions would sit idle), and its scaler reads the consumer lag unless told otherwise.
 * `scale-up-step` is one pods policy per sync period, unless scale-up policies are written.
 */
function normaliseAutoscale(queue: RawQueue): AutoscaleSpec {
  const raw = queue.autoscale as NonNullable<RawQueue['autoscale']>;
  // KEDA's Kafka scaler never asks for more replicas than partitions unless allowIdleConsumers is set.
  const max = raw['allow-idle-consumers'] ? raw.max : Math.min(raw.max, queue.partitions ?? Infinity);
  const syncSeconds = seconds(raw['sync-period']);
  const step = raw['scale-up-step'];
  const stepPolicies: ScalingPolicySpec[] | undefined =
    step === undefined ? undefined : [{ type: 'pods', value: step, periodSeconds: syncSeconds }];
  return {
    min: Math.min(raw.min, max),
    max,
    target: raw.target,
    metric: raw.metric ?? (queue.partitions === undefined ? 'waiting' : 'lag'),
    pollingSeconds: seconds(raw['polling-interval']),
    syncSeconds,
    cooldownSeconds: seconds(raw.cooldown),
    activation: raw.activation,
    scaleUp: normaliseRules(raw.behavior?.['scale-up'], DEFAULT_SCALE_UP, stepPolicies),
    scaleDown: normaliseRules(raw.behavior?.['scale-down'], DEFAULT_SCALE_DOWN, undefined),
    tolerance: raw.tolerance,
    startupSeconds: seconds(raw['startup-time']),
    cachedMetrics: raw['cached-metrics'],
  };
}
