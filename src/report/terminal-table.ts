import Table from 'cli-table3';
import pc from 'picocolors';
import type { LatencySummary } from '../metrics/index.js';
import type { QueueResult, RunResult } from '../model/run-result.js';
import {
  estimateCell,
  estimateLabel,
  estimateOf,
  noEstimateReason,
  wrapText,
  metricCell,
  type Formatter,
  type Paint,
} from './estimate-cells.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from './format.js';
import { describeLostBy } from './loss-lines.js';
import { routeTable } from './route-table.js';
import { sloTable } from './slo-table.js';
import { describeDeadlock } from './deadlock-text.js';
import { describeRuns, studyNotes } from './study-notes.js';
import { terminalView } from './top-queues.js';
import { topicSummaries } from './topic-summary.js';

export interface TableOptions {
  /** ANSI colour (only for a terminal that wants it). */
  color: boolean;
}

/** A fixed pool's size, or an autoscaled pool's range and time-average size ("2–24, ~5.8"). */
function consumersCell(queue: QueueResult): string {
  const scaled = queue.autoscale;
  if (!scaled) return String(queue.consumers);
  return `${scaled.range[0]}–${scaled.range[1]}, ~${formatNumber(scaled.meanConsumers)}`;
}

/** Traffic columns after queue and consumers: metric, formatter. */
const TRAFFIC: Array<[string, Formatter]> = [
  ['arrivals', (v) => (v === null ? '–' : formatCount(v))],
  ['completed', (v) => (v === null ? '–' : formatCount(v))],
  ['lost', (v) => (v === null ? '–' : formatCount(v))],
  ['throughput', formatNumber],
  ['utilization', formatPercent],
  ['meanQueueLength', formatNumber],
  ['meanInSystem', formatNumber],
];
/** Counts shown only when some queue has them: the loss account's main reasons, then redeliveries. */
const OPTIONAL_TRAFFIC: Array<[string, Formatter]> = [
  ['dropped', (v) => (v === null ? '–' : formatCount(v))],
  ['expired', (v) => (v === null ? '–' : formatCount(v))],
  ['deadLettered', (v) => (v === null ? '–' : formatCount(v))],
  ['redelivered', (v) => (v === null ? '–' : formatCount(v))],
  ['blockedSeconds', formatSeconds],
  ['consumerBlockedSeconds', formatSeconds],
];
const TRAFFIC_HEADS: Record<string, string> = {
  throughput: 'throughput/s',
  meanQueueLength: 'queue len',
  meanInSystem: 'in system',
  deadLettered: 'dead-lettered',
  blockedSeconds: 'blocked',
  consumerBlockedSeconds: 'consumers blocked',
};
const LATENCY_STATS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;

/**
 * The run's results as terminal tables: traffic per queue, then latency per queue. With replications each
 * value has its 95 % CI half-width under it; a queue's analytic estimate follows it on its own row.
 */
export function renderRunTables(full: RunResult, options: TableOptions): string {
  // A large network: tables of its most pressed queues and flows only, and lines saying so.
  const { view: result, lines: leftOut } = terminalView(full);
  const colors = options.color ? pc : pc.createColors(false);
  const paint: Paint = colors;
  const style = options.color ? {} : { head: [], border: [] }; // cli-table3 colours even when piped
  const title = `${colors.bold(result.scenario)}  seed ${result.seed}, ${describeRuns(result)}`;
  const traffic = trafficTable(result, paint, style);
  const latency = latencyTable(result, paint, style);
  const notes = studyNotes(result, paint);
  const flows = Object.keys(full.queues).length > 1 ? [flowTable(result, paint, style)] : [];
  const routes = routeTable(result, paint, style);
  const slos = result.slo && result.slo.length > 0 ? [sloTable(result.slo, colors, style)] : [];
  const scaling = autoscaleTable(result, style);
  const topics = topicSummaries(result, paint);
  // A deadlock first: it changes how every number below must be read.
  const deadlock = result.deadlock
    ? [colors.red(colors.bold(`! ${describeDeadlock(result.deadlock, result.replications)}`))]
    : [];
  return (
    [
      title,
      ...deadlock,
      traffic,
      latency,
      ...scaling,
      ...topics,
      ...flows,
      ...routes,
      ...slos,
      ...notes,
      ...leftOut,
    ].join('\n') + '\n'
  );
}

/** cli-table3 style: empty head and border colours when not painting. */
type TableStyle = { head?: string[]; border?: string[] };

