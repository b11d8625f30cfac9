/**
 * The scenario file as written: the one zod source for validation, the input TypeScript type and the
 * JSON Schema. It checks shape and per-field ranges only; relations between parts (names, references,
 * routing) are checked in semantic-checks.ts, and units are resolved in normalise.ts.
 */
import * as z from 'zod';
import { distributionSchema, sizeDistributionSchema } from './distribution-schema.js';
import {
  closedObject,
  durationField,
  integerAtLeast,
  integerBetween,
  listOf,
  nameField,
  numberAbove,
  oneOfField,
  precisionField,
  rateField,
  rateOrZeroField,
  textField,
  warmupField,
} from './fields.js';
import * as msg from './messages.js';
import { MAX_PRIORITY, queueSchema, thenSchema } from './queue-schema.js';
import { parseTimestampMs } from '../trace/index.js';
import { DURATION_PATTERN, PERCENT_PATTERN } from './units.js';
import { topicPatternProblem } from './topic-pattern.js';
import * as topicMsg from './topic-messages.js';

/** Exchange types. */
export const EXCHANGE_TYPES = ['fanout', 'direct', 'topic'] as const;

/** A timestamp as a trace writes it: ISO-8601 text or epoch milliseconds. */
function timestampField() {
  const error = (iss: { input?: unknown }) => msg.expectedTimestamp(iss.input);
  return z
    .union([z.string({ error }), z.number({ error })], { error })
    .refine((value) => parseTimestampMs(value) !== undefined, {
      error: (iss) => msg.expectedTimestamp(iss.input),
    });
}

/** A mapping keyed by names (message types), with at least one entry. */
function namedMapping<Value extends z.ZodType>(what: string, value: Value) {
  return z
    .record(nameField(), value, {
      error: (iss) =>
        iss.code === 'invalid_key' ? msg.expectedName(iss.input) : msg.expectedMapping(what, iss.input),
    })
    .refine((entries) => Object.keys(entries).length > 0, { error: () => msg.emptyMapping(what) })
    .meta({ minProperties: 1 });
}

const messageTypeSchema = closedObject('a message type', {
  priority: integerBetween(0, MAX_PRIORITY).describe(
    'Priority of messages of this type, 0..255 (higher first) in queues with max-priority.',
  ),
}).describe('A message type and its settings.');

const scheduleEntrySchema = closedObject('a schedule entry', {
  until: durationField()
    .optional()
    .describe(
      'Simulated time (from the start) when this rate ends, e.g. 8h; omitted on the last entry only.',
    ),
  rate: rateOrZeroField().describe('Poisson rate until then, e.g. 400/s; 0 for a quiet period.'),
}).describe('One piece of a piecewise-constant rate.');

const dailyProfileSchema = closedObject('a daily profile', {
  daily: z
    .array(rateOrZeroField(), { error: (iss) => msg.expectedList('daily', iss.input) })
    .length(24, { error: (iss) => msg.dailyNeeds24((iss.input as unknown[]).length) })
    .describe('24 hourly rates, hour 0 first (00:00–01:00 from the start of the run), repeated every 24 h.'),
}).describe('A daily profile: the rate of each hour of a day, repeated every day.');

/** A producer's rate: a constant, a piecewise-constant schedule or a daily profile. */
const producerRateSchema = z.union([
  rateField(),
  listOf('schedule entries', scheduleEntrySchema).describe(
    'Piecewise-constant schedule: [{ until: 8h, rate: 20/s }, { until: 9h, rate: 400/s }, { rate: 60/s }]; the last entry has no until and its rate persists.',
  ),
  dailyProfileSchema,
]);

const onOffSchema = closedObject('an arrival process', {
  process: oneOfField(['on-off']).describe('on-off: a two-state Markov-modulated Poisson source.'),
  on: durationField({ positive: true }).describe('Mean duration of an on period (exponential), e.g. 2m.'),
  off: durationField({ positive: true }).describe('Mean duration of an off period (exponential), e.g. 28m.'),
  'rate-on': rateOrZeroField().describe('Poisson rate while on, e.g. 1500/s.'),
  'rate-off': rateOrZeroField().describe('Poisson rate while off, e.g. 0.'),
}).describe('A bursty source: on and off periods with exponential durations and a Poisson rate in each.');

