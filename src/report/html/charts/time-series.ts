import type { TopLevelSpec } from 'vega-lite';
import type { TimeSeries } from '../../../metrics/index.js';
import { COLOR } from '../palette.js';
import type { QueueView } from '../queue-views.js';
import type { TimeAxis } from '../time-axis.js';
import { specBase } from './theme.js';

/** One bin of one queue's series, time in the axis unit (the data behind the three charts over time). */
export interface SeriesRow {
  /** Start of the bin. */
  t: number;
  /** End of the bin (equal to `t` on the closing row). */
  t2: number;
  depth: number;
  arrivals: number;
  completions: number;
  /** Dropped per second, as the table's `dropped` counts (refused, dropped from the head, exhausted). */
  drops: number;
  /** Lost per second, as the table's `lost` counts (every reason, dead-lettered and expired included). */
  lost: number;
  busy: number;
  /** Consumers provisioned (paid for). */
  consumers: number;
}

/** Name of a queue's series dataset (shared by its charts over time). */
export function seriesDatasetName(view: QueueView): string {
  return `series_${view.index}`;
}

/**
 * A queue's series as rows for step charts: one row per bin start plus a closing row at the end of the
 * measured interval repeating the last bin, so each bin is drawn over its whole width.
 */
export function seriesRows(series: TimeSeries, queue: string, axis: TimeAxis): SeriesRow[] {
  const values = series.queues[queue];
  if (!values || series.time.length === 0) return [];
  const end = (series.time[series.time.length - 1] + series.intervalSeconds) / axis.secondsPerUnit;
  const row = (bin: number, time: number): SeriesRow => ({
    t: time / axis.secondsPerUnit,
    t2: Math.min(end, (time + series.intervalSeconds) / axis.secondsPerUnit),
    depth: values.depth[bin],
    arrivals: values.arrivalsPerSecond[bin],
    completions: values.completionsPerSecond[bin],
    drops: values.dropsPerSecond[bin],
    lost: values.lostPerSecond[bin],
    busy: values.busyConsumers[bin],
    consumers: values.consumers[bin],
  });
  const last = series.time.length - 1;
  return [
    ...series.time.map((time, bin) => row(bin, time)),
    row(last, series.time[last] + series.intervalSeconds),
  ];
}

/** The parts every chart over time shares: data, size, x axis and a hover rule with a tooltip. */
function overTime(
  view: QueueView,
  rows: SeriesRow[],
  axis: TimeAxis,
  tooltip: Array<{ field: keyof SeriesRow; title: string; format: string }>,
) {
  const name = seriesDatasetName(view);
  const end = rows.length > 0 ? rows[rows.length - 1].t : 1;
  const x = {
    field: 't',
    type: 'quantitative' as const,
    title: axis.title,
    scale: { domain: [0, end], nice: false },
    axis: { tickCount: 8 },
  };
  // One invisible band per bin carries the tooltip and lights up under the pointer (cheaper to draw
  // than a nearest-point selection, which builds a Voronoi diagram of every point).
  const hover = {
    transform: [{ filter: 'datum.t2 > datum.t' }],
    mark: { type: 'rect' as const, color: '#64748b' },
    params: [
      {
        name: 'hover',
        select: { type: 'point' as const, fields: ['t'], on: 'pointerover', clear: 'pointerout' },
      },
    ],
    encoding: {
      x,
      x2: { field: 't2' },
      opacity: { condition: { param: 'hover', empty: false, value: 0.14 }, value: 0 },
      tooltip: [
        { field: 't', type: 'quantitative' as const, title: `Bin start (${axis.unit})`, format: ',.2f' },
        ...tooltip.map((item) => ({ ...item, type: 'quantitative' as const })),
      ],
    },
  };
  const common = { ...specBase(name, rows), data: { name } };
  return { common, x, hover };
}

/** A level over time (waiting, busy): a light step area under a step line, in the queue's colour. */
function levelLayers(x: object, y: object, color: string) {
  return [
    {
      mark: { type: 'area' as const, interpolate: 'step-after' as const, color, opacity: 0.22 },
      encoding: { x, y },
    },
    {
      mark: { type: 'line' as const, interpolate: 'step-after' as const, color, strokeWidth: 1.5 },
      encoding: { x, y },
    },
  ];
}

/** A dashed horizontal line at `value` (capacity, pool size), labelled just above its left end. */
function referenceLine(value: number, label: string, color: string) {
  return {
    data: { values: [{ value, label }] },
    layer: [
      {
        mark: { type: 'rule' as const, color, strokeDash: [4, 4] },
        encoding: { y: { field: 'value', type: 'quantitative' as const } },
      },
      {
        mark: {
          type: 'text' as const,
          align: 'left' as const,
          baseline: 'bottom' as const,
          dx: 4,
          dy: -3,
          x: 0,
          color,
          fontSize: 11,
        },
        encoding: { y: { field: 'value', type: 'quantitative' as const }, text: { field: 'label' } },
      },
    ],
  };
}

