/**
 * The schema of a queue as written (limits, overflow, consumers, failures and retries, routes, a topic's
 * partitions and keys, autoscaling), part of the scenario schema in raw-schema.ts.
 */
import * as z from 'zod';
import { distributionSchema } from './distribution-schema.js';
import {
  closedObject,
  durationField,
  integerAtLeast,
  integerBetween,
  listOf,
  nameField,
  numberAbove,
  oneOfField,
  probabilityField,
  sizeField,
} from './fields.js';
import * as msg from './messages.js';
import type { OverflowPolicy } from './types.js';

/** Overflow policies by their canonical names. */
export const OVERFLOW_POLICIES = ['reject-new', 'drop-oldest', 'block'] as const;

/** RabbitMQ's names for the overflow policies, accepted in files and normalised to the canonical ones. */
export const OVERFLOW_ALIASES = {
  'reject-publish': 'reject-new',
  'drop-head': 'drop-oldest',
  'reject-publish-dlx': 'reject-new',
} as const satisfies Record<string, OverflowPolicy>;

/** Every word `overflow` accepts: the canonical names, then RabbitMQ's. */
export const OVERFLOW_WORDS = [
  ...OVERFLOW_POLICIES,
  ...(Object.keys(OVERFLOW_ALIASES) as (keyof typeof OVERFLOW_ALIASES)[]),
] as const;

/** Highest message priority (RabbitMQ's x-max-priority allows 0..255). */
export const MAX_PRIORITY = 255;

const routeSchema = closedObject('a route', {
  to: nameField().describe('Queue or exchange that receives the message.'),
  probability: probabilityField({ zero: false, one: true })
    .default(1)
    .describe('Probability that a finished message takes this route; > 0 and <= 1. Default 1.'),
}).meta({ id: 'Route', description: 'An onward route: { to: <queue or exchange>, probability }.' });

/** A route in a list: a plain name (probability 1) or a route mapping. */
const routeItemSchema = z.union([nameField(), routeSchema], { error: (iss) => msg.expectedRoute(iss.input) });

export const thenSchema = z
  .union([nameField(), routeSchema, listOf('routes', routeItemSchema)], {
    error: (iss) => msg.expectedRoutes(iss.input),
  })
  .describe(
    'Where a finished message is published next: a queue or exchange name (probability 1), { to, probability }, or a list of them; probabilities sum to <= 1 and the rest leaves the system.',
  );

const maxAttemptsError = (iss: { input?: unknown }) => msg.expectedMaxAttempts(iss.input);
const maxAttemptsSchema = z
  .union(
    [
      z
        .number({ error: maxAttemptsError })
        .int({ error: maxAttemptsError })
        .min(1, { error: maxAttemptsError }),
      z.literal('unlimited', { error: maxAttemptsError }),
    ],
    { error: maxAttemptsError },
  )
  .default('unlimited')
  .describe(
    'Processing attempts before a message is given up (exhausted): an integer >= 1, or unlimited (default).',
  );

const retrySchema = closedObject('a retry policy', {
  'max-attempts': maxAttemptsSchema,
  backoff: durationField()
    .default(0)
    .describe('Delay before the first redelivery becomes visible, e.g. 1s; default 0 (at once).'),
  multiplier: numberAbove(1, { inclusive: true })
    .default(1)
    .describe('Each further redelivery waits this many times longer; >= 1, default 1 (constant backoff).'),
  'max-backoff': durationField({ positive: true })
    .optional()
    .describe('Upper bound of the redelivery delay, e.g. 1m; default none.'),
}).describe('Redelivery of failed messages.');

const failureSchema = closedObject('a failure setting', {
  probability: probabilityField({ zero: true, one: false, atOne: msg.failureAlwaysFails }).describe(
    'Probability that a processing attempt fails (after its full service time); >= 0 and < 1.',
  ),
}).describe('Failures of processing attempts.');

/** Kafka's partition assignment strategies (partition.assignment.strategy), by their scenario names. */
export const ASSIGNORS = ['range', 'round-robin', 'cooperative-sticky'] as const;

/** What an autoscaler's `target` counts per consumer. */
export const AUTOSCALE_METRICS = ['waiting', 'lag', 'rate'] as const;

