/**
 * How the records of one queue, flow or route in several runs combine into one: which fields are metrics,
 * how each combines (means, maxima), their Student-t intervals, and percentiles by sectioning.
 */
import { mean } from 'simple-statistics';
import type { HistogramBucket, LatencySummary } from '../metrics/index.js';
import type { QueueResult } from '../model/run-result.js';
import { confidenceInterval, type ConfidenceInterval } from './confidence-interval.js';
import { clampInterval } from './metric-bounds.js';
import { sectionedPercentile } from './percentile-sections.js';

/** Configuration and added fields: copied from the first run, never averaged. */
const NOT_METRICS = new Set(['consumers', 'capacity', 'ci95', 'analytic', 'warmupCutSeconds']);
/**
 * Topic fields that are no metric to average: the partition count, the assignment (the first run's), and
 * the hot partition and busiest consumer (found again from the means).
 */
const NOT_METRIC_PATHS = new Set([
  'partitions.count',
  'partitions.hotPartition',
  'partitions.assignment',
  'partitions.busiestConsumer',
]);
/** Levels at the window's edges: averaged (so conservation still holds for the means) but given no CI. */
export const EDGE_LEVELS = new Set(
  ['queued', 'inService', 'buffered', 'delayed'].flatMap((level) => [`${level}AtStart`, `${level}AtEnd`]),
);
/** Totals over the measured window: batch means report their totals over the whole run. */
const COUNTS = new Set([
  'published',
  'arrivals',
  'accepted',
  'dropped',
  'lost',
  'completed',
  'expired',
  'deadLettered',
  'redelivered',
  'timeouts',
  'duplicates',
  'blockedSeconds',
  'consumerBlockedSeconds',
  'consumerSeconds',
  'autoscale.scaleUps',
  'autoscale.scaleDowns',
  'partitions.rebalances',
  'partitions.rebalancePausedSeconds',
]);
/** Totals broken down by reason. */
const COUNT_GROUPS = ['fates.', 'deadLetteredBy.', 'lostBy.'];

/** True for a metric that is a total over the window rather than a rate, level or latency. */
function isCount(metric: string): boolean {
  return COUNTS.has(metric) || COUNT_GROUPS.some((group) => metric.startsWith(group));
}

type Plain = Record<string, unknown>;

/** Every scalar metric of a queue as [dotted name, value], in the result's own key order. */
export function queueMetrics(queue: QueueResult): Array<[string, number | null]> {
  const metrics: Array<[string, number | null]> = [];
  const walk = (node: Plain, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (prefix === '' && NOT_METRICS.has(key)) continue;
      const name = prefix + key;
      if (NOT_METRIC_PATHS.has(name)) continue;
      if (typeof value === 'number' || value === null) metrics.push([name, value]);
      else if (typeof value === 'object' && !Array.isArray(value)) walk(value as Plain, name + '.');
    }
  };
  walk(queue as unknown as Plain, '');
  return metrics;
}

/** Sets a dotted metric in a (copied) plain result. */
function setMetric(queue: Plain, name: string, value: number | null): void {
  const path = name.split('.');
  let node = queue;
  for (const key of path.slice(0, -1)) node = node[key] as Plain;
  node[path[path.length - 1]] = value;
}

/** How one metric's values across runs combine into the reported value. */
export type Combine = (name: string, values: Array<number | null>) => number | null;

const meanOfDefined: Combine = (_name, values) => {
  const defined = values.filter((value): value is number => value !== null);
  return defined.length > 0 ? mean(defined) : null;
};

/** True for a maximum ("sojourn.max"): the largest value seen, never a mean. */
export function isMaximum(metric: string): boolean {
  return metric === 'max' || metric.endsWith('.max');
}

/**
 * Replications combine by the mean, except maxima: the largest value seen in any replication (what "max"
 * means to a reader: nothing was ever above it), like the maximum of the pooled runs.
 */
export const meanOrLargest: Combine = (name, values) => {
  if (!isMaximum(name)) return meanOfDefined(name, values);
  const defined = values.filter((value): value is number => value !== null);
  return defined.length > 0 ? Math.max(...defined) : null;
};

/** Whether a metric gets an interval at all. */
export type WantsInterval = (name: string) => boolean;

/**
 * Each metric's Student-t interval over the runs (raw: not yet cut to the metric's range), for the metrics
 * that want one and have a value in every run.
 */
