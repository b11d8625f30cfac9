import type { AnalyticEstimate } from '../../../analysis/analytic-estimates.js';
import type { QueueResult } from '../../../model/run-result.js';
import { formatCount, formatNumber, formatPercent, formatSeconds } from '../../format.js';
import { escapeHtml } from '../escape.js';
import type { QueueView } from '../queue-views.js';

/** One line of a queue's summary: how to read, format and compare one metric. */
interface MetricRow {
  label: string;
  /** The metric's dotted name, as used by `ci95` ("sojourn.p99"). */
  key: string;
  value: (queue: QueueResult) => number | null;
  format: (value: number | null) => string;
  analytic?: (estimate: AnalyticEstimate) => number;
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
  | 'dropRate'
  | 'throughput'
  | 'utilization'
  | 'meanQueueLength'
  | 'meanInSystem'
  | 'probabilityOfWait';

/** A row for a top-level metric of the same name in the result (and the estimate, when it has one). */
function metric(
  label: string,
  key: NumericKey,
  format: MetricRow['format'],
  analytic?: MetricRow['analytic'],
): MetricRow {
  return { label, key, value: (queue) => queue[key], format, ...(analytic ? { analytic } : {}) };
}
const latencyRows = (kind: 'wait' | 'sojourn', meanKey: 'meanWait' | 'meanSojourn'): MetricRow[] =>
  (['mean', 'p50', 'p95', 'p99', 'max'] as const).map((stat) => ({
    label: stat === 'mean' ? 'Mean' : stat === 'max' ? 'Maximum' : stat,
    key: `${kind}.${stat}`,
    value: (queue) => queue[kind][stat],
    format: formatSeconds,
    ...(stat === 'mean' ? { analytic: (estimate: AnalyticEstimate) => estimate[meanKey] } : {}),
  }));

/** The metrics of the summary table, grouped; the keys are the JSON field names. */
const GROUPS: MetricGroup[] = [
  {
    title: 'Traffic',
    rows: [
      metric('Arrivals', 'arrivals', count),
      metric('Completed', 'completed', count),
      metric('Refused (queue full)', 'dropped', count),
      metric('Refused share', 'dropRate', formatPercent, (e) => e.dropRate),
      metric('Throughput (msg/s)', 'throughput', formatNumber, (e) => e.throughput),
    ],
  },
  {
    title: 'Load',
    rows: [
      metric('Utilisation', 'utilization', formatPercent, (e) => e.utilization),
      metric('Mean waiting', 'meanQueueLength', formatNumber, (e) => e.meanQueueLength),
      metric('Mean in system', 'meanInSystem', formatNumber, (e) => e.meanInSystem),
      metric('Had to wait', 'probabilityOfWait', formatPercent, (e) => e.probabilityOfWait),
    ],
  },
  { title: 'Wait: arrival → service start', rows: latencyRows('wait', 'meanWait') },
  { title: 'Sojourn: arrival → completion', rows: latencyRows('sojourn', 'meanSojourn') },
];

/** A theoretical value: ∞ for an unstable queue's means. */
function formatAnalytic(row: MetricRow, value: number): string {
  return Number.isFinite(value) ? row.format(value) : '∞ (unstable)';
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
    analytic ? `<th scope="col">Theory<span class="model">${escapeHtml(analytic.model)}</span></th>` : '',
  ].join('');
  const columns = analytic ? 3 : 2;
  const body = GROUPS.map((group) => {
    const rows = group.rows.map((row) => {
      const interval = ci95?.[row.key];
      // The interval sits under the value it qualifies, keeping the table narrow beside the charts.
      const ci = interval
        ? `<span class="ci">${escapeHtml(row.format(interval[0]))} – ${escapeHtml(row.format(interval[1]))}</span>`
        : '';
      const cells = [
        `<th scope="row">${escapeHtml(row.label)}</th>`,
        `<td>${escapeHtml(row.format(row.value(result)))}${ci}</td>`,
        analytic
          ? `<td class="theory">${row.analytic ? escapeHtml(formatAnalytic(row, row.analytic(analytic))) : ''}</td>`
          : '',
      ];
      return `<tr>${cells.join('')}</tr>`;
    });
    return `<tr class="group"><th colspan="${columns}" scope="colgroup">${escapeHtml(group.title)}</th></tr>${rows.join('')}`;
  }).join('');
  const note = analytic
    ? `<p class="table-note">Theory: ${escapeHtml(analytic.model)}, steady state${analytic.exact ? '' : ', an approximation'}.</p>`
    : '';
  return `<div class="table-scroll"><table class="data summary"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${note}`;
}
