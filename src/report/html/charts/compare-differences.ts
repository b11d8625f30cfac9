/**
 * The differences of one queue or flow as a forest plot: one line per metric and later scenario, its paired
 * difference from the first scenario as a share of the first's value, with its 95 % CI as a bar and a
 * rule at 0. Metrics are in different units, so only the relative difference puts them on one axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareGroup } from '../../compare-rows.js';
import { showInterval, showSigned } from '../../compare-rows.js';
import { COLOR } from '../palette.js';
import { specBase } from './theme.js';

/** One plotted difference: relative to the baseline, with the words for its tooltip. */
interface DifferenceRow {
  metric: string;
  scenario: string;
  relative: number;
  low: number | null;
  high: number | null;
  significant: string;
  absolute: string;
}

/** The plotted differences: those with a non-zero baseline (a share of 0 is undefined). */
export function differenceRows(group: CompareGroup, scenarios: string[]): DifferenceRow[] {
  return group.rows.flatMap((row) =>
    row.differences.flatMap((difference, j): DifferenceRow[] => {
      const base = row.values[0];
      if (!difference || difference.difference === null || base === null || base === 0) return [];
      const scale = Math.abs(base);
      return [
        {
          metric: row.label,
          scenario: scenarios[j + 1],
          relative: difference.difference / scale,
          low: difference.ci95 ? difference.ci95[0] / scale : null,
          high: difference.ci95 ? difference.ci95[1] / scale : null,
          significant: difference.significant ? 'significant' : 'not significant',
          absolute: `${showSigned(row, difference.difference)} ${showInterval(row, difference)}`.trim(),
        },
      ];
    }),
  );
}

/** Linear within ±10 %, logarithmic beyond: a 300 % change and a 5 % one both stay readable. */
const SYMLOG_CONSTANT = 0.1;

/** Round ticks (0, ±10 %, ±30 %, ±100 %…) within the plotted extent; a symlog axis picks poor ones. */
function axisValues(rows: DifferenceRow[]): number[] {
  const ends = rows.flatMap((row) => [row.relative, row.low ?? row.relative, row.high ?? row.relative]);
  const low = Math.min(0, ...ends);
  const high = Math.max(0, ...ends);
  // Near 0 the scale is linear: ticks of 1 % and 3 % only when nothing reaches far beyond.
  const steps = high - low < 0.3 ? [0.01, 0.03, 0.1] : [0.1, 0.3, 1, 3, 10, 30, 100];
  const ticks = [0, ...steps, ...steps.map((step) => -step)].filter((t) => t >= low && t <= high);
  return ticks.sort((a, b) => a - b);
}

/** The forest plot of one group's differences (null when none can be plotted). */
export function compareDifferenceSpec(
  group: CompareGroup,
  scenarios: string[],
  dataset: string,
): TopLevelSpec | null {
  const rows = differenceRows(group, scenarios);
  if (rows.length === 0) return null;
  const metrics = [...new Set(rows.map((row) => row.metric))];
  const later = scenarios.slice(1);
  const y = { field: 'metric', type: 'nominal' as const, title: null, sort: metrics };
  const yOffset = { field: 'scenario', type: 'nominal' as const, sort: later };
  const color = { field: 'scenario', type: 'nominal' as const, title: null, sort: later };
  const x = {
    field: 'relative',
    type: 'quantitative' as const,
    title: `difference from ${scenarios[0]} (share of its value; log scale beyond ±10 %)`,
    scale: { type: 'symlog', constant: SYMLOG_CONSTANT },
    axis: { format: '+.0%', values: axisValues(rows) },
  };
  const tooltip = [
    { field: 'scenario', type: 'nominal' as const, title: 'scenario' },
    { field: 'metric', type: 'nominal' as const, title: 'metric' },
    { field: 'absolute', type: 'nominal' as const, title: 'difference [95% CI]' },
    { field: 'relative', type: 'quantitative' as const, title: 'share of baseline', format: '+.1%' },
    { field: 'significant', type: 'nominal' as const, title: 'verdict' },
  ];
  const height = Math.max(80, metrics.length * (later.length * 16 + 12));
  return {
    ...specBase(dataset, rows, height),
    data: { name: dataset },
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: COLOR.muted, strokeDash: [4, 3] },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
      {
        transform: [{ filter: 'datum.low !== null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, yOffset, color, x: { ...x, field: 'low' }, x2: { field: 'high' }, tooltip },
      },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          y,
          yOffset,
          color,
          x,
          shape: { field: 'significant', type: 'nominal', title: null, sort: ['significant'] },
          tooltip,
        },
      },
    ],
  } as unknown as TopLevelSpec;
}
