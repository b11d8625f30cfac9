/** Validated, as-written data → the normalised `Scenario`: units resolved to seconds, defaults decided. */
import type { RawDistribution } from './distribution-schema.js';
import type { RawProducer, RawQueue, RawScenario } from './raw-schema.js';
import type { DistributionSpec, ProducerSpec, QueueSpec, Scenario, StatisticsSpec } from './types.js';
import { parseDurationSeconds, parsePrecision, parseRatePerSecond } from './units.js';

/** Seconds in an already-validated duration; a failure here is a bug in the schema, not in the file. */
function seconds(value: string | number): number {
  const parsed = parseDurationSeconds(value);
  if (parsed === undefined)
    throw new Error(`scenario normalise: duration ${JSON.stringify(value)} passed validation`);
  return parsed;
}

/** Per-second rate of an already-validated rate. */
function perSecond(value: string | number): number {
  const parsed = parseRatePerSecond(value);
  if (parsed === undefined || parsed <= 0) {
    throw new Error(`scenario normalise: rate ${JSON.stringify(value)} passed validation`);
  }
  return parsed;
}

/** A value the earlier stages guarantee; its absence is a bug, named here. */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`scenario normalise: ${what} missing after validation`);
  return value;
}

/** The normalised form of a validated distribution (a plain duration is a constant). */
export function normaliseDistribution(raw: RawDistribution): DistributionSpec {
  if (typeof raw === 'number' || typeof raw === 'string') return { kind: 'constant', value: seconds(raw) };
  switch (raw.distribution) {
    case 'exponential':
      // The schema guarantees exactly one of mean and rate.
      return {
        kind: 'exponential',
        mean:
          raw.mean !== undefined ? seconds(raw.mean) : 1 / perSecond(required(raw.rate, 'exponential rate')),
      };
    case 'constant':
      return { kind: 'constant', value: seconds(raw.value) };
    case 'uniform':
      return { kind: 'uniform', min: seconds(raw.min), max: seconds(raw.max) };
    case 'normal':
      return { kind: 'normal', mean: seconds(raw.mean), sd: seconds(raw.sd) };
    case 'lognormal':
      return { kind: 'lognormal', mean: seconds(raw.mean), cv: raw.cv };
    case 'gamma':
      return { kind: 'gamma', mean: seconds(raw.mean), cv: raw.cv };
    case 'erlang':
      return { kind: 'erlang', k: raw.k, mean: seconds(raw.mean) };
    case 'weibull':
      return { kind: 'weibull', shape: raw.shape, scale: seconds(raw.scale) };
    case 'empirical':
      return { kind: 'empirical', values: raw.values.map(seconds) };
  }
}

/** True when every draw of the distribution is 0 (an arrival process that would stall simulated time). */
export function isAlwaysZero(spec: DistributionSpec): boolean {
  switch (spec.kind) {
    case 'constant':
      return spec.value === 0;
    case 'uniform':
      return spec.max === 0;
    case 'empirical':
      return spec.values.every((value) => value === 0);
    default:
      return false; // the others have a mean > 0 by validation
  }
}

/** Default number of consumers: one worker when a service time is given, none otherwise. */
export function defaultConsumers(queue: { service?: unknown }): number {
  return queue.service === undefined ? 0 : 1;
}

function normaliseProducer(raw: RawProducer): ProducerSpec {
  // Semantic checks guarantee exactly one of rate and interarrival.
  const interarrival: DistributionSpec =
    raw.rate !== undefined
      ? { kind: 'exponential', mean: 1 / perSecond(raw.rate) }
      : normaliseDistribution(required(raw.interarrival, `producer '${raw.name}' interarrival`));
  return { name: raw.name, to: raw.to, interarrival };
}

function normaliseQueue(raw: RawQueue): QueueSpec {
  return {
    name: raw.name,
    capacity: raw.capacity ?? null,
    overflow: raw.overflow,
    consumers: raw.consumers ?? defaultConsumers(raw),
    service: raw.service === undefined ? null : normaliseDistribution(raw.service),
    ...(raw.backlog ? { backlog: raw.backlog } : {}),
  };
}

/** The statistics keys, or undefined when the file uses none of them (one plain run). */
function normaliseStatistics(raw: RawScenario): StatisticsSpec | undefined {
  const given = [
    raw.replications,
    raw.batches,
    raw.precision,
    raw['max-replications'],
    raw['max-duration'],
    raw['time-budget'],
  ];
  if (given.every((value) => value === undefined)) return undefined;
  const optionalSeconds = (value: string | number | undefined) =>
    value === undefined ? null : seconds(value);
  return {
    replications: raw.replications ?? null,
    batches: raw.batches ?? null,
    precision: raw.precision === undefined ? null : required(parsePrecision(raw.precision), 'precision'),
    maxReplications: raw['max-replications'] ?? null,
    maxDurationSeconds: optionalSeconds(raw['max-duration']),
    timeBudgetSeconds: optionalSeconds(raw['time-budget']),
  };
}

/** The normalised scenario; call only on data that passed the schema and the semantic checks. */
export function normaliseScenario(raw: RawScenario): Scenario {
  const statistics = normaliseStatistics(raw);
  return {
    name: raw.name,
    description: raw.description,
    seed: raw.seed,
    durationSeconds: seconds(raw.duration),
    warmupSeconds: raw.warmup === 'auto' ? 0 : seconds(raw.warmup),
    ...(raw.warmup === 'auto' ? { warmupAuto: true } : {}),
    producers: raw.producers.map(normaliseProducer),
    queues: raw.queues.map(normaliseQueue),
    ...(statistics ? { statistics } : {}),
  };
}
