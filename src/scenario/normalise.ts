/** Validated, as-written data → the normalised `Scenario`: units resolved to seconds and bytes, defaults decided. */
import type { RawExchange, RawProducer, RawScenario, RawSlo, RawTrace, RawVariant } from './raw-schema.js';
import { parseSetting } from './parameters.js';
import { parseSloMax, sloMetrics } from './slo-metrics.js';
import type {
  BindingSpec,
  DistributionSpec,
  ExchangeSpec,
  MessageTypeSpec,
  ProducerSpec,
  OnOffSpec,
  RateSchedule,
  Scenario,
  SloSpec,
  StatisticsSpec,
  TraceSpec,
  TypeShare,
  VariantSpec,
} from './types.js';
import type { TraceSummary } from './trace-check.js';
import { normaliseDistribution, normaliseSizeDistribution } from './normalise-distribution.js';
import { normaliseQueue } from './normalise-queue.js';
import { parsePrecision, parseRatePerSecond } from './units.js';
import { perSecond, required, seconds } from './validated-units.js';

/** Type weights → probabilities summing to 1, in the order written. */
export function typeShares(weights: Record<string, number> | undefined): TypeShare[] {
  if (weights === undefined) return [];
  const entries = Object.entries(weights);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return entries.map(([type, weight]) => ({ type, probability: weight / total }));
}

const SECONDS_PER_DAY = 86400;

/** The schedule of a time-varying `rate:` (a list or a daily profile); undefined for a constant rate. */
export function normaliseSchedule(rate: RawProducer['rate']): RateSchedule | undefined {
  if (rate === undefined || typeof rate === 'string' || typeof rate === 'number') return undefined;
  if (Array.isArray(rate)) {
    return {
      kind: 'piecewise',
      breakpointsSeconds: rate.slice(0, -1).map((entry) => seconds(required(entry.until, 'schedule until'))),
      ratesPerSecond: rate.map((entry) => ratePerSecondOrZero(entry.rate)),
      periodSeconds: null,
    };
  }
  const hour = SECONDS_PER_DAY / 24;
  return {
    kind: 'piecewise',
    breakpointsSeconds: rate.daily.slice(1).map((_, i) => (i + 1) * hour),
    ratesPerSecond: rate.daily.map(ratePerSecondOrZero),
    periodSeconds: SECONDS_PER_DAY,
  };
}

function ratePerSecondOrZero(value: string | number): number {
  const parsed = parseRatePerSecond(value);
  if (parsed === undefined || !(parsed >= 0)) {
    throw new Error(`scenario normalise: rate ${JSON.stringify(value)} passed validation`);
  }
  return parsed;
}

/** Expected arrivals of `schedule` in [0, t]: the integral of its rate (Λ(t)). */
export function cumulativeArrivals(schedule: RateSchedule, t: number): number {
  const { breakpointsSeconds: ends, ratesPerSecond: rates, periodSeconds: period } = schedule;
  const within = (x: number): number => {
    let total = 0;
    let start = 0;
    for (let i = 0; i < rates.length; i++) {
      const end = i < ends.length ? ends[i] : Infinity;
      if (x <= end) return total + rates[i] * (x - start);
      total += rates[i] * (end - start);
      start = end;
    }
    return total;
  };
  if (period === null) return within(t);
  const cycles = Math.floor(t / period);
  return cycles * within(period) + within(t - cycles * period);
}

/** Time-average rate of `schedule` over [0, horizon] (over one period when repeated and longer). */
export function averageRate(schedule: RateSchedule, horizonSeconds: number): number {
  const horizon = horizonSeconds > 0 ? horizonSeconds : (schedule.periodSeconds ?? 1);
  const average = cumulativeArrivals(schedule, horizon) / horizon;
  if (average > 0) return average;
  // Silent over the run: the long-run average instead, so the estimate stays finite (checks forbid all-zero).
  const ends = schedule.breakpointsSeconds;
  const longRun = schedule.periodSeconds ?? 2 * (ends.length > 0 ? ends[ends.length - 1] : 0) + 1;
  return cumulativeArrivals(schedule, longRun) / longRun;
}

/** A trace as the pre-pass summed it up, with the producer's options and `types` mix. */
export function normaliseTrace(raw: RawTrace, summary: TraceSummary, mix: TypeShare[]): TraceSpec {
  const typed = [...summary.typeCounts.values()].reduce((sum, count) => sum + count, 0);
  return {
    path: summary.path,
    format: summary.format,
    column: summary.column,
    speedup: raw.speedup,
    loop: raw.loop,
    records: summary.records,
    firstMs: summary.firstMs,
    spanSeconds: summary.spanMs / 1000,
    typed: typed > 0,
    typeShares: [...summary.typeCounts].map(([type, count]) => ({ type, probability: count / typed })),
    fallbackTypes: mix,
  };
}

/** Mean seconds between a trace's arrivals as replayed: its span over the gaps, divided by the speedup. */
export function traceMeanInterarrival(trace: TraceSpec): number {
  return trace.spanSeconds / (trace.records - 1) / trace.speedup;
}

/** The mix of all a trace producer's messages: typed records' types, the rest drawn from `types`. */
function traceMessageMix(trace: TraceSpec, summary: TraceSummary): TypeShare[] {
  if (!trace.typed) return trace.fallbackTypes;
  const untypedShare = summary.untyped / summary.records;
  const shares = new Map<string, number>();
  for (const { type, probability } of trace.typeShares) shares.set(type, probability * (1 - untypedShare));
  for (const { type, probability } of trace.fallbackTypes) {
    shares.set(type, (shares.get(type) ?? 0) + probability * untypedShare);
  }
  return [...shares].map(([type, probability]) => ({ type, probability }));
}