const traceSchema = closedObject('a trace', {
  file: textField().describe(
    'The trace file, relative to the scenario file: .csv (a header naming a timestamp or time column, and optionally a type column) or .ndjson / .jsonl (objects with timestamp and optionally type). Timestamps are ISO-8601 (UTC without an offset) or epoch milliseconds, in order.',
  ),
  speedup: numberAbove(0, { inclusive: false })
    .default(1)
    .describe(
      'Divides every gap between records: 2 replays the trace twice as fast (twice the traffic). Default 1.',
    ),
  loop: z
    .boolean({ error: (iss) => msg.expectedBoolean(iss.input) })
    .default(false)
    .describe(
      'Replay the trace again and again (each cycle starts one mean gap after the last record); default false: the producer stops after the last record.',
    ),
  column: textField()
    .optional()
    .describe('The timestamp column (CSV) or key (NDJSON), when it is not called timestamp or time.'),
  start: timestampField()
    .optional()
    .describe(
      'The trace time that becomes simulated time 0 (ISO-8601 or epoch ms), e.g. 2026-11-23T09:30:00Z; records before it are skipped. Default: the first record.',
    ),
}).describe('Arrivals replayed from a file of timestamps.');

export const producerSchema = closedObject('a producer', {
  name: nameField().describe('Unique producer name (letters, digits, _ . -).'),
  to: nameField().describe('Name of the queue or exchange this producer publishes to.'),
  rate: producerRateSchema
    .optional()
    .describe(
      'Poisson arrivals, e.g. 50/s, 3000/min, 10/h, or a number per second; or a time-varying rate (a list of { until, rate } or { daily: [24 hourly rates] }), simulated exactly as a non-homogeneous Poisson process. Give rate or interarrival.',
    ),
  arrival: onOffSchema
    .optional()
    .describe(
      'An on/off burst source instead of rate: { process: on-off, on: 2m, off: 28m, rate-on: 1500/s, rate-off: 0 }.',
    ),
  trace: traceSchema
    .optional()
    .describe(
      'Replay recorded arrivals instead of rate: { file: traces/monday.csv, speedup: 2 }; a type column in the file sets each message type.',
    ),
  batch: sizeDistributionSchema
    .optional()
    .describe(
      'Messages per arrival (a batch job flush, a retry storm): a number or a distribution, e.g. { distribution: uniform, min: 1, max: 20 }; rounded, at least 1.',
    ),
  interarrival: distributionSchema
    .optional()
    .describe('Time between messages, as a distribution or a constant duration. Give rate or interarrival.'),
  types: namedMapping('types', numberAbove(0, { inclusive: false }).describe('Relative weight; > 0.'))
    .optional()
    .describe(
      'Message-type mix as weights, e.g. { order_placed: 0.7, order_cancelled: 0.3 }; normalised to probabilities. Needed to publish to a direct exchange. Omit for untyped messages.',
    ),
  'message-size': sizeDistributionSchema
    .optional()
    .describe(
      'Size of each message in bytes: a constant (e.g. 2KB) or a distribution (e.g. { distribution: lognormal, mean: 4KB, cv: 1 }). Needed when a queue it reaches has capacity-bytes.',
    ),
}).describe(
  'A source of messages: a Poisson rate or an interarrival distribution, sent to a queue or exchange.',
);

/** A topic binding pattern: words separated by dots, `*` one word, `#` zero or more. */
function topicPatternField() {
  return z
    .string({ error: (iss) => topicMsg.expectedTopicPattern(iss.input) })
    .superRefine((pattern, ctx) => {
      const problem = topicPatternProblem(pattern);
      if (problem !== undefined)
        ctx.addIssue({ code: 'custom', message: topicMsg.badTopicPattern(pattern, problem) });
    });
}