/** How an HPA scaling policy limits a change: pods or percent of the count per period. */
export const SCALING_POLICY_TYPES = ['pods', 'percent'] as const;

/** Which policy wins (HPA selectPolicy): the biggest change, the smallest, or none in this direction. */
export const SCALING_SELECTS = ['max', 'min', 'disabled'] as const;

const scalingPolicySchema = closedObject('a scaling policy', {
  type: oneOfField(SCALING_POLICY_TYPES).describe(
    'pods (a count) or percent (of the replicas at the start of the period).',
  ),
  value: integerAtLeast(1).describe('Most pods, or percent, changed per period; >= 1.'),
  period: durationField({ positive: true }).describe(
    'The window the limit applies to (HPA periodSeconds), e.g. 15s; > 0.',
  ),
}).describe('One HPA scaling policy, e.g. { type: pods, value: 4, period: 15s }.');

/** HPA behavior.scaleUp / scaleDown; what is not written takes Kubernetes' default for that direction. */
const scalingRulesSchema = (direction: 'up' | 'down') =>
  closedObject(`a scale-${direction} behavior`, {
    'stabilization-window': durationField()
      .optional()
      .describe(
        direction === 'up'
          ? 'Scale up only to the lowest recommendation of this window (HPA stabilizationWindowSeconds); default 0.'
          : 'Scale down only to the highest recommendation of this window (HPA stabilizationWindowSeconds); default 5m.',
      ),
    policies: listOf('scaling policies', scalingPolicySchema)
      .optional()
      .describe(
        direction === 'up'
          ? 'Rate limits (HPA policies); default [{ type: percent, value: 100, period: 15s }, { type: pods, value: 4, period: 15s }].'
          : 'Rate limits (HPA policies); default [{ type: percent, value: 100, period: 15s }].',
      ),
    select: oneOfField(SCALING_SELECTS)
      .default('max')
      .describe('Which policy applies (HPA selectPolicy): max (the biggest change, default), min, disabled.'),
  }).describe(`How the HPA scales ${direction} (behavior.scale${direction === 'up' ? 'Up' : 'Down'}).`);

const behaviorSchema = closedObject('an autoscale behavior', {
  'scale-up': scalingRulesSchema('up').optional(),
  'scale-down': scalingRulesSchema('down').optional(),
}).describe("The HPA's behavior: stabilization windows and rate-limiting policies; Kubernetes' defaults.");

