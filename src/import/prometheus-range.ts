/**
 * A saved Prometheus `query_range` response (the HTTP API's JSON) for the standard exporters' series:
 * parsed, checked, and reduced to what an importer writes — publish rates per queue or topic, consumers.
 * Anything it does not understand is a located error naming the JSON path (`$.data.result[3].metric`).
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { isObject } from './imported-setting.js';

/** What a series measures, and so how it is reduced. */
export type SeriesKind =
  'published' | 'delivered' | 'consumers' | 'topic-offset' | 'consumer-lag' | 'group-members';

/**
 * The series understood, by `__name__`. RabbitMQ's plugin (rabbitmq.com/docs/prometheus and the plugin's
 * metrics.md): `rabbitmq_` from `/metrics/per-object`, `rabbitmq_detailed_` from `/metrics/detailed`. A queue's
 * deliveries are counted per channel in two series, automatic and manual acknowledgement, which are summed;
 * RabbitMQ 4.1+ also has per-queue `queue_messages_delivered(_ack)_total` (plugin source, not yet in the docs).
 * Kafka: danielqsj/kafka_exporter's README.
 */
export const KNOWN_SERIES: Readonly<Record<string, SeriesKind>> = {
  rabbitmq_queue_messages_published_total: 'published',
  rabbitmq_detailed_queue_messages_published_total: 'published',
  rabbitmq_channel_messages_delivered_total: 'delivered',
  rabbitmq_channel_messages_delivered_ack_total: 'delivered',
  rabbitmq_detailed_channel_messages_delivered_total: 'delivered',
  rabbitmq_detailed_channel_messages_delivered_ack_total: 'delivered',
  rabbitmq_queue_messages_delivered_total: 'delivered',
  rabbitmq_queue_messages_delivered_ack_total: 'delivered',
  rabbitmq_detailed_queue_messages_delivered_total: 'delivered',
  rabbitmq_detailed_queue_messages_delivered_ack_total: 'delivered',
  rabbitmq_queue_consumers: 'consumers',
  rabbitmq_detailed_queue_consumers: 'consumers',
  kafka_topic_partition_current_offset: 'topic-offset',
  kafka_consumergroup_lag: 'consumer-lag',
  kafka_consumergroup_lag_sum: 'consumer-lag',
  kafka_consumergroup_members: 'group-members',
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
  'group-members': ['consumergroup'],
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
  // One sample is a series present for one step only: Prometheus leaves out the steps it was absent.
  if (samples.length === 0) return void fail(`${path}.values`, 'no samples');
  return { name, kind, labels, samples, path };
}

/** What the metrics say about one queue (RabbitMQ) or topic (Kafka). */
export interface DestinationMetrics {
  /** Publish rate per interval; summed when several series (e.g. per node, per partition) name the same one. */
  published?: RateStep[];
  publishedSeries?: string;
  /** How the published rate was read, for comments ("summed over 12 partitions"). */
  publishedNote?: string;
  delivered?: RateStep[];
  /** The highest consumer count seen in the window. */
  consumers?: number;
  consumersSeries?: string;
}

/** A consumer group's recorded lag on one topic, summed over its partitions at each sample time. */
export interface LagMetrics {
  group: string;
  topic: string;
  /** Mean and highest of the summed lag over the sample times that have it. */
  mean: number;
  max: number;
  series: string;
}

/** Per queue (RabbitMQ series, by `queue` label) and per topic (Kafka, by `topic`), in first-seen order. */
export interface RangeMetrics {
  queues: Map<string, DestinationMetrics>;
  topics: Map<string, DestinationMetrics>;
  /** Consumer-group lag per group and topic. */
  lags: LagMetrics[];
  /** Consumer-group members (`kafka_consumergroup_members`): the highest count seen, per group. */
  groups: Map<string, { members: number; series: string }>;
  /** The recorded window, Unix seconds. */
  start: number;
  end: number;
}

/** The vhost a RabbitMQ series is about: `vhost`, or `queue_vhost` on the per-channel published series. */
const vhostOf = (series: RangeSeries): string | undefined => series.labels.vhost ?? series.labels.queue_vhost;

