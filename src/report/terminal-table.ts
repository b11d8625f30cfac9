import Table from 'cli-table3';
import pc from 'picocolors';
import type { LatencySummary } from '../metrics/index.js';
import type { RunResult } from '../model/run-result.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from './format.js';

export interface TableOptions {
  /** ANSI colour (only for a terminal that wants it). */
  color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/** The run's results as terminal tables: traffic per queue, latency per queue, then flows end to end. */
export function renderRunTables(result: RunResult, options: TableOptions): string {
  const paint = options.color ? pc : pc.createColors(false);
  const style = options.color ? {} : { head: [], border: [] }; // cli-table3 colours even when piped
  const measured = formatSeconds(result.measuredSeconds);
  const warmup = result.warmupSeconds > 0 ? ` after ${formatSeconds(result.warmupSeconds)} warm-up` : '';
  const title = `${paint.bold(result.scenario)}  seed ${result.seed}, ${measured} measured${warmup}`;
  const parts = [title, trafficTable(result, paint, style), latencyTable(result, style)];
  if (Object.keys(result.queues).length > 1) parts.push(flowTable(result, paint, style));
  return parts.join('\n') + '\n';
}

type Style = { head?: string[]; border?: string[] };

/** Counts and levels per queue; the loss columns appear only when something was lost that way. */
function trafficTable(result: RunResult, paint: Colors, style: Style): string {
  const queues = Object.entries(result.queues);
  const optional = [
    { head: 'expired', value: (q: (typeof queues)[number][1]) => q.expired },
    { head: 'dead-lettered', value: (q: (typeof queues)[number][1]) => q.deadLettered },
    { head: 'redelivered', value: (q: (typeof queues)[number][1]) => q.redelivered },
    { head: 'blocked', value: (q: (typeof queues)[number][1]) => q.blockedSeconds, seconds: true },
  ].filter((column) => queues.some(([, queue]) => column.value(queue) > 0));
  const head = ['queue', 'consumers', 'arrivals', 'completed', 'dropped', ...optional.map((c) => c.head)];
  head.push('throughput/s', 'utilization', 'queue len', 'in system');
  const table = new Table({ head, colAligns: ['left', ...head.slice(1).map(() => 'right' as const)], style });
  for (const [name, queue] of queues) {
    const dropped =
      queue.dropped > 0 ? `${formatCount(queue.dropped)} (${formatPercent(queue.dropRate)})` : '0';
    table.push([
      name,
      String(queue.consumers),
      formatCount(queue.arrivals),
      formatCount(queue.completed),
      queue.dropped > 0 ? paint.yellow(dropped) : dropped,
      ...optional.map((column) =>
        column.seconds ? formatSeconds(column.value(queue)) : formatCount(column.value(queue)),
      ),
      formatNumber(queue.throughput),
      formatPercent(queue.utilization),
      formatNumber(queue.meanQueueLength),
      formatNumber(queue.meanInSystem),
    ]);
  }
  return table.toString();
}

function latencyRow(first: string, label: string, summary: LatencySummary): string[] {
  return [
    first,
    label,
    formatSeconds(summary.mean),
    formatSeconds(summary.p50),
    formatSeconds(summary.p95),
    formatSeconds(summary.p99),
    formatSeconds(summary.max),
  ];
}

/** Wait and sojourn percentiles per queue. */
function latencyTable(result: RunResult, style: Style): string {
  const table = new Table({
    head: ['queue', 'latency', 'mean', 'p50', 'p95', 'p99', 'max'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const [name, queue] of Object.entries(result.queues)) {
    table.push(latencyRow(name, 'wait', queue.wait), latencyRow('', 'sojourn', queue.sojourn));
  }
  return table.toString();
}

/** Per producer: what it published, what reached the end of its branches, how long it took, what was lost. */
function flowTable(result: RunResult, paint: Colors, style: Style): string {
  const table = new Table({
    head: ['flow', 'published', 'completed', 'lost', 'end-to-end mean', 'p50', 'p95', 'p99', 'max'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const [name, flow] of Object.entries(result.flows)) {
    const { completed: _completed, ...losses } = flow.fates;
    const lostTotal = Object.values(losses).reduce((sum, count) => sum + count, 0);
    const lost = Object.entries(losses)
      .filter(([, count]) => count > 0)
      .map(([reason, count]) => `${formatCount(count)} ${reason}`)
      .join(', ');
    const [, , ...latency] = latencyRow('', '', flow.endToEnd);
    table.push([
      name,
      formatCount(flow.published),
      formatCount(flow.completed),
      lostTotal > 0 ? paint.yellow(lost) : '0',
      ...latency,
    ]);
  }
  return table.toString();
}