function normaliseProducer(raw: RawProducer, horizonSeconds: number, summary?: TraceSummary): ProducerSpec {
  if (raw.trace !== undefined) {
    const found = required(summary, `producer '${raw.name}' trace summary`);
    const trace = normaliseTrace(raw.trace, found, typeShares(raw.types));
    return {
      name: raw.name,
      to: raw.to,
      interarrival: { kind: 'exponential', mean: traceMeanInterarrival(trace) },
      trace,
      ...(raw.batch !== undefined ? { batch: normaliseSizeDistribution(raw.batch) } : {}),
      types: traceMessageMix(trace, found),
      messageBytes: raw['message-size'] === undefined ? null : normaliseSizeDistribution(raw['message-size']),
    };
  }
  // Semantic checks guarantee exactly one of rate and interarrival.
  const schedule = normaliseSchedule(raw.rate);
  const onOff: OnOffSpec | undefined = raw.arrival && {
    onSeconds: seconds(raw.arrival.on),
    offSeconds: seconds(raw.arrival.off),
    rateOnPerSecond: ratePerSecondOrZero(raw.arrival['rate-on']),
    rateOffPerSecond: ratePerSecondOrZero(raw.arrival['rate-off']),
  };
  const interarrival: DistributionSpec =
    onOff !== undefined
      ? {
          kind: 'exponential',
          mean:
            (onOff.onSeconds + onOff.offSeconds) /
            (onOff.rateOnPerSecond * onOff.onSeconds + onOff.rateOffPerSecond * onOff.offSeconds),
        }
      : schedule !== undefined
        ? { kind: 'exponential', mean: 1 / averageRate(schedule, horizonSeconds) }
        : raw.rate !== undefined
          ? { kind: 'exponential', mean: 1 / perSecond(raw.rate as string | number) }
          : normaliseDistribution(required(raw.interarrival, `producer '${raw.name}' interarrival`));
  return {
    name: raw.name,
    to: raw.to,
    interarrival,
    ...(schedule ? { schedule } : {}),
    ...(onOff ? { onOff } : {}),
    ...(raw.batch !== undefined ? { batch: normaliseSizeDistribution(raw.batch) } : {}),
    types: typeShares(raw.types),
    messageBytes: raw['message-size'] === undefined ? null : normaliseSizeDistribution(raw['message-size']),
  };
}

function normaliseExchange(raw: RawExchange): ExchangeSpec {
  const bindings = raw.to.map((binding): BindingSpec =>
    typeof binding === 'string'
      ? { queue: binding, types: null }
      : binding.patterns !== undefined
        ? { queue: binding.queue, types: null, patterns: binding.patterns }
        : { queue: binding.queue, types: binding.types ?? null },
  );
  return { name: raw.name, type: raw.type, bindings };
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

function normaliseMessageTypes(raw: RawScenario['message-types']): MessageTypeSpec[] {
  return Object.entries(raw ?? {}).map(([name, settings]) => ({ name, priority: settings.priority }));
}

/** An SLO: its scope and name, the metric's unit, and the limit in that unit. */
function normaliseSlo(raw: RawSlo): SloSpec {
  const scope = raw.queue !== undefined ? 'queue' : 'flow';
  const name = required(raw.queue ?? raw.flow, 'SLO queue or flow');
  const unit = required(sloMetrics(scope)[raw.metric], `SLO metric '${raw.metric}'`);
  const max = required(parseSloMax(unit, raw.max), `SLO max ${JSON.stringify(raw.max)}`);
  return { scope, name, metric: raw.metric, unit, max };
}

/** A variant: each setting's value in its parameter's unit (the semantic checks vouch that it parses). */
function normaliseVariant(raw: RawVariant): VariantSpec {
  return {
    name: raw.name,
    settings: Object.entries(raw.set).map(([path, written]) => {
      const parsed = parseSetting(path, written);
      if ('expected' in parsed) throw new Error(`variant '${raw.name}': invalid ${path}`);
      return { path, unit: parsed.unit, value: parsed.value };
    }),
  };
}

/**
 * The normalised scenario; call only on data that passed the schema and the semantic checks, with the
 * trace pre-pass's summaries by producer index.
 */
export function normaliseScenario(
  raw: RawScenario,
  traces: ReadonlyMap<number, TraceSummary> = new Map(),
): Scenario {
  const statistics = normaliseStatistics(raw);
  return {
    name: raw.name,
    description: raw.description,
    seed: raw.seed,
    durationSeconds: seconds(raw.duration),
    warmupSeconds: raw.warmup === 'auto' ? 0 : seconds(raw.warmup),
    ...(raw.warmup === 'auto' ? { warmupAuto: true } : {}),
    producers: raw.producers.map((producer, index) =>
      normaliseProducer(
        producer,
        (raw.warmup === 'auto' ? 0 : seconds(raw.warmup)) + seconds(raw.duration),
        traces.get(index),
      ),
    ),
    exchanges: (raw.exchanges ?? []).map(normaliseExchange),
    queues: raw.queues.map(normaliseQueue),
    messageTypes: normaliseMessageTypes(raw['message-types']),
    ...(statistics ? { statistics } : {}),
    ...(raw.slo ? { slo: raw.slo.map(normaliseSlo) } : {}),
    ...(raw.cost ? { cost: { ...raw.cost } } : {}),
    ...(raw.variants ? { variants: raw.variants.map(normaliseVariant) } : {}),
    ...(raw['max-backlog'] !== undefined ? { maxBacklog: raw['max-backlog'] } : {}),
  };
}