const autoscaleSchema = closedObject('an autoscale setting', {
  min: integerAtLeast(0)
    .default(1)
    .describe('Fewest consumers (KEDA minReplicaCount); 0 allows scaling to zero; default 1.'),
  max: integerAtLeast(1).describe(
    "Most consumers (KEDA maxReplicaCount); >= min. On a topic, capped at its partitions (as KEDA's Kafka scaler does).",
  ),
  target: numberAbove(0, { inclusive: false }).describe(
    'Per consumer, what the scaler aims at: messages (waiting or lag; KEDA value / lagThreshold) or messages per second (rate; KEDA MessageRate value): desired = ceil(metric / target).',
  ),
  metric: oneOfField(AUTOSCALE_METRICS)
    .optional()
    .describe(
      "What target counts: waiting = ready messages (KEDA RabbitMQ QueueLength over AMQP or with excludeUnacknowledged; the default on a queue); lag = ready plus unacknowledged (KEDA RabbitMQ QueueLength over the HTTP management API; a Kafka consumer group's lag, the default on a topic); rate = messages arriving per second since the last reading (KEDA RabbitMQ MessageRate).",
    ),
  'polling-interval': durationField({ positive: true })
    .default('30s')
    .describe(
      "KEDA's pollingInterval: how often KEDA checks activation, which takes the pool from 0 to max(1, min) and back to 0 (only with min 0); default 30s.",
    ),
  'sync-period': durationField({ positive: true })
    .default('15s')
    .describe(
      "The HPA's sync period (--horizontal-pod-autoscaler-sync-period): every 1 <-> N decision, on the metric read live; default 15s.",
    ),
  cooldown: durationField()
    .default('5m')
    .describe(
      "KEDA's cooldownPeriod: the metric at or below activation this long takes the pool to 0 (only with min 0); default 5m. The N -> M scale-down window is behavior.scale-down.stabilization-window.",
    ),
  activation: numberAbove(0, { inclusive: true })
    .default(0)
    .describe(
      "KEDA's activation threshold (activationValue, activationLagThreshold): a metric above it wakes a pool at 0; default 0.",
    ),
  'scale-up-step': integerAtLeast(1)
    .optional()
    .describe(
      'Shorthand for one scale-up policy { type: pods, value: <step>, period: <sync-period> }; default: the HPA default policies.',
    ),
  behavior: behaviorSchema.optional(),
  tolerance: probabilityField({ zero: true, one: false })
    .default(0.1)
    .describe(
      "No scaling while metric / (consumers × target) is within 1 ± tolerance (HPA's horizontal-pod-autoscaler-tolerance); >= 0 and < 1, default 0.1.",
    ),
  'startup-time': durationField()
    .default(0)
    .describe(
      'Time from the decision until a new consumer takes work (pod start); it is paid for meanwhile; default 0.',
    ),
  'cached-metrics': z
    .boolean({ error: (iss) => msg.expectedBoolean(iss.input) })
    .default(false)
    .describe(
      "KEDA's useCachedMetrics: KEDA reads the metric only at each polling-interval, and the HPA's syncs use the last value read; default false: the HPA reads it live at every sync.",
    ),
  'allow-idle-consumers': z
    .boolean({ error: (iss) => msg.expectedBoolean(iss.input) })
    .default(false)
    .describe(
      'Topics: let max exceed the partitions (KEDA Kafka scaler allowIdleConsumers); default false: replicas are capped at the partitions, as the extra consumers would own none.',
    ),
  'limit-to-partitions-with-lag': z
    .boolean({ error: (iss) => msg.expectedBoolean(iss.input) })
    .default(false)
    .describe(
      'Topics: cap the replicas the lag asks for at the partitions with lag > 0 (KEDA Kafka scaler limitToPartitionsWithLag); default false.',
    ),
}).describe('KEDA/HPA-style autoscaling of the consumers: the HPA on its sync period, KEDA for 0 <-> 1.');

const keysSchema = closedObject('a key distribution', {
  count: integerAtLeast(1).describe('Distinct message keys (e.g. customer ids); >= 1.'),
  skew: numberAbove(0, { inclusive: true })
    .default(0)
    .describe(
      'Zipf exponent of key popularity: key k is drawn with probability proportional to 1/k^skew; 0 (default) = uniform.',
    ),
}).describe(
  'How message keys are drawn; the key picks the partition (a fixed hash of the key mod partitions).',
);

