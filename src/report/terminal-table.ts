import Table from 'cli-table3';
import pc from 'picocolors';
import type { RunResult } from '../model/run-result.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from './format.js';

export interface TableOptions {
  /** ANSI colour (only for a terminal that wants it). */
  color: boolean;
}

/** The run's results as terminal tables: traffic per queue, then latency per queue. */
export function renderRunTables(result: RunResult, options: TableOptions): string {
  const paint = options.color ? pc : pc.createColors(false);
  const style = options.color ? {} : { head: [], border: [] }; // cli-table3 colours even when piped
  const measured = formatSeconds(result.measuredSeconds);
  const warmup = result.warmupSeconds > 0 ? ` after ${formatSeconds(result.warmupSeconds)} warm-up` : '';
  const title = `${paint.bold(result.scenario)}  seed ${result.seed}, ${measured} measured${warmup}`;

  const traffic = new Table({
    head: [
      'queue',
      'consumers',
      'arrivals',
      'completed',
      'dropped',
      'throughput/s',
      'utilization',
      'queue len',
      'in system',
    ],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  const latency = new Table({
    head: ['queue', 'latency', 'mean', 'p50', 'p95', 'p99', 'max'],
    colAligns: ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
    style,
  });

  for (const [name, queue] of Object.entries(result.queues)) {
    const dropped =
      queue.dropped > 0 ? `${formatCount(queue.dropped)} (${formatPercent(queue.dropRate)})` : '0';
    traffic.push([
      name,
      String(queue.consumers),
      formatCount(queue.arrivals),
      formatCount(queue.completed),
      queue.dropped > 0 ? paint.yellow(dropped) : dropped,
      formatNumber(queue.throughput),
      formatPercent(queue.utilization),
      formatNumber(queue.meanQueueLength),
      formatNumber(queue.meanInSystem),
    ]);
    for (const [label, summary] of [
      ['wait', queue.wait],
      ['sojourn', queue.sojourn],
    ] as const) {
      latency.push([
        label === 'wait' ? name : '',
        label,
        formatSeconds(summary.mean),
        formatSeconds(summary.p50),
        formatSeconds(summary.p95),
        formatSeconds(summary.p99),
        formatSeconds(summary.max),
      ]);
    }
  }
  return [title, traffic.toString(), latency.toString()].join('\n') + '\n';
}
