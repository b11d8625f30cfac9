import Table from 'cli-table3';
import pc from 'picocolors';
import type { AnalyticEstimate } from '../analysis/estimates.js';
import type { NoAnalyticEstimate } from '../results/analysis-results.js';
import { formatNumber, formatPercent, formatSeconds } from './format.js';
import { leftOutLine, topQueues } from './top-queues.js';

/** `queuesim estimate` output: each queue's analytic steady state, without simulating. */
export interface EstimateReport {
  scenario: string;
  queues: Record<string, AnalyticEstimate | NoAnalyticEstimate>;
}

/** The estimate table's columns and their alignment. */
const HEAD = [
  'queue',
  'model',
  'throughput/s',
  'loss',
  'utilization',
  'P(wait)',
  'queue len',
  'in system',
  'wait',
  'sojourn',
  'sojourn p99',
];
const ALIGN: Table.HorizontalAlignment[] = [
  'left',
  'left',
  ...Array<Table.HorizontalAlignment>(9).fill('right'),
];

type Paint = ReturnType<typeof pc.createColors>;

/** How pressed a queue is by its estimate: losses first, then the consumers' load (0 without an estimate). */
function estimatePressure(estimate: AnalyticEstimate | NoAnalyticEstimate): number {
  if (estimate.model === null) return 0;
  const loss = estimate.values['lossRate'] ?? 0;
  const load = estimate.stable ? (estimate.values['utilization'] ?? 0) : Number.POSITIVE_INFINITY;
  return loss * 10 + load;
}

/**
 * The analytic estimates as a terminal table, one row per queue, with the method used under it; a large
 * network gets rows for its most pressed queues only.
 */
export function renderEstimateTable(report: EstimateReport, options: { color: boolean }): string {
  const paint = options.color ? pc : pc.createColors(false);
  const style = options.color ? {} : { head: [], border: [] };
  const table = new Table({ head: HEAD, colAligns: ALIGN, style });
  const notes: string[] = [];
  const all = Object.entries(report.queues);
  const { shown, leftOut } = topQueues(all, estimatePressure);
  for (const [name, estimate] of shown) {
    if (estimate.model === null) {
      table.push([name, paint.dim('no estimate'), ...Array<string>(9).fill('')]);
      notes.push(paint.dim(`${name}: no analytic estimate: ${estimate.reason}`));
      continue;
    }
    table.push(estimateRow(name, estimate));
    notes.push(...estimateNotes(name, estimate, paint));
  }
  if (leftOut > 0) notes.push(paint.dim(leftOutLine(leftOut, all.length, '--json lists every queue')));
  const title = `${paint.bold(report.scenario)}  analytic steady-state estimates (no simulation; ≈ = approximation)`;
  return [title, table.toString(), ...notes].join('\n') + '\n';
}

/** One queue's row: the model (≈ when approximate) and its steady-state values, ∞ where unstable. */
function estimateRow(name: string, estimate: AnalyticEstimate): string[] {
  const v = (metric: string) => estimate.values[metric] ?? null;
  const infinite = (text: string) => (estimate.stable ? text : '∞');
  return [
    name,
    `${estimate.model}${estimate.peakRate !== undefined ? ' at peak' : ''}${estimate.exact ? '' : ' ≈'}`,
    formatNumber(v('throughput')),
    formatPercent(v('lossRate')),
    formatPercent(v('utilization')),
    formatPercent(v('probabilityOfWait')),
    infinite(formatNumber(v('meanQueueLength'))),
    infinite(formatNumber(v('meanInSystem'))),
    infinite(formatSeconds(v('wait.mean'))),
    infinite(formatSeconds(v('sojourn.mean'))),
    'sojourn.p99' in estimate.values ? formatSeconds(v('sojourn.p99')) : '',
  ];
}

/** The method used, and a warning when the queue has no steady state. */
function estimateNotes(name: string, estimate: AnalyticEstimate, paint: Paint): string[] {
  const notes = [`${name}: ${estimate.exact ? 'exact' : 'approximate'}, ${estimate.method}`];
  if (!estimate.stable) {
    const text =
      estimate.peakRate !== undefined
        ? 'at the peak, the consumers cannot keep up: the queue grows without bound while the peak lasts'
        : "offered load reaches the consumers' capacity: the queue grows without bound";
    notes.push(paint.yellow(`! ${name}: ${text}`));
  }
  return notes;
}
