import type { TopLevelSpec } from 'vega-lite';
import type { HistogramBucket, LatencySummary } from '../../../metrics/index.js';
import { formatSeconds } from '../../format.js';
import { COLOR } from '../palette.js';
import type { QueueView } from '../queue-views.js';
import { latencyUnit } from '../time-axis.js';
import { specBase } from './theme.js';

/**
 * One bucket of a histogram, bounds in the chart's latency unit: its share of all messages, and that share
 * per ⅛ doubling, the mean bucket width (the bar height: buckets differ in width on the log axis, so bar
 * areas are shares; the heights read as shares per bar, not 8 × that as a share per doubling would).
 */
interface BarRow {
  lower: number;
  upper: number;
  share: number;
  density: number;
  count: number;
}

/** Histogram buckets per power of two (`latencyHistogram`'s resolution). */
const BARS_PER_DOUBLING = 8;

/** One point of a cumulative distribution: the share of messages at or below `x` (latency unit). */
interface CdfRow {
  latency: 'Wait' | 'Sojourn';
  x: number;
  cumulative: number;
}

/**
 * The p50/p95/p99 markers of a latency summary in the chart's unit, labels stacked down from the top; a
 * label in the right third of the (log) axis goes on the left of its rule so it stays inside the chart.
 */
function quantileMarks(summary: LatencySummary, secondsPerUnit: number, domain: [number, number]) {
  const [low, high] = domain.map(Math.log);
  return (['p50', 'p95', 'p99'] as const)
    .filter((key) => summary[key] !== null && (summary[key] as number) > 0)
    .map((key, index) => {
      const value = (summary[key] as number) / secondsPerUnit;
      return {
        label: `${key} ${formatSeconds(summary[key])}`,
        value,
        offset: 2 + index * 14,
        side: (Math.log(value) - low) / (high - low) > 0.7 ? 'left' : 'right',
      };
    });
}

/** Tick values for a log axis over [min, max]: 1-2-5 steps, or powers of ten over a wide range. */
export function logTicks(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const ticks = (steps: number[]) => {
    const values: number[] = [];
    for (let exponent = Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
      for (const step of steps) {
        const value = Number((step * 10 ** exponent).toPrecision(12));
        if (value >= min && value <= max) values.push(value);
      }
    }
    return values;
  };
  const fine = ticks([1, 2, 5]);
  return fine.length <= 9 ? fine : ticks([1]);
}

/** The unit and axis title shared by a queue's latency charts. */
export function latencyScale(view: QueueView) {
  const { secondsPerUnit, unit } = latencyUnit(view.result.sojourn.p99);
  return { secondsPerUnit, unit };
}

/** Positive buckets as bars (zero-valued ones cannot sit on a log axis), share of all observations. */
function barRows(buckets: HistogramBucket[], secondsPerUnit: number): BarRow[] {
  const total = buckets.reduce((sum, bucket) => sum + bucket[2], 0);
  return buckets
    .filter(([, upper]) => upper > 0)
    .map(([lower, upper, count]) => ({
      lower: lower / secondsPerUnit,
      upper: upper / secondsPerUnit,
      share: count / total,
      density: count / total / (Math.log2(upper / lower) * BARS_PER_DOUBLING),
      count,
    }));
}

/** The cumulative curve: starting at the share of zero values, rising to 1 at the last bucket's bound. */
function cdfRows(latency: CdfRow['latency'], buckets: HistogramBucket[], secondsPerUnit: number): CdfRow[] {
  const total = buckets.reduce((sum, bucket) => sum + bucket[2], 0);
  const positive = buckets.filter(([, upper]) => upper > 0);
  if (total === 0 || positive.length === 0) return [];
  let cumulative = total - positive.reduce((sum, bucket) => sum + bucket[2], 0);
  const rows: CdfRow[] = [{ latency, x: positive[0][0] / secondsPerUnit, cumulative: cumulative / total }];
  for (const [, upper, count] of positive) {
    cumulative += count;
    rows.push({ latency, x: upper / secondsPerUnit, cumulative: cumulative / total });
  }
  return rows;
}

/** Vertical p50/p95/p99 rules, each labelled with its value near the top of the chart. */
function quantileRules(
  summary: LatencySummary,
  secondsPerUnit: number,
  unit: string,
  domain: [number, number],
) {
  // Each label twice: a thick white outline first, the text on it, so rules and curves never cut through it.
  const label = (side: 'left' | 'right', halo: boolean) => ({
    transform: [{ filter: { field: 'side', equal: side } }],
    mark: {
      type: 'text' as const,
      dx: side === 'right' ? 4 : -4,
      align: side === 'right' ? ('left' as const) : ('right' as const),
      baseline: 'top' as const,
      fontSize: 11,
      fontWeight: 600 as const,
      color: COLOR.text,
      ...(halo ? { stroke: 'white', strokeWidth: 4, strokeJoin: 'round' as const, opacity: 0.9 } : {}),
    },
    encoding: {
      x: { field: 'value', type: 'quantitative' as const },
      y: { field: 'offset', type: 'quantitative' as const, scale: null },
      text: { field: 'label' },
    },
  });
  return {
    data: { values: quantileMarks(summary, secondsPerUnit, domain) },
    layer: [
      {
        mark: { type: 'rule' as const, color: COLOR.text, strokeDash: [3, 3], opacity: 0.7 },
        encoding: {
          x: { field: 'value', type: 'quantitative' as const },
          tooltip: [
            { field: 'label', type: 'nominal' as const, title: 'Percentile' },
            { field: 'value', type: 'quantitative' as const, title: `Sojourn (${unit})`, format: ',.3~f' },
          ],
        },
      },
      label('right', true),
      label('left', true),
      label('right', false),
      label('left', false),
    ],
  };
}

