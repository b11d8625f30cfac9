/**
 * One chart of the sweep report: a headline metric of a queue against the first varied parameter, one line
 * per value of the second (told apart by colour, dash and marker, so coinciding lines stay readable), the
 * 95 % CI band when the points were replicated, and the SLO limit as a dashed rule.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SweepResult } from '../../analysis/sweep.js';
import type { QueueResult } from '../../model/run-result.js';
import type { Parameter } from '../../scenario/parameters.js';
import { formatSetting } from '../sweep-table.js';
import { specBase } from './charts/theme.js';
import { COLOR, queueColor } from './palette.js';

/** How a headline metric reads on an axis: its title with the unit, and the factor from stored units. */
const METRIC_AXES: Record<string, { title: string; scale: number; percent: boolean }> = {
  utilization: { title: 'utilization', scale: 1, percent: true },
  lossRate: { title: 'share of messages lost', scale: 1, percent: true },
  dropRate: { title: 'share of messages dropped', scale: 1, percent: true },
  'wait.mean': { title: 'mean wait (s)', scale: 1, percent: false },
  'sojourn.p99': { title: 'p99 sojourn (s)', scale: 1, percent: false },
  // Stored in consumer-seconds; a capacity review counts consumer-hours.
  consumerSeconds: { title: 'consumer-hours', scale: 1 / 3600, percent: false },
};

/** The axis of a metric: a title with its unit and the factor that converts the stored value. */
export function metricAxis(metric: string): { title: string; scale: number; percent: boolean } {
  return METRIC_AXES[metric] ?? { title: metric, scale: 1, percent: false };
}

/** A varied parameter in words with its unit: "billing consumers", "p rate (/s)", "load (×)". */
export function parameterTitle(parameter: Pick<Parameter, 'path' | 'unit'>): string {
  const parts = parameter.path.split('.');
  const words =
    parts.length >= 3 ? `${parts.slice(1, -1).join('.')} ${parts[parts.length - 1]}` : parameter.path;
  const unit = { seconds: ' (s)', perSecond: ' (/s)', multiplier: ' (×)', integer: '' }[parameter.unit] ?? '';
  return `${words}${unit}`;
}

/** A dotted metric of a queue result; null when absent. */
export function metricOf(queue: QueueResult | undefined, metric: string): number | null {
  let node: unknown = queue;
  for (const key of metric.split('.')) node = (node as Record<string, unknown> | null | undefined)?.[key];
  return typeof node === 'number' ? node : null;
}

/** The rows of one chart: x, the series label, the value and its CI in the axis unit. */
function chartRows(sweep: SweepResult, queue: string, metric: string) {
  const [xParameter, seriesParameter] = sweep.parameters;
  const { scale } = metricAxis(metric);
  const scaled = (value: number | null | undefined) => (typeof value === 'number' ? value * scale : null);
  return sweep.points.map((point) => {
    const result = point.result.queues[queue];
    const interval = result?.ci95?.[metric];
    return {
      x: point.settings[xParameter.path],
      series: seriesParameter
        ? formatSetting(seriesParameter, point.settings[seriesParameter.path])
        : 'value',
      value: scaled(metricOf(result, metric)),
      low: scaled(interval?.[0]),
      high: scaled(interval?.[1]),
    };
  });
}

/** The chart of one metric of one queue against the first parameter, lines by the second, CI band, SLO rule. */
export function sweepChartSpec(sweep: SweepResult, queue: string, metric: string): TopLevelSpec {
  const [xParameter, seriesParameter] = sweep.parameters;
  const axis = metricAxis(metric);
  const rows = chartRows(sweep, queue, metric);
  const limit = sweep.points[0]?.result.slo?.find((slo) => slo.target === `queues.${queue}.${metric}`)?.max;
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: parameterTitle(xParameter),
    scale: { zero: false },
    ...(xParameter.unit === 'integer' ? { axis: { tickMinStep: 1, format: 'd' } } : {}),
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: axis.title,
    ...(axis.percent ? { axis: { format: '.1%' } } : {}),
  };
  // One legend for colour, dash and marker: a line hidden under another still shows its dashes and markers.
  const series = seriesParameter
    ? { field: 'series', type: 'nominal' as const, title: parameterTitle(seriesParameter), sort: null }
    : undefined;
  const color = series ?? { value: queueColor(0) };
  const lineEncoding = series ? { x, y, color, strokeDash: series, shape: series } : { x, y, color };
  const layers: object[] = [];
  // A single run has no intervals: an empty band layer would only make Vega warn about infinite extents.
  if (rows.some((row) => row.low !== null && row.high !== null)) {
    layers.push({
      mark: { type: 'area', opacity: 0.14 },
      transform: [{ filter: 'datum.low !== null && datum.high !== null' }],
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative', title: axis.title },
        y2: { field: 'high' },
        color,
      },
    });
  }
  layers.push({
    mark: { type: 'line', point: { size: 55, filled: true }, strokeWidth: 2 },
    encoding: lineEncoding,
  });
  if (limit !== undefined) {
    layers.push({
      data: { values: [{ limit: limit * axis.scale }] },
      mark: { type: 'rule', color: COLOR.bad, strokeDash: [6, 4], strokeWidth: 1.5 },
      encoding: { y: { field: 'limit', type: 'quantitative' } },
    });
  }
  const dataset = `sweep-${queue}-${metric}`;
  return { ...specBase(dataset, rows), data: { name: dataset }, layer: layers } as unknown as TopLevelSpec;
}
