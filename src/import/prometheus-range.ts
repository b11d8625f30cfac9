/**
 * A saved Prometheus `query_range` response (the HTTP API's JSON) for the standard exporters' series:
 * parsed, checked, and reduced to what an importer writes — publish rates per queue or topic, consumers.
 * Anything it does not understand is a located error naming the JSON path (`$.data.result[3].metric`).
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { isObject } from './imported-setting.js';

/** What a series measures, and so how it is reduced. */
export type SeriesKind = 'published' | 'delivered' | 'consumers' | 'topic-offset' | 'consumer-lag';

/** The series understood, by `__name__`: RabbitMQ's Prometheus plugin and the Kafka exporter. */
export const KNOWN_SERIES: Readonly<Record<string, SeriesKind>> = {
  rabbitmq_queue_messages_published_total: 'published',
  rabbitmq_detailed_queue_messages_published_total: 'published',
  rabbitmq_queue_messages_delivered_total: 'delivered',
  rabbitmq_detailed_queue_messages_delivered_total: 'delivered',
  rabbitmq_queue_consumers: 'consumers',
  rabbitmq_detailed_queue_consumers: 'consumers',
  kafka_topic_partition_current_offset: 'topic-offset',
  kafka_consumergroup_lag: 'consumer-lag',
};

/** One sample: Unix seconds and the value. */
export interface Sample {
  t: number;
  value: number;
}

/** One series of the response. */
export interface RangeSeries {
  name: string;
  kind: SeriesKind;
  labels: Readonly<Record<string, string>>;
  samples: Sample[];
  /** `$.data.result[i]`, for messages about this series. */
  path: string;
}

/** A rate between two consecutive samples: from `start` to `end` (Unix seconds), in events per second. */
export interface RateStep {
  start: number;
  end: number;
  rate: number;
}

/** The label each kind needs to say what it is about. */
const REQUIRED_LABELS: Readonly<Record<SeriesKind, readonly string[]>> = {
  published: ['queue'],
  delivered: ['queue'],
  consumers: ['queue'],
  'topic-offset': ['topic', 'partition'],
  'consumer-lag': ['consumergroup', 'topic'],
};

/** Parses and checks the response; every problem found is thrown together as a located ScenarioError. */
export function readRangeResponse(text: string, file: string): RangeSeries[] {
  const errors: ScenarioProblem[] = [];
  const fail = (path: string, message: string): void => {
    errors.push({ file, line: 0, column: 0, path, message, severity: 'error' });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail('$', `not JSON: ${error instanceof Error ? error.message : String(error)}`);
    throw new ScenarioError(errors);
  }
  const refuse = (path: string, message: string): never => {
    fail(path, message);
    throw new ScenarioError(errors);
  };
  if (!isObject(data)) return refuse('$', 'expected a Prometheus query_range response (a JSON object)');
  if (data.status !== 'success') {
    const why = typeof data.error === 'string' ? ` (${data.error})` : '';
    return refuse('$.status', `expected "success", found ${JSON.stringify(data.status)}${why}`);
  }
  if (!isObject(data.data)) return refuse('$.data', 'expected an object with resultType and result');
  if (data.data.resultType !== 'matrix') {
    return refuse(
      '$.data.resultType',
      `expected "matrix" (a query_range response), found ${JSON.stringify(data.data.resultType)}`,
    );
  }
  const result = data.data.result;
  if (!Array.isArray(result)) return refuse('$.data.result', 'expected a list of series');
  if (result.length === 0)
    return refuse('$.data.result', 'no series: the query matched nothing in that window');
  const series = result.flatMap((item, i) => {
    const one = readSeries(item, `$.data.result[${i}]`, fail);
    return one === undefined ? [] : [one];
  });
  if (errors.length > 0) throw new ScenarioError(errors);
  return series;
}

/** One `{metric, values}` entry, or undefined after recording what is wrong with it. */
function readSeries(
  item: unknown,
  path: string,
  fail: (path: string, message: string) => void,
): RangeSeries | undefined {
  if (!isObject(item)) return void fail(path, 'expected an object with metric and values');
  if (!isObject(item.metric)) return void fail(`${path}.metric`, 'expected the series labels (an object)');
  const name = item.metric.__name__;
  if (typeof name !== 'string') {
    return void fail(
      `${path}.metric.__name__`,
      'missing: query the raw series (not rate() or sum()) so the response names it',
    );
  }
  const kind = KNOWN_SERIES[name];
  if (kind === undefined) {
    return void fail(
      `${path}.metric.__name__`,
      `series '${name}' is not understood; expected one of ${Object.keys(KNOWN_SERIES).join(', ')}`,
    );
  }
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(item.metric)) labels[key] = String(value);
  const missing = REQUIRED_LABELS[kind].filter((label) => labels[label] === undefined);
  if (missing.length > 0) {
    return void fail(`${path}.metric`, `${name} needs the label(s) ${missing.join(', ')}`);
  }
  if (!Array.isArray(item.values)) return void fail(`${path}.values`, 'expected a list of [time, "value"]');
  const samples: Sample[] = [];
  let ok = true;
  item.values.forEach((pair: unknown, j: number) => {
    const at = `${path}.values[${j}]`;
    if (!Array.isArray(pair) || pair.length !== 2)
      return void ((ok = false), fail(at, 'expected [time, "value"]'));
    const t = Number(pair[0]);
    const value = typeof pair[1] === 'string' ? Number(pair[1]) : NaN;
    if (typeof pair[0] !== 'number' || !Number.isFinite(t)) {
      return void ((ok = false), fail(`${at}[0]`, `expected Unix seconds, found ${JSON.stringify(pair[0])}`));
    }
    if (pair[1] === '' || !Number.isFinite(value)) {
      return void (
        (ok = false),
        fail(`${at}[1]`, `expected a number as a string, found ${JSON.stringify(pair[1])}`)
      );
    }
    if (samples.length > 0 && t <= samples[samples.length - 1]!.t) {
      return void ((ok = false), fail(`${at}[0]`, 'times must increase'));
    }
    samples.push({ t, value });
  });
  if (!ok) return undefined;
  if (samples.length < 2) {
    return void fail(`${path}.values`, `need at least 2 samples, found ${samples.length}`);
  }
  return { name, kind, labels, samples, path };
}