/** Reduces parsed series (of `vhost`, when given) to rates and counts per queue and topic; differing sample times throw. */
export function summarizeRange(all: readonly RangeSeries[], file: string, vhost?: string): RangeMetrics {
  // RabbitMQ series of another vhost name other queues; series without a vhost label are kept.
  const series = all.filter((s) => vhost === undefined || vhostOf(s) === undefined || vhostOf(s) === vhost);
  const grid = sampleGrid(series.length > 0 ? series : all, file);
  const queues = new Map<string, DestinationMetrics>();
  const topics = new Map<string, DestinationMetrics>();
  const entry = (map: Map<string, DestinationMetrics>, key: string) => {
    const found = map.get(key) ?? {};
    map.set(key, found);
    return found;
  };
  const counters = new Map<string, { target: DestinationMetrics; rates: Array<Array<number | undefined>> }>();
  const lagSums = new Map<string, LagSeries>();
  const groups = new Map<string, { members: number; series: string }>();
  for (const one of series) {
    const values = onGrid(one, grid);
    if (one.kind === 'published' || one.kind === 'delivered' || one.kind === 'topic-offset') {
      const target =
        one.kind === 'topic-offset' ? entry(topics, one.labels.topic!) : entry(queues, one.labels.queue!);
      const key = `${one.kind}\u0000${one.kind === 'topic-offset' ? one.labels.topic : one.labels.queue}`;
      const found = counters.get(key) ?? { target, rates: [] };
      found.rates.push(stepRates(one.samples, grid));
      counters.set(key, found);
      if (one.kind !== 'delivered') target.publishedSeries = one.name;
    } else if (one.kind === 'consumers') {
      const target = entry(queues, one.labels.queue!);
      target.consumers = Math.max(target.consumers ?? 0, ...defined(values));
      target.consumersSeries = one.name;
    } else if (one.kind === 'group-members') {
      const group = one.labels.consumergroup!;
      groups.set(group, {
        members: Math.max(groups.get(group)?.members ?? 0, ...defined(values)),
        series: one.name,
      });
    } else {
      addLag(lagSums, one, values, file);
    }
  }
  for (const [key, counter] of counters) counterSteps(key, counter, grid);
  const lags = [...lagSums.values()].map((lag) => lagOf(lag, grid));
  return { queues, topics, lags, groups, start: grid[0] ?? 0, end: grid[grid.length - 1] ?? 0 };
}

/** A group's lag series on one topic, one per partition (or the exporter's one sum). */
interface LagSeries {
  group: string;
  topic: string;
  series: string;
  values: Values[];
}

/** Adds a lag series to its group and topic; lag and lag_sum for the same pair is refused. */
function addLag(lagSums: Map<string, LagSeries>, one: RangeSeries, values: Values, file: string): void {
  const key = `${one.labels.consumergroup}\u0000${one.labels.topic}`;
  const found = lagSums.get(key) ?? {
    group: one.labels.consumergroup!,
    topic: one.labels.topic!,
    series: one.name,
    values: [],
  };
  if (found.series !== one.name) {
    // kafka_consumergroup_lag_sum is the sum of kafka_consumergroup_lag: both would count the lag twice.
    throw new ScenarioError([
      {
        file,
        line: 0,
        column: 0,
        path: `${one.path}.metric.__name__`,
        message: `${one.name} and ${found.series} both for group ${found.group} on topic ${found.topic}: save one of them`,
        severity: 'error',
      },
    ]);
  }
  found.values.push(values);
  lagSums.set(key, found);
}

/** Per destination, the rates of its counters, summed per interval into its published or delivered rate. */
function counterSteps(
  key: string,
  { target, rates }: { target: DestinationMetrics; rates: Values[] },
  grid: readonly number[],
): void {
  const steps = grid.slice(1).map((end, k) => ({
    start: grid[k]!,
    end,
    rate: sumPresent(rates.map((r) => r[k])) ?? 0,
  }));
  if (key.startsWith('delivered\u0000')) target.delivered = steps;
  else {
    target.published = steps;
    if (key.startsWith('topic-offset\u0000')) target.publishedNote = `summed over ${rates.length} partitions`;
  }
}