const bindingSchema = z
  .union(
    [
      nameField().describe('A bound queue (fanout exchanges).'),
      closedObject('a binding', {
        queue: nameField().describe('The bound queue.'),
        types: listOf('types', nameField())
          .optional()
          .describe('Message types routed to the queue (direct exchanges only).'),
        patterns: listOf('patterns', topicPatternField())
          .optional()
          .describe(
            'Binding patterns matched against the message type (topic exchanges only): words separated by dots, * for exactly one word, # for zero or more, e.g. [order.*, "#.failed"].',
          ),
      }),
    ],
    { error: (iss) => msg.expectedBinding(iss.input) },
  )
  .describe('A queue name (fanout), { queue, types } (direct) or { queue, patterns } (topic).');

export const exchangeSchema = closedObject('an exchange', {
  name: nameField().describe('Unique exchange name; queues and exchanges share one namespace.'),
  type: oneOfField(EXCHANGE_TYPES).describe(
    'fanout: a copy of every message to each bound queue; direct: each message to the queues bound to its type; topic: each message to the queues with a binding pattern its type matches (once per queue).',
  ),
  to: listOf('bindings', bindingSchema).describe(
    'Bound queues: fanout lists queue names, e.g. [billing, email]; direct lists { queue, types: [...] }; topic lists { queue, patterns: [...] }.',
  ),
}).describe('An exchange (RabbitMQ): routes each published message to bound queues.');

const sloMaxError = (iss: { input?: unknown }) => msg.expectedSloMax(iss.input);
const sloSchema = closedObject('an SLO', {
  queue: nameField().optional().describe('The queue whose metric is bounded.'),
  flow: nameField()
    .optional()
    .describe("A flow, named by its producer: the metric is its messages' end-to-end latency or loss."),
  metric: textField().describe(
    'Dotted metric name as in the JSON results: for a queue sojourn.p99, wait.p95, lossRate (every message not completed: refused, dropped, expired, dead-lettered, exhausted), dropRate (refused, dropped or exhausted without a dead-letter queue), utilization, probabilityOfWait, meanQueueLength, meanInSystem (latencies: mean, p50, p95, p99, max); for a flow endToEnd.p99 etc. or lossRate.',
  ),
  max: z
    .union(
      [
        z.number({ error: sloMaxError }).min(0, { error: sloMaxError }),
        z
          .string({ error: sloMaxError })
          .regex(new RegExp(`${DURATION_PATTERN}|${PERCENT_PATTERN}`), { error: sloMaxError }),
      ],
      { error: sloMaxError },
    )
    .describe(
      'Upper limit: a duration for latencies (250ms), a percentage or fraction for rates (0.1%, 75%), a number for counts.',
    ),
}).describe('A service-level objective: { queue | flow, metric, max }.');

const settingValueError = (iss: { input?: unknown }) => msg.expectedSettingValue(iss.input);
const variantSchema = closedObject('a variant', {
  name: nameField().describe('Variant name (letters, digits, _ . -), unique among the variants.'),
  set: z
    .record(
      textField(),
      z.union([z.number({ error: settingValueError }), z.string({ error: settingValueError })], {
        error: settingValueError,
      }),
      { error: (iss) => msg.expectedMapping('the settings', iss.input) },
    )
    .refine((entries) => Object.keys(entries).length > 0, { error: () => msg.emptyMapping('set') })
    .meta({ minProperties: 1 })
    .describe(
      'Parameter path → value, paths as `sweep --vary` takes them: queues.<name>.consumers: 8, queues.<name>.capacity, .prefetch (integers), queues.<name>.ttl, .timeout (durations), producers.<name>.rate: 60/s or x1.5, load: x1.2.',
    ),
}).describe('A variant of the scenario for `queuesim compare`: its name and the parameters it changes.');

