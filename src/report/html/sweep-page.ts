/**
 * The sweep report: one self-contained page with a chart per headline metric of each swept queue against
 * the first varied parameter (one line per value of the second), 95 % CI bands, SLO limits as rules, and
 * the table of every point.
 */
import type { SweepResult } from '../../analysis/sweep.js';
import type { Formatter } from '../estimate-cells.js';
import { formatSetting, SWEEP_METRICS, sweepQueues } from '../sweep-table.js';
import { metricAxis, metricOf, parameterTitle, sweepChartSpec } from './sweep-chart.js';
import { escapeHtml } from './escape.js';
import { chartFigure, joinFragments, type Fragment } from './fragment.js';
import { htmlDocument } from './page.js';

export { sweepChartSpec } from './sweep-chart.js';

export interface SweepReportInput {
  sweep: SweepResult;
  description: string;
  version: string;
  generatedAt: Date;
}

/** "2 pass, 1 uncertain": a point's SLO verdicts, counted. */
function sloTally(point: SweepResult['points'][number]): string {
  const slo = point.result.slo ?? [];
  return (['pass', 'fail', 'uncertain'] as const)
    .map((verdict) => [verdict, slo.filter((item) => item.verdict === verdict).length] as const)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `<span class="tally-${verdict}">${count} ${verdict}</span>`)
    .join(', ');
}

/** One metric cell: the value, and its CI half-width on a line below so columns stay narrow. */
function metricCell(
  point: SweepResult['points'][number],
  queue: string,
  metric: string,
  format: Formatter,
): string {
  const result = point.result.queues[queue];
  const interval = result?.ci95?.[metric];
  const raw = metricOf(result, metric);
  const value = escapeHtml(format(raw));
  if (!interval) return value;
  // The longer side: an interval cut at 0 (or 1) keeps its statistical half-width on the other side.
  const halfWidth =
    raw === null ? (interval[1] - interval[0]) / 2 : Math.max(interval[1] - raw, raw - interval[0]);
  return `${value}<span class="ci">± ${escapeHtml(format(Number(halfWidth.toPrecision(2))))}</span>`;
}

/**
 * Every point of one queue: settings, headline metrics (± CI half-width) and the point's SLO verdicts. One
 * table per queue keeps each narrow enough to read whole in a 1280 px window.
 */
function pointsTable(sweep: SweepResult, queue: string, hasSlo: boolean): string {
  const heads = [
    ...sweep.parameters.map((parameter) => parameterTitle(parameter)),
    ...SWEEP_METRICS.map(({ metric }) => metricAxis(metric).title),
    ...(hasSlo ? ['SLOs (all queues)'] : []),
  ];
  const rows = sweep.points.map((point) => {
    const cells = [
      ...sweep.parameters.map((parameter) =>
        escapeHtml(formatSetting(parameter, point.settings[parameter.path])),
      ),
      ...SWEEP_METRICS.map(({ metric, format }) => metricCell(point, queue, metric, format)),
      ...(hasSlo ? [sloTally(point)] : []),
    ];
    return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return `<h3>${escapeHtml(queue)}</h3><div class="table-scroll"><table class="data sweep-points"><thead><tr>${heads
    .map((head) => `<th>${escapeHtml(head)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** What a chart shows: the mean (with its CI band when replicated), the SLO limit when one applies. */
function chartCaption(sweep: SweepResult, queue: string, metric: string): string {
  const replicated = sweep.points.some((point) => point.result.queues[queue]?.ci95?.[metric] !== undefined);
  const limit = sweep.points[0]?.result.slo?.some((slo) => slo.target === `queues.${queue}.${metric}`);
  const series = sweep.parameters[1] ? `; one line per ${parameterTitle(sweep.parameters[1])}` : '';
  return `${replicated ? 'mean with its 95 % CI band' : 'one run per point'}${series}${limit ? '; dashed red line: the SLO limit' : ''}`;
}

/** The page body: header, charts per queue, the table of points. */
export function sweepBody(input: SweepReportInput): Fragment {
  const { sweep } = input;
  const queues = sweepQueues(sweep);
  const hasSlo = sweep.points.some((point) => (point.result.slo ?? []).length > 0);
  const varied = sweep.parameters
    .map(
      (parameter) =>
        `${parameterTitle(parameter)} = ${parameter.values.map((value) => formatSetting(parameter, value)).join(', ')}`,
    )
    .join('; ');
  const header = `<header class="report-header">
  <p class="eyebrow">queuesim sweep report</p>
  <h1>${escapeHtml(sweep.scenario)}</h1>
  ${input.description ? `<p class="description">${escapeHtml(input.description)}</p>` : ''}
  <p>${escapeHtml(`${sweep.points.length} points, seed ${sweep.seed} at every point (common random numbers). Varied: ${varied}.`)}</p>
</header>`;
  const charts = queues.map((queue) => {
    const figures = SWEEP_METRICS.map(({ metric }) =>
      chartFigure(
        `sweep-${queue}-${metric}`.replace(/[^A-Za-z0-9_-]/g, '-'),
        `${queue}: ${metricAxis(metric).title}`,
        chartCaption(sweep, queue, metric),
        sweepChartSpec(sweep, queue, metric),
      ),
    );
    const joined = joinFragments(figures);
    return {
      html: `<section><h2>${escapeHtml(queue)}</h2><div class="chart-grid">${joined.html}</div></section>`,
      charts: joined.charts,
    };
  });
  return joinFragments([
    { html: header, charts: [] },
    ...charts,
    {
      html: `<section><h2>Every point</h2>${queues.map((queue) => pointsTable(sweep, queue, hasSlo)).join('\n')}</section>`,
      charts: [],
    },
  ]);
}

/** The sweep report as one self-contained HTML page. */
export function renderSweepHtml(input: SweepReportInput): string {
  return htmlDocument({
    body: sweepBody(input),
    chartIdPrefix: `${input.sweep.scenario}-sweep-chart`,
    title: `${input.sweep.scenario} · queuesim sweep`,
    version: input.version,
    footer: `Generated by queuesim ${escapeHtml(input.version)} on ${escapeHtml(input.generatedAt.toISOString())}. Charts: Vega-Lite.`,
  });
}
