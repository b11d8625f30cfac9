import type { QueueResult } from '../../../model/run-result.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from '../../format.js';
import type { AnalyticComparison } from '../../../results/analysis-results.js';
import { escapeHtml } from '../escape.js';
import type { QueueView } from '../queue-views.js';

/** One line of a queue's summary: how to read, format and compare one metric. */
interface MetricRow {
  label: string;
  /** The metric's dotted name, as used by `ci95` ("sojourn.p99"). */
  key: string;
  value: (queue: QueueResult) => number | null;
  format: (value: number | null) => string;
  /** A breakdown line (the loss account's reasons): left out when it counts nothing. */
  breakdown?: true;
}

interface MetricGroup {
  title: string;
  rows: MetricRow[];
}

const count = (value: number | null) => (value === null ? '–' : formatCount(value));

/** Keys of the numeric top-level metrics of a queue result. */
type NumericKey =
  | 'arrivals'
  | 'completed'
  | 'dropped'
  | 'expired'
  | 'deadLettered'
  | 'redelivered'
  | 'dropRate'
  | 'lost'
  | 'lossRate'
  | 'throughput'
  | 'utilization'
  | 'meanQueueLength'
  | 'meanInSystem'
  | 'probabilityOfWait';

/** A row for a top-level metric of the same name in the result (its theory value, if any, under `key`). */
function metric(label: string, key: NumericKey, format: MetricRow['format']): MetricRow {
  return { label, key, value: (queue) => queue[key], format };
}
/** A breakdown row of the loss account: one reason of `lostBy`, shown only when it happened. */
function lossReasonRow(label: string, reason: keyof QueueResult['lostBy']): MetricRow {
  return {
    label,
    key: `lostBy.${reason}`,
    value: (queue) => queue.lostBy[reason],
    format: count,
    breakdown: true,
  };
}
const latencyRows = (kind: 'wait' | 'sojourn'): MetricRow[] =>
  (['mean', 'p50', 'p95', 'p99', 'max'] as const).map((stat) => ({
    label: stat === 'mean' ? 'Mean' : stat === 'max' ? 'Maximum' : stat,
    key: `${kind}.${stat}`,
    value: (queue) => queue[kind][stat],
    format: formatSeconds,
  }));

/** The metrics of the summary table, grouped; the keys are the JSON field names. */
const GROUPS: MetricGroup[] = [
  {
    title: 'Traffic',
    rows: [
      metric('Arrivals', 'arrivals', count),
      metric('Completed', 'completed', count),
      metric('Lost (every reason)', 'lost', count),
      metric('Loss rate', 'lossRate', formatPercent),
      lossReasonRow('· refused (queue full)', 'rejected'),
      lossReasonRow('· dropped (drop-oldest)', 'droppedHead'),
      lossReasonRow('· expired (TTL)', 'expired'),
      lossReasonRow('· exhausted (delivery limit)', 'exhausted'),
      { ...metric('· dead-lettered', 'deadLettered', count), breakdown: true },
      metric('Dropped without dead-lettering', 'dropped', count),
      metric('Drop rate (dropRate)', 'dropRate', formatPercent),
      metric('Redelivered', 'redelivered', count),
      metric('Throughput (msg/s)', 'throughput', formatNumber),
    ],
  },
  {
    title: 'Load',
    rows: [
      metric('Utilisation', 'utilization', formatPercent),
      metric('Mean waiting', 'meanQueueLength', formatNumber),
      metric('Mean in system', 'meanInSystem', formatNumber),
      metric('Had to wait', 'probabilityOfWait', formatPercent),
    ],
  },
  { title: 'Wait: arrival → service start', rows: latencyRows('wait') },
  { title: 'Sojourn: arrival → completion', rows: latencyRows('sojourn') },
];

/**
 * The theory cell of a row: '' when the formula has no such metric, ∞ where it gives none (an unstable
 * queue's means), flagged when the simulated value falls outside the estimate's plausible range.
 */
function theoryCell(row: MetricRow, estimate: AnalyticComparison): string {
  if (!(row.key in estimate.values)) return '<td class="theory"></td>';
  const value = estimate.values[row.key];
  const text = value === null ? '∞ (unstable)' : row.format(value);
  return estimate.outside?.includes(row.key)
    ? `<td class="theory outside" title="The simulated value falls outside the plausible range of this estimate">${escapeHtml(text)} ⚠</td>`
    : `<td class="theory">${escapeHtml(text)}</td>`;
}

/**
 * A queue's summary table: each metric as simulated, with its 95 % confidence interval when the result has
 * `ci95` (replicated runs), and the closed-form value when an analytic estimate applies.
 */
export function summaryTable(view: QueueView): string {
  const { result, analytic } = view;
  const ci95 = result.ci95;
  const hasCi = ci95 !== undefined && Object.keys(ci95).length > 0;
  const head = [
    '<th scope="col">Metric</th>',
    `<th scope="col">Simulated${hasCi ? '<span class="model">95 % CI</span>' : ''}</th>`,
    analytic
      ? `<th scope="col">Theory<span class="model">${escapeHtml(analytic.model)}${analytic.peakRate !== undefined ? ' at peak' : ''}</span></th>`
      : '',
  ].join('');
  const columns = analytic ? 3 : 2;
  const body = GROUPS.map((group) => {
    const shown = group.rows.filter((row) => !row.breakdown || (row.value(result) ?? 0) > 0);
    const rows = shown.map((row) => {
      const interval = ci95?.[row.key];
      // The interval sits under the value it qualifies, keeping the table narrow beside the charts.
      const ci = interval
        ? `<span class="ci">${escapeHtml(row.format(interval[0]))} – ${escapeHtml(row.format(interval[1]))}</span>`
        : '';
      const cells = [
        `<th scope="row">${escapeHtml(row.label)}</th>`,
        `<td>${escapeHtml(row.format(row.value(result)))}${ci}</td>`,
        analytic ? theoryCell(row, analytic) : '',
      ];
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<tr class="group"><th colspan="${columns}" scope="colgroup">${escapeHtml(group.title)}</th></tr>${rows.join('')}`;
  }).join('');
  const outside = analytic?.outside?.length
    ? ` ⚠ marks a simulated value outside the estimate's plausible range (${analytic.outside.map(escapeHtml).join(', ')}).`
    : '';
  const note = analytic
    ? `<p class="table-note">Theory: ${escapeHtml(analytic.method)}${analytic.peakRate !== undefined ? '' : ', steady state'}${analytic.exact ? '' : ', an approximation'}.${outside}</p>`
    : view.noAnalyticReason
      ? `<p class="table-note">No analytic estimate: ${escapeHtml(view.noAnalyticReason)}.</p>`
      : '';
  return `<div class="table-scroll"><table class="data summary"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${note}`;
}