export const rawScenarioSchema = closedObject('a scenario', {
  name: nameField().describe('Scenario name (letters, digits, _ . -).'),
  description: textField().default('').describe('What the scenario models.'),
  seed: integerAtLeast(0).default(1).describe('Random seed; the same seed gives the same run.'),
  duration: durationField({ positive: true }).describe(
    'Measured simulated time after warm-up, e.g. 10m; a number is seconds.',
  ),
  warmup: warmupField()
    .default(0)
    .describe(
      'Simulated time before measuring starts, e.g. 1m (a number is seconds), or auto: detected per queue by MSER-5. Default 0.',
    ),
  replications: integerAtLeast(1)
    .optional()
    .describe(
      'Independent runs with independent random streams; results are means with 95 % confidence intervals. Default 1 (5 with precision).',
    ),
  batches: integerAtLeast(2)
    .optional()
    .describe('Batch means: split one long run into this many equal batches for confidence intervals.'),
  precision: precisionField()
    .optional()
    .describe(
      'Target confidence-interval half-width relative to the mean, e.g. 2%: add replications (or batches) until every headline metric reaches it.',
    ),
  'max-replications': integerAtLeast(2)
    .optional()
    .describe('With precision: stop adding replications at this many. Default 100.'),
  'max-duration': durationField({ positive: true })
    .optional()
    .describe(
      'With batches and precision: stop extending the run at this measured time. Default 10 × duration.',
    ),
  'time-budget': durationField({ positive: true })
    .optional()
    .describe(
      'Wall-clock time that bounds the whole study, e.g. 2m: runs stop where they are and the results are marked partial; with precision, no more replications or batches start after it.',
    ),
  'max-backlog': integerAtLeast(1)
    .optional()
    .describe(
      'Most messages in the system at once (waiting, in service or held) before the run is stopped with an error, a guard against an overloaded queue exhausting memory (about 90 bytes a message); default 10000000.',
    ),
  'message-types': namedMapping('message-types', messageTypeSchema)
    .optional()
    .describe(
      'Declared message types and their priorities, e.g. { vip_order: { priority: 9 } }; undeclared types have priority 0.',
    ),
  producers: listOf('producers', producerSchema).describe('Sources of messages.'),
  exchanges: listOf('exchanges', exchangeSchema)
    .optional()
    .describe('Exchanges that route published messages to queues (fanout, direct or topic).'),
  queues: listOf('queues', queueSchema).describe('Queues and the consumers that serve them.'),
  slo: listOf('SLOs', sloSchema)
    .optional()
    .describe(
      'Service-level objectives checked by every run, e.g. { queue: billing, metric: sojourn.p99, max: 250ms }.',
    ),
  cost: z
    .record(textField(), numberAbove(0, { inclusive: true }), {
      error: (iss) => msg.expectedMapping('the costs', iss.input),
    })
    .optional()
    .describe(
      'Price of one unit of each parameter `queuesim plan` sizes, for a multi-parameter plan: queues.<name>.consumers: 3 (that queue), consumer: 1 (every queue without its own entry), capacity: 0.01 (per waiting place). Default 1 per unit.',
    ),
  variants: listOf('variants', variantSchema)
    .optional()
    .describe(
      '`queuesim compare <file>` compares the scenario with each variant (common random numbers), e.g. { name: bigger-pool, set: { queues.billing.consumers: 8 } }. `run` and the other commands ignore them.',
    ),
}).meta({
  title: 'queuesim scenario',
  description:
    'A queueing scenario for queuesim: producers publish messages to queues (directly or through exchanges) served by consumers.',
});

/** The scenario as a user may write it (the input type; optional keys may be absent). */
export type RawScenarioInput = z.input<typeof rawScenarioSchema>;
/** The scenario as validated by the schema, defaults filled in but units not yet resolved. */
export type RawScenario = z.output<typeof rawScenarioSchema>;
export type RawProducer = RawScenario['producers'][number];
export type RawTrace = NonNullable<RawProducer['trace']>;
export type RawExchange = NonNullable<RawScenario['exchanges']>[number];
export type RawQueue = RawScenario['queues'][number];
export type RawThen = NonNullable<RawQueue['then']>;
export type RawRetry = NonNullable<RawQueue['retry']>;
/** One direction of an autoscaler's HPA behavior, as written. */
export type RawScalingRules = NonNullable<
  NonNullable<NonNullable<RawQueue['autoscale']>['behavior']>['scale-up']
>;
export type RawSlo = NonNullable<RawScenario['slo']>[number];
export type RawVariant = NonNullable<RawScenario['variants']>[number];

/** The schemas of parts, for the semantic checks' lenient reading of possibly invalid files. */
export const partSchemas = {
  then: thenSchema,
  binding: bindingSchema,
  types: namedMapping('types', z.unknown()),
} as const;
