/**
 * The sweep report: one self-contained page with a chart per headline metric of each swept queue against
 * the first varied parameter (one line per value of the second), 95 % CI bands, SLO limits as rules, and
 * the table of every point.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../analysis/sweep.js';
import type { QueueResult } from '../../model/run-result.js';
import { formatSetting, SWEEP_METRICS, sweepQueues } from '../sweep-table.js';
import { COLOR } from './palette.js';
import { specBase } from './charts/theme.js';
import { escapeHtml } from './escape.js';
import { chartFigure, joinFragments, type Fragment } from './fragment.js';
import { htmlDocument } from './page.js';

export interface SweepReportInput {
  sweep: SweepResult;
  description: string;
  version: string;
  generatedAt: Date;
}

/** A dotted metric of a queue result; null when absent. */
function metricOf(queue: QueueResult | undefined, metric: string): number | null {
  let node: unknown = queue;
  for (const key of metric.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[key];
  return typeof node === 'number' ? node : null;
}

/** The chart of one metric of one queue against the first parameter, lines by the second, CI band, SLO rule. */
export function sweepChartSpec(sweep: SweepResult, queue: string, metric: string): TopLevelSpec {
  const [xParameter, seriesParameter] = sweep.parameters;
  const fraction = ['utilization', 'dropRate', 'lossRate'].includes(metric);
  const rows = sweep.points.map((point) => {
    const result = point.result.queues[queue];
    const interval = result?.ci95?.[metric];
    return {
      x: point.settings[xParameter.path],
      series: seriesParameter
        ? formatSetting(seriesParameter, point.settings[seriesParameter.path])
        : 'value',
      value: metricOf(result, metric),
      low: interval ? interval[0] : null,
      high: interval ? interval[1] : null,
    };
  });
  const limit = sweep.points[0]?.result.slo?.find((slo) => slo.target === `queues.${queue}.${metric}`)?.max;
  const yTitle = fraction ? metric : `${metric} (s)`;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: xParameter.path,
    scale: { zero: false },
    ...(xParameter.unit === 'integer' ? { axis: { tickMinStep: 1, format: 'd' } } : {}),
  };
  const color = seriesParameter
    ? { field: 'series', type: 'nominal' as const, title: seriesParameter.path, sort: null }
    : { value: '#2563eb' };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: yTitle,
    ...(fraction ? { axis: { format: '.1%' } } : {}),
  };
  const dataset = `sweep-${queue}-${metric}`;
  const layers: object[] = [
    {
      mark: { type: 'area', opacity: 0.18 },
      transform: [{ filter: 'datum.low !== null' }],
      encoding: { x, y: { field: 'low', type: 'quantitative', title: yTitle }, y2: { field: 'high' }, color },
    },
    { mark: { type: 'line', point: true }, encoding: { x, y, color } },
  ];
  if (limit !== undefined) {
    layers.push({
      data: { values: [{ limit }] },
      mark: { type: 'rule', color: COLOR.bad, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'limit', type: 'quantitative' } },
    });
  }
  return {
    ...specBase(dataset, rows),
    data: { name: dataset },
    layer: layers,
  } as unknown as TopLevelSpec;
}

/** A table of every point: settings, headline metrics (± CI half-width) and SLO verdicts. */
function pointsTable(sweep: SweepResult, queues: string[]): string {
  const heads = [
    ...sweep.parameters.map((parameter) => parameter.path),
    ...queues.flatMap((queue) => SWEEP_METRICS.map(({ head }) => `${queue} ${head}`)),
    'SLOs',
  ];
  const rows = sweep.points.map((point) => {
    const cells = [
      ...sweep.parameters.map((parameter) => formatSetting(parameter, point.settings[parameter.path])),
      ...queues.flatMap((queue) =>
        SWEEP_METRICS.map(({ metric, format }) => {
          const result = point.result.queues[queue];
          const interval = result?.ci95?.[metric];
          const raw = metricOf(result, metric);
          const value = format(raw);
          if (!interval) return value;
          // The longer side: an interval cut at 0 (or 1) keeps its statistical half-width on the other side.
          const halfWidth =
            raw === null ? (interval[1] - interval[0]) / 2 : Math.max(interval[1] - raw, raw - interval[0]);
          return `${value} ± ${format(Number(halfWidth.toPrecision(2)))}`;
        }),
      ),
      (point.result.slo ?? []).map((slo) => slo.verdict).join(', '),
    ];
    return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
  });
  return `<div class="table-scroll"><table class="data"><thead><tr>${heads
    .map((head) => `<th>${escapeHtml(head)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The page body: header, charts per queue, the table of points. */
export function sweepBody(input: SweepReportInput): Fragment {
  const { sweep } = input;
  const queues = sweepQueues(sweep);
  const varied = sweep.parameters
    .map(
      (parameter) =>
        `${parameter.path} = ${parameter.values.map((value) => formatSetting(parameter, value)).join(', ')}`,
    )
    .join('; ');
  const header = `<header class="report-header">
  <p class="eyebrow">queuesim sweep report</p>
  <h1>${escapeHtml(sweep.scenario)}</h1>
  ${input.description ? `<p class="description">${escapeHtml(input.description)}</p>` : ''}
  <p>${escapeHtml(`${sweep.points.length} points, seed ${sweep.seed} at every point (common random numbers). Varied: ${varied}.`)}</p>
</header>`;
  const charts = queues.map((queue) => {
    const figures = SWEEP_METRICS.map(({ metric, head }) =>
      chartFigure(
        `sweep-${queue}-${metric}`.replace(/[^A-Za-z0-9_-]/g, '-'),
        `${queue}: ${head}`,
        sweep.points[0]?.result.slo?.some((slo) => slo.target === `queues.${queue}.${metric}`)
          ? 'mean with its 95 % CI band; dashed line: the SLO limit'
          : 'mean with its 95 % CI band',
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
    { html: `<section><h2>Every point</h2>${pointsTable(sweep, queues)}</section>`, charts: [] },
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
