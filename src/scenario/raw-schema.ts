/**
 * The scenario file as written: the one zod source for validation, the input TypeScript type and the
 * JSON Schema. It checks shape and per-field ranges only; relations between parts (names, references)
 * are checked in semantic-checks.ts, and units are resolved in normalise.ts.
 */
import { z } from 'zod';
import { distributionSchema } from './distribution-schema.js';
import {
  closedObject,
  durationField,
  integerAtLeast,
  listOf,
  nameField,
  oneOfField,
  precisionField,
  rateField,
  textField,
  warmupField,
} from './fields.js';

/** Overflow policies a queue accepts; later issues add more (drop-head, dead-letter…). */
export const OVERFLOW_POLICIES = ['reject-new'] as const;

export const producerSchema = closedObject('a producer', {
  name: nameField().describe('Unique producer name (letters, digits, _ . -).'),
  to: nameField().describe('Name of the queue this producer publishes to.'),
  rate: rateField()
    .optional()
    .describe(
      'Poisson arrivals, e.g. 50/s, 3000/min, 10/h, or a number per second. Give rate or interarrival.',
    ),
  interarrival: distributionSchema
    .optional()
    .describe('Time between messages, as a distribution or a constant duration. Give rate or interarrival.'),
}).describe('A source of messages: a Poisson rate or an interarrival distribution, sent to one queue.');

export const queueSchema = closedObject('a queue', {
  name: nameField().describe('Unique queue name (letters, digits, _ . -).'),
  capacity: integerAtLeast(0)
    .optional()
    .describe('Messages that may wait, excluding those in service; omit for unbounded; 0 = pure loss.'),
  overflow: oneOfField(OVERFLOW_POLICIES)
    .default('reject-new')
    .describe('What a full queue does with a new message: reject-new drops it.'),
  consumers: integerAtLeast(0)
    .optional()
    .describe('Identical workers serving the queue. Default: 1 when service is given, else 0.'),
  service: distributionSchema
    .optional()
    .describe(
      'Service time per message, as a distribution or a constant duration; needed when consumers > 0.',
    ),
  backlog: integerAtLeast(0)
    .optional()
    .describe(
      'Messages already in the queue at time 0 (e.g. after an outage); at most capacity + consumers.',
    ),
}).describe('A queue, its capacity and the identical consumers that serve it.');

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
      'With precision: wall-clock time after which no more replications or batches are started, e.g. 2m.',
    ),
  producers: listOf('producers', producerSchema).describe('Sources of messages.'),
  queues: listOf('queues', queueSchema).describe('Queues and the consumers that serve them.'),
}).meta({
  title: 'queuesim scenario',
  description: 'A queueing scenario for queuesim: producers publish messages to queues served by consumers.',
});

/** The scenario as a user may write it (the input type; optional keys may be absent). */
export type RawScenarioInput = z.input<typeof rawScenarioSchema>;
/** The scenario as validated by the schema, defaults filled in but units not yet resolved. */
export type RawScenario = z.output<typeof rawScenarioSchema>;
export type RawProducer = RawScenario['producers'][number];
export type RawQueue = RawScenario['queues'][number];