export const queueSchema = closedObject('a queue', {
  name: nameField().describe(
    'Unique queue name (letters, digits, _ . -); queues and exchanges share one namespace.',
  ),
  capacity: integerAtLeast(0)
    .optional()
    .describe(
      'Ready messages that may wait, excluding those held by consumers; omit for unbounded; 0 = pure loss.',
    ),
  'capacity-bytes': sizeField()
    .optional()
    .describe(
      'Bytes of ready messages that may wait, e.g. 10MB (B, KB, MB, GB 1000-based; KiB, MiB, GiB 1024-based; a number is bytes). Needs message-size on every producer that reaches the queue.',
    ),
  overflow: oneOfField(OVERFLOW_WORDS)
    .default('reject-new')
    .describe(
      'What a full queue does: reject-new refuses the new message (default), drop-oldest discards the oldest ready one, block stalls the publisher. RabbitMQ names accepted: reject-publish, drop-head, reject-publish-dlx (needs dead-letter).',
    ),
  ttl: durationField({ positive: true })
    .optional()
    .describe('A message waiting ready longer than this expires (or is dead-lettered), e.g. 30s; > 0.'),
  'dead-letter': nameField()
    .optional()
    .describe('Queue that receives refused, dropped, expired and exhausted messages instead of losing them.'),
  consumers: integerAtLeast(0)
    .optional()
    .describe(
      'Identical workers serving the queue. Default: 1 when service is given, else 0. With autoscale: the count at the start (default min).',
    ),
  prefetch: integerAtLeast(1)
    .default(1)
    .describe(
      'Unacknowledged messages each consumer may hold (RabbitMQ basic.qos); >= 1, default 1 (fair dispatch).',
    ),
  service: distributionSchema
    .optional()
    .describe(
      'Service time per message, as a distribution or a constant duration; needed when consumers > 0.',
    ),
  failure: failureSchema.optional().describe('Failures of processing attempts, e.g. { probability: 0.02 }.'),
  retry: retrySchema
    .optional()
    .describe(
      'Redelivery of failed messages, e.g. { max-attempts: 5, backoff: 1s, multiplier: 2, max-backoff: 1m }.',
    ),
  timeout: durationField({ positive: true })
    .optional()
    .describe(
      'Visibility timeout, e.g. 30s: a message still being processed after this long is delivered again (duplicates are counted); > 0.',
    ),
  'max-priority': integerBetween(0, MAX_PRIORITY)
    .default(0)
    .describe('Highest message priority honoured (RabbitMQ x-max-priority), 0..255; default 0 = FIFO.'),
  then: thenSchema.optional(),
  autoscale: autoscaleSchema
    .optional()
    .describe(
      'Autoscaled consumers, e.g. { min: 0, max: 24, target: 100, polling-interval: 30s, cooldown: 5m, startup-time: 45s, behavior: { scale-down: { stabilization-window: 2m } } }.',
    ),
  backlog: integerAtLeast(0)
    .optional()
    .describe(
      'Messages already in the queue at time 0 (e.g. after an outage); at most capacity + consumers.',
    ),
  partitions: integerAtLeast(1)
    .optional()
    .describe(
      'Makes the queue a Kafka-style topic with this many partitions: each partition is a log processed in order, one message at a time, by the one consumer it is assigned to; >= 1.',
    ),
  keys: keysSchema
    .optional()
    .describe(
      'Topics: message keys, e.g. { count: 50000, skew: 1.1 }; messages with the same key go to the same partition. Omit to spread messages uniformly at random over the partitions.',
    ),
  retention: durationField({ positive: true })
    .optional()
    .describe(
      'Topics: a message not yet consumed this long after it was appended is deleted (counted as expired), e.g. 1h; > 0.',
    ),
  'rebalance-pause': durationField()
    .optional()
    .describe(
      'Topics: the join/sync time of a rebalance (members learn of it within one heartbeat.interval.ms, then JoinGroup and SyncGroup), added after the members have finished their batches (eager) or their records of the moved partitions (cooperative), e.g. 3s; default 3s, 0 allowed.',
    ),
  'commit-interval': z
    .union(
      [
        durationField({ positive: true, expected: msg.expectedCommitInterval }),
        z.literal('per-message', { error: (iss) => msg.expectedCommitInterval(iss.input) }),
      ],
      { error: (iss) => msg.expectedCommitInterval(iss.input) },
    )
    .default('5s')
    .describe(
      'Topics: how often the consumers commit their offsets (Kafka enable.auto.commit with auto.commit.interval.ms, default 5s), or per-message (a commit after every record). The lag a scaler reads is latest − committed offset, so it includes processed records not yet committed.',
    ),
  assignor: oneOfField(ASSIGNORS)
    .default('range')
    .describe(
      "Topics: the consumers' partition.assignment.strategy: range (default; the Java client's default list is [RangeAssignor, CooperativeStickyAssignor], which uses range, an eager protocol), round-robin (eager) or cooperative-sticky (KIP-429: only moved partitions pause).",
    ),
  'max-poll-records': integerAtLeast(1)
    .default(500)
    .describe(
      'Topics: most records one poll returns (Kafka max.poll.records, default 500); in an eager rebalance every member first finishes the batch it holds.',
    ),
  'initial-rebalance-delay': durationField()
    .default('3s')
    .describe(
      'Topics: how long the coordinator waits for more members when a consumer joins an empty group (broker group.initial.rebalance.delay.ms, default 3s); it applies only to an empty group.',
    ),
}).describe(
  'A queue (or, with partitions, a Kafka-style topic), its limits and the identical consumers that serve it.',
);
