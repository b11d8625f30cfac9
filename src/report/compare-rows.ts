/**
 * A comparison regrouped for reading: one group per queue and flow, one row per metric that applies there,
 * each row holding every scenario's value and every later scenario's paired difference from the first.
 * The terminal table, the CSV and the HTML page all read these rows, so they agree on what is shown.
 */
import type { CompareResult, MetricDifference } from '../analysis/compare.js';
import { parseTarget, type CompareKind } from '../scenario/compare-targets.js';
import type { Formatter } from './estimate-cells.js';
import { formatNumber, formatPercent, formatSeconds } from './format.js';

/** How a compared metric is named and shown: its words, its format and the scale from the JSON unit. */
export interface MetricLabel {
  /** The metric's dotted name inside its queue or flow, e.g. "sojourn.p99". */
  metric: string;
  /** In the user's words, with the unit where the format does not show it. */
  label: string;
  format: Formatter;
  /** Multiplies the JSON value for display (consumer-seconds are shown as consumer-hours). */
  scale: number;
}

const LABELS: Record<string, Omit<MetricLabel, 'metric'>> = {
  throughput: { label: 'throughput (/s)', format: formatNumber, scale: 1 },
  utilization: { label: 'utilisation', format: formatPercent, scale: 1 },
  lossRate: { label: 'loss rate', format: formatPercent, scale: 1 },
  dropRate: { label: 'drop rate', format: formatPercent, scale: 1 },
  meanQueueLength: { label: 'mean queue length', format: formatNumber, scale: 1 },
  'wait.mean': { label: 'mean wait', format: formatSeconds, scale: 1 },
  'sojourn.mean': { label: 'mean sojourn', format: formatSeconds, scale: 1 },
  'sojourn.p99': { label: 'p99 sojourn', format: formatSeconds, scale: 1 },
  consumerSeconds: { label: 'consumer-hours', format: formatNumber, scale: 1 / 3600 },
  'endToEnd.mean': { label: 'mean end-to-end', format: formatSeconds, scale: 1 },
  'endToEnd.p50': { label: 'p50 end-to-end', format: formatSeconds, scale: 1 },
  'endToEnd.p95': { label: 'p95 end-to-end', format: formatSeconds, scale: 1 },
  'endToEnd.p99': { label: 'p99 end-to-end', format: formatSeconds, scale: 1 },
};

/** The label of a compared metric (its dotted name when the catalogue does not know it). */
export function metricLabel(metric: string): MetricLabel {
  return { metric, ...(LABELS[metric] ?? { label: metric, format: formatNumber, scale: 1 }) };
}

/** One metric of one queue or flow across the scenarios. */
export interface CompareRow extends MetricLabel {
  /** Dotted path in the results, e.g. "queues.billing.sojourn.p99". */
  target: string;
  /** Each scenario's value (in the JSON unit), the first scenario's first; null where undefined. */
  values: Array<number | null>;
  /** Each later scenario's paired difference from the first (undefined where the target is not shared). */
  differences: Array<MetricDifference | undefined>;
}

/** The rows of one queue, flow or route. */
export interface CompareGroup {
  kind: CompareKind;
  name: string;
  rows: CompareRow[];
}

/** Metrics of the consumers: a queue nobody consumes (a dead-letter queue) has none of them. */
const CONSUMER_METRICS = [
  'throughput',
  'utilization',
  'consumerSeconds',
  'wait.mean',
  'sojourn.mean',
  'sojourn.p99',
];

/** True when some scenario has consumers (fixed or autoscaled) on this queue. */
function consumed(compare: CompareResult, name: string): boolean {
  return compare.scenarios.some(({ result }) => {
    const queue = result.queues[name];
    return queue !== undefined && (queue.consumers > 0 || queue.autoscale !== undefined);
  });
}

/**
 * A row applies when some scenario has a value; on a queue without consumers in any scenario, the
 * consumer metrics never apply and a loss or drop rate only when something was lost there.
 */
function applies(row: CompareRow, compare: CompareResult, kind: CompareKind, name: string): boolean {
  if (row.values.every((value) => value === null)) return false;
  if (kind !== 'queue' || consumed(compare, name)) return true;
  if (CONSUMER_METRICS.includes(row.metric)) return false;
  if (row.metric === 'lossRate' || row.metric === 'dropRate') return row.values.some((value) => value !== 0);
  return true;
}

/** The compared targets in the baseline's order, each once, over every later scenario. */
function targetsOf(compare: CompareResult): string[] {
  return [...new Set(compare.differences.flatMap((diff) => diff.metrics.map((metric) => metric.target)))];
}

/** The comparison as groups of rows, queues, then flows, then routes; metrics that do not apply left out. */
export function compareGroups(compare: CompareResult): CompareGroup[] {
  const groups = new Map<string, CompareGroup>();
  for (const target of targetsOf(compare)) {
    const { kind, name, metric } = parseTarget(target);
    const differences = compare.differences.map((diff) => diff.metrics.find((m) => m.target === target));
    const first = differences.find((difference) => difference !== undefined);
    const row: CompareRow = {
      ...metricLabel(metric),
      target,
      values: [first?.baseline ?? null, ...differences.map((difference) => difference?.value ?? null)],
      differences,
    };
    if (!applies(row, compare, kind, name)) continue;
    const key = `${kind}:${name}`;
    const group = groups.get(key) ?? { kind, name, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.rows.length > 0);
}

/** A value of a row in its display unit ("–" when undefined). */
export function showValue(row: MetricLabel, value: number | null | undefined): string {
  return row.format(value === null || value === undefined ? null : value * row.scale);
}

/** A signed difference in the row's display unit: "+12ms", "−0.4%", "0". */
export function showSigned(row: MetricLabel, value: number): string {
  if (value === 0) return '0';
  return `${value > 0 ? '+' : '−'}${row.format(Math.abs(value) * row.scale)}`;
}

/** A difference's CI in the row's display unit: "[−3.2%, −3.1%]"; '' without one. */
export function showInterval(row: MetricLabel, difference: MetricDifference): string {
  if (!difference.ci95) return '';
  return `[${showSigned(row, difference.ci95[0])}, ${showSigned(row, difference.ci95[1])}]`;
}