/** Histogram of sojourn times (arrival → completion) on a log axis, with p50/p95/p99 marked. */
export function latencyHistogramChart(view: QueueView): TopLevelSpec {
  const { secondsPerUnit, unit } = latencyScale(view);
  const rows = barRows(view.result.latencyHistogram?.sojourn ?? [], secondsPerUnit);
  const name = `histogram_${view.index}`;
  const low = rows.length > 0 ? rows[0].lower : 1;
  const high = rows.length > 0 ? rows[rows.length - 1].upper : 10;
  const x = {
    field: 'lower',
    type: 'quantitative' as const,
    scale: { type: 'log' as const, domain: [low, high], nice: false },
    // Short enough for a third-width card; the caption says it runs from arrival to completion.
    title: `Sojourn time (${unit}, log scale)`,
    axis: { format: ',~g', grid: false, values: logTicks(low, high) },
  };
  const peak = Math.max(0, ...rows.map((row) => row.density));
  return {
    ...specBase(name, rows),
    layer: [
      {
        data: { name },
        mark: { type: 'rect', color: view.color, opacity: 0.85, stroke: 'white', strokeWidth: 0.3 },
        encoding: {
          x,
          x2: { field: 'upper' },
          y: {
            field: 'density',
            type: 'quantitative',
            title: 'Share of messages per bar',
            scale: { domain: [0, peak * 1.3 || 1] }, // headroom for the percentile labels
            axis: { format: '.1~%' },
          },
          tooltip: [
            { field: 'lower', type: 'quantitative', title: `From (${unit})`, format: ',.3~f' },
            { field: 'upper', type: 'quantitative', title: `To (${unit})`, format: ',.3~f' },
            { field: 'count', type: 'quantitative', title: 'Messages', format: ',' },
            { field: 'share', type: 'quantitative', title: 'Share', format: '.2%' },
          ],
        },
      },
      quantileRules(view.result.sojourn, secondsPerUnit, unit, [low, high]),
    ],
  };
}

/** Cumulative distributions of wait and sojourn times on a log axis, with the sojourn p50/p95/p99 marked. */
export function latencyCdfChart(view: QueueView): TopLevelSpec {
  const { secondsPerUnit, unit } = latencyScale(view);
  const histogram = view.result.latencyHistogram;
  const rows = [
    ...cdfRows('Wait', histogram?.wait ?? [], secondsPerUnit),
    ...cdfRows('Sojourn', histogram?.sojourn ?? [], secondsPerUnit),
  ];
  const name = `cdf_${view.index}`;
  // The axis spans the sojourn times; wait times below them (near-zero waits) are clipped at its left edge.
  const sojourn = rows.filter((row) => row.latency === 'Sojourn');
  const low = sojourn.length > 0 ? sojourn[0].x : 1;
  const high = Math.max(low * 10, ...rows.map((row) => row.x));
  return {
    ...specBase(name, rows),
    layer: [
      {
        data: { name },
        mark: { type: 'line', interpolate: 'monotone', strokeWidth: 2, clip: true },
        encoding: {
          x: {
            field: 'x',
            type: 'quantitative',
            scale: { type: 'log', domain: [low, high], nice: false },
            title: `Latency (${unit}, log scale)`,
            axis: { format: ',~g', values: logTicks(low, high) },
          },
          y: {
            field: 'cumulative',
            type: 'quantitative',
            title: 'Share of messages at or below',
            scale: { domain: [0, 1] },
            axis: { format: '~%' },
          },
          color: {
            field: 'latency',
            type: 'nominal',
            scale: { domain: ['Wait', 'Sojourn'], range: [COLOR.wait, view.color] },
            // One entry per line: side by side the two long labels are cut in a half-width card.
            legend: {
              columns: 1,
              labelLimit: 320,
              labelExpr:
                "{Wait: 'Wait (arrival → service start)', Sojourn: 'Sojourn (arrival → completion)'}[datum.label]",
            },
          },
          tooltip: [
            { field: 'latency', type: 'nominal', title: 'Latency' },
            { field: 'x', type: 'quantitative', title: `At or below (${unit})`, format: ',.3~f' },
            { field: 'cumulative', type: 'quantitative', title: 'Share of messages', format: '.2%' },
          ],
        },
      },
      quantileRules(view.result.sojourn, secondsPerUnit, unit, [low, high]),
    ],
  };
}