/**
 * A counter's rate over each pair of consecutive samples, as PromQL's rate() reads counters: a value lower
 * than the one before is a reset (the process restarted), so the increase is the new value itself.
 */
export function counterRates(samples: readonly Sample[]): RateStep[] {
  const steps: RateStep[] = [];
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1]!;
    const after = samples[i]!;
    const increase = after.value >= before.value ? after.value - before.value : after.value;
    steps.push({ start: before.t, end: after.t, rate: increase / (after.t - before.t) });
  }
  return steps;
}

/** Rate schedules of several counters over the same sample times, summed (partitions → topic). */
export function sumRates(schedules: readonly RateStep[][]): RateStep[] {
  const [first, ...rest] = schedules;
  if (first === undefined) return [];
  for (const other of rest) {
    if (
      other.length !== first.length ||
      other.some((s, i) => s.start !== first[i]!.start || s.end !== first[i]!.end)
    ) {
      throw new Error('sumRates: schedules over different sample times');
    }
  }
  return first.map((step, i) => ({ ...step, rate: schedules.reduce((sum, s) => sum + s[i]!.rate, 0) }));
}

/** What the metrics say about one queue (RabbitMQ) or topic (Kafka). */
export interface DestinationMetrics {
  /** Publish rate per interval; summed when several series (e.g. per node) name the same queue. */
  published?: RateStep[];
  publishedSeries?: string;
  delivered?: RateStep[];
  /** The highest consumer count seen in the window. */
  consumers?: number;
  consumersSeries?: string;
}

/** Per queue (RabbitMQ series, by `queue` label) and per topic (Kafka, by `topic`), in first-seen order. */
export interface RangeMetrics {
  queues: Map<string, DestinationMetrics>;
  topics: Map<string, DestinationMetrics>;
  /** Consumer-group lag, noted only: max lag per group and topic. */
  lags: string[];
  /** The recorded window, Unix seconds. */
  start: number;
  end: number;
}

/** Reduces parsed series (of `vhost`, when given) to rates and counts per queue and topic; differing sample times throw. */
export function summarizeRange(all: readonly RangeSeries[], file: string, vhost?: string): RangeMetrics {
  // RabbitMQ series of another vhost name other queues; series without a vhost label are kept.
  const series = all.filter(
    (s) => vhost === undefined || s.labels.vhost === undefined || s.labels.vhost === vhost,
  );
  const queues = new Map<string, DestinationMetrics>();
  const topics = new Map<string, DestinationMetrics>();
  const lags: string[] = [];
  const entry = (map: Map<string, DestinationMetrics>, key: string) => {
    const found = map.get(key) ?? {};
    map.set(key, found);
    return found;
  };
  const grouped = new Map<string, RateStep[][]>();
  const reference = series[0]?.samples.map((s) => s.t);
  for (const one of series) {
    const times = one.samples.map((s) => s.t);
    if (reference && (times.length !== reference.length || times.some((t, i) => t !== reference[i]))) {
      throw new ScenarioError([
        {
          file,
          line: 0,
          column: 0,
          path: `${one.path}.values`,
          message:
            'sample times differ from $.data.result[0]: save all series from one query_range call (same start, end, step)',
          severity: 'error',
        },
      ]);
    }
    const key = `${one.kind}\u0000${one.kind === 'topic-offset' ? one.labels.topic : one.labels.queue}`;
    if (one.kind === 'published' || one.kind === 'delivered' || one.kind === 'topic-offset') {
      grouped.set(key, [...(grouped.get(key) ?? []), counterRates(one.samples)]);
      const target =
        one.kind === 'topic-offset' ? entry(topics, one.labels.topic!) : entry(queues, one.labels.queue!);
      if (one.kind !== 'delivered') target.publishedSeries = one.name;
    } else if (one.kind === 'consumers') {
      const target = entry(queues, one.labels.queue!);
      target.consumers = Math.max(target.consumers ?? 0, ...one.samples.map((s) => s.value));
      target.consumersSeries = one.name;
    } else {
      const peak = Math.max(...one.samples.map((s) => s.value));
      lags.push(`consumer group ${one.labels.consumergroup} on topic ${one.labels.topic}: lag up to ${peak}`);
    }
  }
  for (const [key, schedules] of grouped) {
    const [kind, name] = key.split('\u0000') as [SeriesKind, string];
    const target = kind === 'topic-offset' ? entry(topics, name) : entry(queues, name);
    if (kind === 'delivered') target.delivered = sumRates(schedules);
    else target.published = sumRates(schedules);
  }
  return {
    queues,
    topics,
    lags,
    start: reference?.[0] ?? 0,
    end: reference?.[reference.length - 1] ?? 0,
  };
}
