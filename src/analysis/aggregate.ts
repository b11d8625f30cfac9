/**
 * Many runs' results → one result: every scalar metric becomes the mean over the runs, with a 95 % Student-t
 * confidence interval in the queue's `ci95` under its dotted name ("sojourn.p99").
 *
 * Null rule: a metric that is null in some runs (e.g. wait percentiles of a run in which no message
 * started service) is the mean over the runs that have it, and gets no `ci95` entry: that mean is
 * conditional on messages getting through, and an interval over a varying subset would mislead. A metric
 * null in every run stays null.
 */
import { mean } from 'simple-statistics';
import {
  averageTimeSeries,
  poolBuckets,
  type HistogramBucket,
  type LatencySummary,
  type TimeSeries,
} from '../metrics/index.js';
import type { QueueResult, RunResult } from '../model/run-result.js';
import { averagePartitions } from './aggregate-partitions.js';
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
const EDGE_LEVELS = new Set(
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
type Combine = (name: string, values: Array<number | null>) => number | null;

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
const meanOrLargest: Combine = (name, values) => {
  if (!isMaximum(name)) return meanOfDefined(name, values);
  const defined = values.filter((value): value is number => value !== null);
  return defined.length > 0 ? Math.max(...defined) : null;
};

/** Whether a metric gets an interval at all. */
type WantsInterval = (name: string) => boolean;

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

function combineQueue(queues: QueueResult[], combine: Combine, wantsInterval: WantsInterval): QueueResult {
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

/** The results of the same queues in several runs, by queue name in the first run's order. */
function byQueue(results: readonly RunResult[]): Array<[string, QueueResult[]]> {
  return Object.keys(results[0].queues).map((name) => [name, results.map((result) => result.queues[name])]);
}

/**
 * Independent replications → means with 95 % CIs (see the null rule above). Every metric, counts included,
 * is the mean over replications, except a maximum: the largest of any replication, with no CI (the
 * largest of n values is no mean, and its spread says nothing about how far it is from the truth).
 */
export function aggregateReplications(results: readonly RunResult[]): RunResult {
  if (results.length === 0) throw new Error('aggregateReplications: no results');
  const queues = Object.fromEntries(
    byQueue(results).map(([name, runs]) => [
      name,
      combineQueue(runs, meanOrLargest, (metric) => !EDGE_LEVELS.has(metric) && !isMaximum(metric)),
    ]),
  );
  // Flows and exchanges are plain numeric records too: combined the same way (means with 95 % CIs).
  const combineRecords = <T>(records: Array<Record<string, T>>) =>
    Object.fromEntries(
      Object.keys(records[0]).map((name) => {
        const runs = records.map((record) => record[name] as unknown as QueueResult);
        return [name, combineQueue(runs, meanOrLargest, (metric) => !isMaximum(metric)) as unknown as T];
      }),
    );
  // Distributions are pooled over the replications; time series are averaged bin by bin.
  for (const [name, runs] of byQueue(results)) {
    withSectionedPercentiles(queues[name], runs, QUEUE_PERCENTILES);
    const topic = queues[name].partitions;
    if (topic)
      queues[name].partitions = averagePartitions(
        runs.map((run) => run.partitions!),
        topic,
      );
    if (runs.every((run) => run.latencyHistogram)) {
      queues[name].latencyHistogram = {
        wait: poolBuckets(runs.map((run) => run.latencyHistogram!.wait)),
        sojourn: poolBuckets(runs.map((run) => run.latencyHistogram!.sojourn)),
      };
    }
  }
  const series = results.map((result) => result.timeseries);
  const timeseries = series.every((s): s is TimeSeries => s !== undefined)
    ? averageTimeSeries(series)
    : undefined;
  const flows = combineRecords(results.map((result) => result.flows));
  for (const name of Object.keys(flows)) {
    const runs = results.map((result) => result.flows[name]);
    withSectionedPercentiles(flows[name], runs, FLOW_PERCENTILES);
    if (runs.every((run) => run.latencyHistogram)) {
      flows[name].latencyHistogram = {
        endToEnd: poolBuckets(runs.map((run) => run.latencyHistogram!.endToEnd)),
      };
    }
  }
  const { deadlock: _first, ...first } = results[0];
  const deadlock = firstDeadlock(results);
  return {
    ...first,
    queues,
    ...(timeseries ? { timeseries } : {}),
    flows,
    exchanges: combineRecords(results.map((result) => result.exchanges)),
    replications: results.length,
    ...(deadlock ? { deadlock } : {}),
  };
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
type WithHistogram<K extends string> = {
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
function withSectionedPercentiles<K extends string, R extends WithHistogram<K>>(
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

/**
 * The first replication's deadlock, with which replication it was and how many deadlocked (a deadlock in
 * any replication is reported: the scenario can deadlock, and the means include that replication's
 * standstill).
 */
export function firstDeadlock(results: readonly RunResult[]): RunResult['deadlock'] {
  const deadlocked = results.filter((result) => result.deadlock !== undefined);
  if (deadlocked.length === 0) return undefined;
  const first = deadlocked[0].deadlock as NonNullable<RunResult['deadlock']>;
  return {
    at: first.at,
    queues: first.queues,
    replication: results.indexOf(deadlocked[0]) + 1,
    deadlockedReplications: deadlocked.length,
  };
}

/**
 * Batch means of one long run → one result over the whole run. The values are those of `whole`, the same
 * run measured in one piece (so counts are totals, percentiles and maxima are the whole run's, and
 * arrivals = completed + dropped + (present at end − present at start) holds); each metric's 95 % CI is
 * centred on that value with the half-width of the batch means' CI (times the number of batches for counts,
 * which are sums of batch values). Maxima get no CI.
 */
export function aggregateBatches(batches: readonly RunResult[], whole: RunResult): RunResult {
  if (batches.length < 2)
    throw new Error(`aggregateBatches: needs at least 2 batches, got ${batches.length}`);
  const count = batches.length;
  /** The whole run's record with CIs centred on its values, half-widths from the batches' records. */
  const centred = <T>(runs: QueueResult[], record: T): T => {
    const intervals = rawIntervals(runs, (metric) => !EDGE_LEVELS.has(metric) && !isMaximum(metric));
    const ci95: Record<string, [number, number]> = {};
    for (const [metric, value] of queueMetrics(record as unknown as QueueResult)) {
      const interval = intervals.get(metric);
      if (!interval || value === null) continue;
      const halfWidth = interval.halfWidth * (isCount(metric) ? count : 1);
      ci95[metric] = clampInterval(metric, value - halfWidth, value + halfWidth);
    }
    return { ...record, ci95 };
  };
  const queues = Object.fromEntries(
    byQueue(batches).map(([name, runs]) => [
      name,
      withSectionedPercentiles(
        centred(runs, whole.queues[name]),
        runs,
        QUEUE_PERCENTILES,
        whole.queues[name],
      ),
    ]),
  );
  // Flows too, so that an SLO on a flow (endToEnd.p99) has an interval under batch means; their
  // percentiles by sectioning over the batches' end-to-end histograms, as a queue's.
  const flows = Object.fromEntries(
    Object.entries(whole.flows).map(([name, flow]) => {
      const units = batches.map((batch) => batch.flows[name]);
      const combined = centred(units as unknown as QueueResult[], flow);
      return [name, withSectionedPercentiles(combined, units, FLOW_PERCENTILES, flow)];
    }),
  );
  return {
    ...whole,
    queues,
    flows,
    batchMeans: {
      batches: count,
      batchSeconds: batches[0].measuredSeconds,
      lag1Autocorrelation: Object.fromEntries(
        byQueue(batches).map(([name, runs]) => [name, lag1Autocorrelation(runs.map((q) => q.meanInSystem))]),
      ),
    },
  };
}

/** Lag-1 sample autocorrelation; null for fewer than 3 values or a constant series. */
export function lag1Autocorrelation(values: readonly number[]): number | null {
  if (values.length < 3) return null;
  const center = mean(values as number[]);
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < values.length; i++) {
    denominator += (values[i] - center) ** 2;
    if (i > 0) numerator += (values[i] - center) * (values[i - 1] - center);
  }
  return denominator > 0 ? numerator / denominator : null;
}