/** A group's lag on a topic: summed over partitions at each sample time, then its mean and max. */
function lagOf({ group, topic, series, values }: LagSeries, grid: readonly number[]): LagMetrics {
  const sums = defined(grid.map((_, k) => sumPresent(values.map((v) => v[k]))));
  return {
    group,
    topic,
    series,
    mean: sums.reduce((a, b) => a + b, 0) / sums.length,
    max: Math.max(...sums),
  };
}

/** One value per sample time of the grid; undefined where the series has no sample. */
type Values = Array<number | undefined>;

/**
 * The query's sample times: from the earliest sample to the latest, one step apart, the step being the
 * shortest interval between two samples of one series. Prometheus leaves out the steps where a series was
 * absent, so a series may have fewer samples, but each must be on this grid (else it came from another query).
 */
function sampleGrid(series: readonly RangeSeries[], file: string): number[] {
  const refuse = (path: string, message: string): never => {
    throw new ScenarioError([{ file, line: 0, column: 0, path, message, severity: 'error' }]);
  };
  const ms = (t: number) => Math.round(t * 1000);
  // Loops, not Math.min(...all): a response of many long series has more samples than a call has arguments.
  let first = Infinity;
  let last = -Infinity;
  let step = Infinity;
  for (const { samples } of series) {
    first = Math.min(first, ms(samples[0]!.t));
    last = Math.max(last, ms(samples[samples.length - 1]!.t));
    for (let i = 1; i < samples.length; i++) step = Math.min(step, ms(samples[i]!.t) - ms(samples[i - 1]!.t));
  }
  if (!Number.isFinite(step)) {
    return refuse('$.data.result', 'no series has two samples: the step of the query cannot be told');
  }
  for (const one of series) {
    const off = one.samples.findIndex((s) => (ms(s.t) - first) % step !== 0);
    if (off >= 0) {
      refuse(
        `${one.path}.values[${off}][0]`,
        `${one.samples[off]!.t} is not on the query's step grid (from ${first / 1000}, every ${step / 1000}s): ` +
          'save all series from one query_range call (same start, end, step)',
      );
    }
  }
  const count = (last - first) / step + 1;
  if (count > MAX_GRID_POINTS) {
    refuse(
      '$.data.result',
      `${count} steps of ${step / 1000}s: at most ${MAX_GRID_POINTS} are read; use a longer step`,
    );
  }
  return Array.from({ length: count }, (_, k) => (first + k * step) / 1000);
}

/** Prometheus itself refuses a query_range of more than 11,000 points per series. */
const MAX_GRID_POINTS = 11_000;

/** The series' values at the grid's times. */
function onGrid(series: RangeSeries, grid: readonly number[]): Values {
  const at = new Map(series.samples.map((s) => [Math.round(s.t * 1000), s.value]));
  return grid.map((t) => at.get(Math.round(t * 1000)));
}

/**
 * A counter's rate over each grid interval, from the samples it has: the increase between two consecutive
 * samples over the time between them (a decrease is a reset: the increase is the new value), as rate() over
 * a range spanning both reads it — so a gap's intervals get the mean rate across it and no sample is
 * invented. Before its first sample and after its last the series has no rate (undefined).
 */
function stepRates(samples: readonly Sample[], grid: readonly number[]): Values {
  const rates: Values = new Array<number | undefined>(grid.length - 1).fill(undefined);
  const index = new Map(grid.map((t, k) => [Math.round(t * 1000), k]));
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1]!;
    const after = samples[i]!;
    const increase = after.value >= before.value ? after.value - before.value : after.value;
    const rate = increase / (after.t - before.t);
    const from = index.get(Math.round(before.t * 1000))!;
    const to = index.get(Math.round(after.t * 1000))!;
    for (let k = from; k < to; k++) rates[k] = rate;
  }
  return rates;
}

/** The sum of the values present; undefined when none is. */
function sumPresent(values: ReadonlyArray<number | undefined>): number | undefined {
  const present = defined(values);
  return present.length === 0 ? undefined : present.reduce((a, b) => a + b, 0);
}

const defined = (values: ReadonlyArray<number | undefined>): number[] =>
  values.filter((v): v is number => v !== undefined);