/** Traffic per queue, its analytic estimate on the row below or why there is none. */
function trafficTable(result: RunResult, paint: Paint, style: TableStyle): string {
  // Loss and back-pressure columns appear only when something happened that way.
  const queues = Object.values(result.queues);
  const optional = OPTIONAL_TRAFFIC.filter(([metric]) =>
    queues.some((queue) => (queue[metric as keyof QueueResult] as number) > 0),
  );
  const columns = [...TRAFFIC.slice(0, 3), ...optional, ...TRAFFIC.slice(3)];
  const traffic = new Table({
    head: ['queue', 'consumers', ...columns.map(([metric]) => TRAFFIC_HEADS[metric] ?? metric)],
    colAligns: ['left', ...columns.map(() => 'right' as const), 'right'],
    style,
  });
  for (const [name, queue] of Object.entries(result.queues)) {
    traffic.push([
      name,
      consumersCell(queue),
      ...columns.map(([metric, f]) => trafficCell(queue, metric, f, paint)),
    ]);
    const estimate = estimateOf(queue);
    if (estimate) {
      traffic.push([
        paint.dim(`  ${estimateLabel(estimate)}`),
        '',
        '',
        '',
        estimateCell(estimate, 'lossRate', formatPercent, paint),
        ...optional.map(() => ''),
        ...TRAFFIC.slice(3).map(([metric, f]) => estimateCell(estimate, metric, f, paint)),
      ]);
    }
    const withheld = noEstimateReason(queue);
    if (withheld !== null) {
      // One cell across the row: the reason is a sentence, not a number per column.
      const span = 2 + columns.length;
      const width = Math.max(40, Math.min(110, 12 * span));
      traffic.push([{ colSpan: span, content: paint.dim(wrapText(`  no estimate: ${withheld}`, width)) }]);
    }
  }
  return traffic.toString();
}

/** Wait and sojourn statistics per queue, each with its analytic estimate below when there is one. */
function latencyTable(result: RunResult, paint: Paint, style: TableStyle): string {
  const latency = new Table({
    head: ['queue', 'latency', 'mean', 'p50', 'p95', 'p99', 'max'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const [name, queue] of Object.entries(result.queues)) {
    const estimate = estimateOf(queue);
    for (const label of ['wait', 'sojourn'] as const) {
      latency.push([
        label === 'wait' ? name : '',
        label,
        ...LATENCY_STATS.map((stat) => metricCell(queue, `${label}.${stat}`, formatSeconds, paint)),
      ]);
      if (estimate && `${label}.mean` in estimate.values) {
        latency.push([
          '',
          paint.dim(`${label}: ${estimateLabel(estimate)}`),
          ...LATENCY_STATS.map((stat) => estimateCell(estimate, `${label}.${stat}`, formatSeconds, paint)),
        ]);
      }
    }
  }
  return latency.toString();
}

/** Autoscaled queues: what their consumers cost beside the latency they achieved (none without one). */
function autoscaleTable(result: RunResult, style: { head?: string[]; border?: string[] }): string[] {
  const scaled = Object.entries(result.queues).filter(([, queue]) => queue.autoscale);
  if (scaled.length === 0) return [];
  const table = new Table({
    head: [
      'autoscaled',
      'consumers min–max',
      'mean',
      'peak',
      'scale-ups',
      'scale-downs',
      'consumer-hours',
      'sojourn p99',
    ],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const [name, queue] of scaled) {
    const scaling = queue.autoscale as NonNullable<QueueResult['autoscale']>;
    table.push([
      name,
      `${scaling.range[0]}–${scaling.range[1]}`,
      formatNumber(scaling.meanConsumers),
      formatNumber(scaling.peakConsumers),
      formatCount(scaling.scaleUps),
      formatCount(scaling.scaleDowns),
      formatNumber(queue.consumerSeconds / 3600),
      formatSeconds(queue.sojourn.p99),
    ]);
  }
  return [table.toString()];
}

/** A traffic cell; losses also show their share of arrivals (lossRate), in yellow when there are any. */
function trafficCell(queue: QueueResult, metric: string, format: Formatter, paint: Paint): string {
  if (metric !== 'lost') return metricCell(queue, metric, format, paint);
  const interval = queue.ci95?.lost;
  if (queue.lost === 0 && (!interval || interval[1] === interval[0])) return '0';
  const [count, ...rest] = metricCell(queue, 'lost', format, paint).split('\n');
  const text = [`${count} (${formatPercent(queue.lossRate)})`, ...rest].join('\n');
  return queue.lost > 0 ? paint.yellow(text) : text;
}

/** Per producer: what it published, what reached the end of its branches, how long it took, what was lost. */
function flowTable(result: RunResult, paint: Paint, style: { head?: string[]; border?: string[] }): string {
  const table = new Table({
    head: ['flow', 'published', 'completed', 'lost', 'end-to-end mean', 'p50', 'p95', 'p99', 'max'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const [name, flow] of Object.entries(result.flows)) {
    const lost = `${formatCount(flow.lost)} (${formatPercent(flow.lossRate)}): ${describeLostBy(flow.lostBy)}`;
    table.push([
      name,
      formatCount(flow.published),
      formatCount(flow.completed),
      flow.lost > 0 ? paint.yellow(lost) : '0',
      ...latencyCells(flow.endToEnd),
    ]);
  }
  return table.toString();
}

function latencyCells(summary: LatencySummary): string[] {
  return LATENCY_STATS.map((stat) => formatSeconds(summary[stat]));
}
