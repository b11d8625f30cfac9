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
import { averageTimeSeries, poolBuckets, type TimeSeries } from '../metrics/index.js';
import type { QueueResult, RunResult } from '../model/run-result.js';
import { averagePartitions } from './aggregate-partitions.js';
import {
  EDGE_LEVELS,
  FLOW_PERCENTILES,
  QUEUE_PERCENTILES,
  centredOn,
  combineQueue,
  isMaximum,
  meanOrLargest,
  withSectionedPercentiles,
} from './aggregate-records.js';
import { aggregateRouteBatches, aggregateRouteReplications } from './aggregate-routes.js';

export { FLOW_PERCENTILES, QUEUE_PERCENTILES, isMaximum, queueMetrics } from './aggregate-records.js';

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
  const routes = aggregateRouteReplications(results);
  return {
    ...first,
    queues,
    ...(timeseries ? { timeseries } : {}),
    flows,
    ...(routes ? { routes } : {}),
    exchanges: combineRecords(results.map((result) => result.exchanges)),
    replications: results.length,
    ...(deadlock ? { deadlock } : {}),
  };
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
  const centred = <T>(runs: QueueResult[], record: T): T => centredOn(runs, record, count);
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
  const routes = aggregateRouteBatches(batches, whole);
  return {
    ...whole,
    queues,
    flows,
    ...(routes ? { routes } : {}),
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
