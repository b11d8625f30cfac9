/**
 * The differences of one queue, flow or route as a forest plot: one line per metric and later scenario, its
 * paired difference from the first scenario as a share of the first's value, with its 95 % CI as a bar and
 * a rule at 0. Metrics are in different units, so only the relative difference puts them on one axis.
 * The axis stops at ±100 %: a metric whose first value is near zero (a queue that hardly waits) gives
 * shares of several hundred per cent that would flatten every useful bar, so a mark beyond is drawn at
 * the axis's end and labelled with its true share (the tooltip has the true share and CI too).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompareGroup } from '../../compare-rows.js';
import { showInterval, showSigned } from '../../compare-rows.js';
import { COLOR } from '../palette.js';
import { specBase } from './theme.js';

/** One plotted difference: relative to the baseline, with the words for its tooltip. */
export interface DifferenceRow {
  metric: string;
  scenario: string;
  /** The true share of the first scenario's value, and its CI (null without replications). */
  relative: number;
  low: number | null;
  high: number | null;
  /** The same clipped to ±CLIP: where the marks are drawn. */
  x: number;
  xLow: number | null;
  xHigh: number | null;
  /** The true share, written out, when the point lies beyond the axis (else ''). */
  clipped: string;
  significant: string;
  absolute: string;
  /** The true share and its CI in words, for the tooltip: "+320% [+150%, +490%]". */
  share: string;
}

/** The axis's reach either side of 0, as a share of the first scenario's value (1 = 100 %). */
export const CLIP = 1;

const clip = (value: number) => Math.max(-CLIP, Math.min(CLIP, value));
/** Past the axis's end: by more than rounding (a mean of pairs that each fall to 0 may read −100.0000001 %). */
const beyondAxis = (value: number | null) => value !== null && Math.abs(value) > CLIP + 1e-9;

/** A share as the axis writes it: "+320%", "−12%" (a real minus sign, as the tables write it). */
function percent(value: number): string {
  const rounded = Math.round(value * 100);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)}%`;
}

/** The plotted differences: those with a non-zero baseline (a share of 0 is undefined). */
export function differenceRows(group: CompareGroup, scenarios: string[]): DifferenceRow[] {
  return group.rows.flatMap((row) =>
    row.differences.flatMap((difference, j): DifferenceRow[] => {
      const base = row.values[0];
      if (!difference || difference.difference === null || base === null || base === 0) return [];
      const scale = Math.abs(base);
      const relative = difference.difference / scale;
      const low = difference.ci95 ? difference.ci95[0] / scale : null;
      const high = difference.ci95 ? difference.ci95[1] / scale : null;
      const interval = low === null || high === null ? '' : ` [${percent(low)}, ${percent(high)}]`;
      return [
        {
          metric: row.label,
          scenario: scenarios[j + 1],
          relative,
          low,
          high,
          x: clip(relative),
          xLow: low === null ? null : clip(low),
          xHigh: high === null ? null : clip(high),
          clipped: beyondAxis(relative) ? percent(relative) : '',
          significant: difference.significant ? 'significant' : 'not significant',
          absolute: `${showSigned(row, difference.difference)} ${showInterval(row, difference)}`.trim(),
          share: `${percent(relative)}${interval}`,
        },
      ];
    }),
  );
}

/** Linear within ±10 %, logarithmic beyond: a 300 % change and a 5 % one both stay readable. */
const SYMLOG_CONSTANT = 0.1;

/** The plotted extent: 0 and every drawn mark (within ±CLIP). */
function extent(rows: DifferenceRow[]): [number, number] {
  const ends = rows.flatMap((row) => [row.x, row.xLow ?? row.x, row.xHigh ?? row.x]);
  return [Math.min(0, ...ends), Math.max(0, ...ends)];
}

/** Round ticks (0, ±10 %, ±30 %, ±100 %) within the plotted extent; a symlog axis picks poor ones. */
function axisValues(rows: DifferenceRow[]): number[] {
  const [low, high] = extent(rows);
  // Near 0 the scale is linear: ticks of 1 % and 3 % only when nothing reaches far beyond.
  const steps = high - low < 0.3 ? [0.01, 0.03, 0.1] : [0.1, 0.3, 1];
  const ticks = [0, ...steps, ...steps.map((step) => -step)].filter((t) => t >= low && t <= high);
  return ticks.sort((a, b) => a - b);
}

/** The x encoding: the clipped share on a symlog axis that ends where the drawn marks do. */
function xEncoding(rows: DifferenceRow[], baseline: string) {
  const beyond = rows.some((row) => [row.relative, row.low, row.high].some(beyondAxis));
  return {
    field: 'x',
    type: 'quantitative' as const,
    title: `difference from ${baseline} (share of its value; log scale beyond ±10 %${beyond ? '; axis ends at ±100 %' : ''})`,
    // The domain is the drawn extent (clipped already), so the axis never reaches past ±100 %.
    scale: { type: 'symlog', constant: SYMLOG_CONSTANT, domain: extent(rows), nice: false },
    axis: { format: '+.0%', values: axisValues(rows) },
  };
}

const TOOLTIP = [
  { field: 'scenario', type: 'nominal' as const, title: 'scenario' },
  { field: 'metric', type: 'nominal' as const, title: 'metric' },
  { field: 'absolute', type: 'nominal' as const, title: 'difference [95% CI]' },
  { field: 'share', type: 'nominal' as const, title: 'share of baseline [95% CI]' },
  { field: 'significant', type: 'nominal' as const, title: 'verdict' },
];

/** The points beyond one end of the axis (`side`): their true share written beside them, inwards. */
function clippedLabels(side: 1 | -1, encoding: Record<string, unknown>) {
  return {
    transform: [{ filter: `datum.clipped !== '' && datum.relative ${side > 0 ? '>' : '<'} 0` }],
    mark: {
      type: 'text',
      align: side > 0 ? 'right' : 'left',
      dx: side > 0 ? -9 : 9,
      fontSize: 11,
      fontWeight: 600,
      color: COLOR.text,
    },
    encoding: { ...encoding, text: { field: 'clipped', type: 'nominal' }, tooltip: TOOLTIP },
  };
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
  const x = xEncoding(rows, scenarios[0]);
  const tooltip = TOOLTIP;
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
        transform: [{ filter: 'datum.xLow !== null' }],
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { y, yOffset, color, x: { ...x, field: 'xLow' }, x2: { field: 'xHigh' }, tooltip },
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
      clippedLabels(1, { y, yOffset, x }),
      clippedLabels(-1, { y, yOffset, x }),
    ],
  } as unknown as TopLevelSpec;
}
