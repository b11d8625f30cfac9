import Table from 'cli-table3';
import pc from 'picocolors';
import type { QueueResult, RunResult } from '../model/run-result.js';
import {
  estimateCell,
  estimateLabel,
  estimateOf,
  metricCell,
  type Formatter,
  type Paint,
} from './estimate-cells.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from './format.js';
import { describeRuns, studyNotes } from './study-notes.js';

export interface TableOptions {
  /** ANSI colour (only for a terminal that wants it). */
  color: boolean;
}

/** Traffic columns after queue and consumers: metric, formatter. */
const TRAFFIC: Array<[string, Formatter]> = [
  ['arrivals', (v) => (v === null ? '–' : formatCount(v))],
  ['completed', (v) => (v === null ? '–' : formatCount(v))],
  ['dropped', (v) => (v === null ? '–' : formatCount(v))],
  ['throughput', formatNumber],
  ['utilization', formatPercent],
  ['meanQueueLength', formatNumber],
  ['meanInSystem', formatNumber],
];
const LATENCY_STATS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;

/**
 * The run's results as terminal tables: traffic per queue, then latency per queue. With replications each
 * value has its 95 % CI half-width under it; a queue's analytic estimate follows it on its own row.
 */
export function renderRunTables(result: RunResult, options: TableOptions): string {
  const colors = options.color ? pc : pc.createColors(false);
  const paint: Paint = colors;
  const style = options.color ? {} : { head: [], border: [] }; // cli-table3 colours even when piped
  const title = `${colors.bold(result.scenario)}  seed ${result.seed}, ${describeRuns(result)}`;

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
    traffic.push([
      name,
      String(queue.consumers),
      ...TRAFFIC.map(([metric, f]) => trafficCell(queue, metric, f, paint)),
    ]);
    const estimate = estimateOf(queue);
    if (estimate) {
      traffic.push([
        paint.dim(`  ${estimateLabel(estimate)}`),
        '',
        '',
        '',
        estimateCell(estimate, 'dropRate', formatPercent, paint),
        ...TRAFFIC.slice(3).map(([metric, f]) => estimateCell(estimate, metric, f, paint)),
      ]);
    }
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
  const notes = studyNotes(result, paint);
  return [title, traffic.toString(), latency.toString(), ...notes].join('\n') + '\n';
}

/** A traffic cell; drops also show their share of arrivals, in yellow when there are any. */
function trafficCell(queue: QueueResult, metric: string, format: Formatter, paint: Paint): string {
  if (metric !== 'dropped') return metricCell(queue, metric, format, paint);
  const interval = queue.ci95?.dropped;
  if (queue.dropped === 0 && (!interval || interval[1] === interval[0])) return '0';
  const [count, ...rest] = metricCell(queue, 'dropped', format, paint).split('\n');
  const text = [`${count} (${formatPercent(queue.dropRate)})`, ...rest].join('\n');
  return queue.dropped > 0 ? paint.yellow(text) : text;
}