/** Time-average number of messages waiting, per bin, with the capacity when the queue comes near it. */
export function depthChart(view: QueueView, rows: SeriesRow[], axis: TimeAxis): TopLevelSpec {
  const { common, x, hover } = overTime(view, rows, axis, [
    { field: 'depth', title: 'Waiting (average)', format: ',.2f' },
  ]);
  const capacity = view.result.capacity;
  const peak = Math.max(0, ...rows.map((row) => row.depth));
  const showCapacity = capacity !== null && capacity > 0 && peak >= capacity * 0.25;
  const y = {
    field: 'depth',
    type: 'quantitative' as const,
    title: 'Messages waiting (time-average)',
    scale: showCapacity ? { domain: [0, capacity] } : {},
  };
  return {
    ...common,
    layer: [
      ...levelLayers(x, y, view.color),
      ...(showCapacity ? [referenceLine(capacity, `capacity ${capacity}`, COLOR.dropped)] : []),
      hover,
    ],
  };
}

/** Arrivals, completions, drops and losses per second, per bin (drops and losses as the table counts them). */
export function ratesChart(view: QueueView, rows: SeriesRow[], axis: TimeAxis): TopLevelSpec {
  const { common, x, hover } = overTime(view, rows, axis, [
    { field: 'arrivals', title: 'Arrivals/s', format: ',.2f' },
    { field: 'completions', title: 'Completions/s', format: ',.2f' },
    { field: 'drops', title: 'Dropped/s', format: ',.2f' },
    { field: 'lost', title: 'Lost/s (every reason)', format: ',.2f' },
  ]);
  const y = { field: 'rate', type: 'quantitative' as const, title: 'Messages per second' };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    scale: {
      domain: ['arrivals', 'completions', 'drops', 'lost'],
      range: [COLOR.arrivals, view.color, COLOR.dropped, COLOR.lost],
    },
    legend: {
      symbolType: 'square',
      symbolOpacity: 1,
      labelExpr:
        "{arrivals: 'Arrivals', completions: 'Completions', drops: 'Dropped', lost: 'Lost'}[datum.label]",
    },
  };
  return {
    ...common,
    layer: [
      {
        // Arrivals as a light area behind, completions and drops as lines: the gap between them shows.
        transform: [{ fold: ['arrivals'], as: ['series', 'rate'] }],
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.55 },
        encoding: { x, y, color },
      },
      {
        transform: [{ fold: ['completions', 'drops', 'lost'], as: ['series', 'rate'] }],
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.2 },
        encoding: { x, y, color },
      },
      hover,
    ],
  };
}

/** Time-average number of busy consumers, per bin, against the size of the pool. */
export function busyConsumersChart(view: QueueView, rows: SeriesRow[], axis: TimeAxis): TopLevelSpec {
  const { common, x, hover } = overTime(view, rows, axis, [
    { field: 'busy', title: 'Busy consumers (average)', format: ',.2f' },
  ]);
  const consumers = view.result.consumers;
  const y = {
    field: 'busy',
    type: 'quantitative' as const,
    title: 'Consumers busy (time-average)',
    scale: { domain: [0, Math.max(consumers, 1)] },
  };
  return {
    ...common,
    layer: [
      ...levelLayers(x, y, view.color),
      referenceLine(consumers, `${consumers} consumer${consumers === 1 ? '' : 's'}`, COLOR.muted),
      hover,
    ],
  };
}

/**
 * An autoscaled pool over time: consumers provisioned (what is paid for) and busy, against the queue
 * depth the scaler reacts to (right axis) — whether the pool kept up, and what it cost.
 */
export function elasticConsumersChart(view: QueueView, rows: SeriesRow[], axis: TimeAxis): TopLevelSpec {
  const { common, x, hover } = overTime(view, rows, axis, [
    { field: 'consumers', title: 'Consumers provisioned (average)', format: ',.2f' },
    { field: 'busy', title: 'Consumers busy (average)', format: ',.2f' },
    { field: 'depth', title: 'Waiting (average)', format: ',.2f' },
  ]);
  const consumersAxis = { title: 'Consumers (time-average)' };
  const busy = { field: 'busy', type: 'quantitative' as const, axis: consumersAxis };
  const provisioned = { field: 'consumers', type: 'quantitative' as const, axis: consumersAxis };
  const depth = {
    field: 'depth',
    type: 'quantitative' as const,
    axis: { title: 'Messages waiting', orient: 'right' as const, titleColor: COLOR.muted },
  };
  return {
    ...common,
    resolve: { scale: { y: 'independent' } },
    layer: [
      {
        layer: [
          {
            mark: { type: 'area', interpolate: 'step-after', color: view.color, opacity: 0.22 },
            encoding: { x, y: busy },
          },
          {
            mark: { type: 'line', interpolate: 'step-after', color: view.color, strokeWidth: 2 },
            encoding: { x, y: provisioned },
          },
        ],
      },
      {
        mark: {
          type: 'line',
          interpolate: 'step-after',
          color: COLOR.muted,
          strokeWidth: 1,
          strokeDash: [3, 2],
        },
        encoding: { x, y: depth },
      },
      hover,
    ],
  };
}