function rawIntervals(queues: QueueResult[], wantsInterval: WantsInterval): Map<string, ConfidenceInterval> {
  const intervals = new Map<string, ConfidenceInterval>();
  for (const [name, values] of metricColumns(queues)) {
    const defined = values.filter((value): value is number => value !== null);
    if (!wantsInterval(name) || defined.length < 2 || defined.length < queues.length) continue;
    intervals.set(name, confidenceInterval(defined, 0.95));
  }
  return intervals;
}

/** Each metric's values across the runs, by dotted name. */
function metricColumns(queues: QueueResult[]): Map<string, Array<number | null>> {
  const columns = new Map<string, Array<number | null>>();
  for (const queue of queues) {
    for (const [name, value] of queueMetrics(queue)) {
      if (!columns.has(name)) columns.set(name, []);
      columns.get(name)!.push(value);
    }
  }
  return columns;
}

/** Runs' records of one queue, flow or route → one: metrics combined, 95 % CIs for those that want one. */
export function combineQueue(
  queues: QueueResult[],
  combine: Combine,
  wantsInterval: WantsInterval,
): QueueResult {
  const combined = JSON.parse(JSON.stringify(queues[0])) as Plain;
  for (const [name, values] of metricColumns(queues)) setMetric(combined, name, combine(name, values));
  const ci95: Record<string, [number, number]> = {};
  for (const [name, interval] of rawIntervals(queues, wantsInterval)) {
    ci95[name] = clampInterval(name, interval.low, interval.high);
  }
  const result = combined as unknown as QueueResult;
  if (queues.length > 1) result.ci95 = ci95;
  return result;
}

/** The latency percentiles a queue reports, as [dotted name, kind, quantile]. */
export const QUEUE_PERCENTILES = (['wait', 'sojourn'] as const).flatMap((kind) =>
  ([50, 95, 99] as const).map((p) => [`${kind}.p${p}`, kind, p / 100] as const),
);

/** The latency percentiles a flow reports, as [dotted name, kind, quantile]. */
export const FLOW_PERCENTILES = ([50, 95, 99] as const).map(
  (p) => [`endToEnd.p${p}`, 'endToEnd', p / 100] as const,
);

/** A queue's or a flow's latency summaries, histograms and intervals, by kind ("sojourn", "endToEnd"). */
export type WithHistogram<K extends string> = {
  [kind in K]: LatencySummary;
} & {
  latencyHistogram?: { [kind in K]: HistogramBucket[] };
  ci95?: Record<string, [number, number]>;
};

/**
 * A combined queue's or flow's percentiles and their CIs by sectioning (percentile-sections.ts) over the
 * units' histograms: with replications the percentile is that of the pooled messages; under batch means the
 * whole run's own percentile (`whole`). A percentile whose units hold too few tail messages for two sections
 * gets no CI. Nothing changes when some unit has no histogram.
 */
export function withSectionedPercentiles<K extends string, R extends WithHistogram<K>>(
  record: R,
  units: readonly R[],
  percentiles: ReadonlyArray<readonly [string, K, number]>,
  whole?: R,
): R {
  if (units.length < 2 || !units.every((unit) => unit.latencyHistogram)) return record;
  for (const [metric, kind, q] of percentiles) {
    const stat = `p${Math.round(q * 100)}` as 'p99';
    const centre = whole ? whole[kind][stat] : undefined;
    if (whole && centre === null) continue;
    const sectioned = sectionedPercentile(
      units.map((unit) => unit.latencyHistogram![kind]),
      q,
      centre ?? undefined,
    );
    if (sectioned.estimate === null) continue;
    (record as WithHistogram<K>)[kind] = { ...record[kind], [stat]: sectioned.estimate } as R[K];
    if (!record.ci95) continue;
    if (sectioned.ci95) record.ci95[metric] = sectioned.ci95;
    else delete record.ci95[metric];
  }
  return record;
}

/** The whole run's record with CIs centred on its values, half-widths from the `count` batches' records. */
export function centredOn<T>(runs: QueueResult[], record: T, count: number): T {
  const intervals = rawIntervals(runs, (metric) => !EDGE_LEVELS.has(metric) && !isMaximum(metric));
  const ci95: Record<string, [number, number]> = {};
  for (const [metric, value] of queueMetrics(record as unknown as QueueResult)) {
    const interval = intervals.get(metric);
    if (!interval || value === null) continue;
    const halfWidth = interval.halfWidth * (isCount(metric) ? count : 1);
    ci95[metric] = clampInterval(metric, value - halfWidth, value + halfWidth);
  }
  return { ...record, ci95 };
}
