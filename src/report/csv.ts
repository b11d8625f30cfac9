/** CSV exports of a run: comma-separated, a header row, one record per line, fields quoted where needed. */
import type { RunResult } from '../model/run-result.js';

/** The time series in long form: one row per queue and bin, times in seconds since measuring began. */
export function timeSeriesCsv(result: RunResult): string {
  const header = [
    'queue',
    'time_s',
    'interval_s',
    'depth',
    'arrivals_per_s',
    'completions_per_s',
    'drops_per_s',
    'busy_consumers',
    'consumers',
    'lost_per_s',
  ];
  const rows: unknown[][] = [];
  const series = result.timeseries;
  if (series) {
    for (const [queue, values] of Object.entries(series.queues)) {
      series.time.forEach((time, bin) => {
        rows.push([
          queue,
          time,
          series.intervalSeconds,
          values.depth[bin],
          values.arrivalsPerSecond[bin],
          values.completionsPerSecond[bin],
          values.dropsPerSecond[bin],
          values.busyConsumers[bin],
          values.consumers[bin],
          values.lostPerSecond[bin],
        ]);
      });
    }
  }
  return toCsv(header, rows);
}

/**
 * The wait and sojourn distributions: one row per non-empty bucket [lower_s, upper_s), with its count, its
 * share of the messages and the cumulative share up to its upper bound. A bucket 0–0 counts zero values.
 */
export function latencyCsv(result: RunResult): string {
  const header = ['queue', 'latency', 'lower_s', 'upper_s', 'count', 'fraction', 'cumulative_fraction'];
  const rows: unknown[][] = [];
  for (const [queue, stats] of Object.entries(result.queues)) {
    if (!stats.latencyHistogram) continue;
    for (const kind of ['wait', 'sojourn'] as const) {
      const buckets = stats.latencyHistogram[kind];
      const total = buckets.reduce((sum, bucket) => sum + bucket[2], 0);
      let cumulative = 0;
      for (const [lower, upper, count] of buckets) {
        cumulative += count;
        rows.push([queue, kind, lower, upper, count, count / total, cumulative / total]);
      }
    }
  }
  return toCsv(header, rows);
}

/**
 * End-to-end latency per route (a path of queues through `then` routes): one row per route, with its
 * percentiles and, with replications or batch means, their 95 % intervals. Only the header when the
 * scenario has no routes. `lead` columns come first on every row (plan-routes.csv: the setting).
 */
export function routesCsv(
  result: RunResult,
  lead: { header: string[]; cells: unknown[] } = { header: [], cells: [] },
): string {
  const metrics = ['mean', 'p50', 'p95', 'p99', 'max'] as const;
  const header = [
    ...lead.header,
    'route',
    'producer',
    'path',
    'completed',
    ...metrics.map((metric) => `${metric}_s`),
    ...metrics.flatMap((metric) => [`${metric}_low_s`, `${metric}_high_s`]),
  ];
  const rows = Object.values(result.routes ?? {}).map((route) => [
    ...lead.cells,
    route.id,
    route.producer,
    route.queues.join(' > '),
    route.completed,
    ...metrics.map((metric) => route.endToEnd[metric]),
    ...metrics.flatMap((metric) => route.ci95?.[`endToEnd.${metric}`] ?? [null, null]),
  ]);
  return toCsv(header, rows);
}

/** Rows under a header as CSV text, one record per line, ending with a newline. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** One field: numbers as JavaScript prints them, null/undefined empty, text quoted when it must be. */
function csvField(value: unknown): string {
  if (value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)))
    return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
