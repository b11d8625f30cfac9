/**
 * The charts of a search (`plan`, `headroom`): one SLO's metric at every evaluated point, with its 95 % CI
 * as a bar, coloured by verdict, the SLO limit as a dashed rule and the chosen point as a vertical rule.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SloVerdict } from '../../../results/analysis-results.js';
import { COLOR } from '../palette.js';
import { specBase } from './theme.js';

/** One evaluated point's verdict on the charted SLO, at its position on the x axis. */
export interface SearchPoint {
  x: number;
  verdict: SloVerdict;
}

/** How the x axis reads: its title, log or linear, integers or not, and the chosen point (if any). */
export interface SearchAxis {
  title: string;
  log?: boolean;
  integer?: boolean;
  /** Where to draw the chosen point's vertical rule (the recommendation, the headroom); null for none. */
  chosen: number | null;
  /** Joins the points with a line (a one-parameter search, in order); a cost axis does not. */
  line?: boolean;
}

/** "p99 sojourn (s)", "utilization", "mean wait (s)": an SLO's metric in words, with its unit. */
export function sloAxisTitle(verdict: Pick<SloVerdict, 'target' | 'unit'>): string {
  const metric = verdict.target.split('.').slice(2);
  const last = metric.at(-1) ?? '';
  const words =
    metric.length > 1 && /^(p\d+(\.\d+)?|mean|max)$/.test(last)
      ? `${last} ${metric.slice(0, -1).join(' ')}`
      : metric.join(' ');
  return verdict.unit === 'seconds'
    ? `${words} (s)`
    : verdict.unit === 'count'
      ? `${words} (messages)`
      : words;
}

/**
 * Where the y axis stops when some point lies far beyond the SLO limit (3× it): without a ceiling, one
 * collapsed setting squashes the region around the limit, where the decision is, into a flat line.
 * Points above it are drawn on the top edge; null when every CI fits.
 */
export function yCeiling(points: readonly SearchPoint[]): number | null {
  const limit = points[0]?.verdict.max;
  if (limit === undefined || limit <= 0) return null;
  const highest = Math.max(...points.map(({ verdict }) => verdict.ci95?.[1] ?? verdict.value ?? 0));
  return highest > 3 * limit ? 3 * limit : null;
}

/** The verdicts in the order the legend lists them, with their colours. */
const VERDICT_SCALE = {
  domain: ['pass', 'uncertain', 'fail'],
  range: [COLOR.ok, COLOR.warn, COLOR.bad],
};

/** The chart of one SLO over the evaluated points (see the file comment). */
export function searchChartSpec(dataset: string, points: SearchPoint[], axis: SearchAxis): TopLevelSpec {
  const first = points[0]?.verdict;
  const fraction = first?.unit === 'fraction';
  const rows = points.map(({ x, verdict }) => ({
    x,
    value: verdict.value,
    low: verdict.ci95?.[0] ?? null,
    high: verdict.ci95?.[1] ?? null,
    verdict: verdict.verdict,
  }));
  const yTitle = first ? sloAxisTitle(first) : 'value';
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: axis.title,
    // Not niced: a log axis would otherwise stretch 0.5–2 out to 0.1–10. Padded, so that the first and
    // last points (often the chosen one) do not sit on the chart's edges.
    scale: axis.log ? { type: 'log' as const, nice: false, padding: 12 } : { zero: false, padding: 12 },
    ...(axis.integer ? { axis: { tickMinStep: 1, format: 'd' } } : {}),
    // A log axis labels every minor tick unless told to drop the ones that collide or touch.
    ...(axis.log ? { axis: { labelOverlap: 'greedy' as const, labelSeparation: 6, format: '~g' } } : {}),
  };
  const ceiling = yCeiling(points);
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: yTitle,
    ...(ceiling === null ? {} : { scale: { domainMax: ceiling, clamp: true } }),
    ...(fraction ? { axis: { format: '.2~%' } } : {}),
  };
  const color = { field: 'verdict', type: 'nominal' as const, title: 'verdict', scale: VERDICT_SCALE };
  const layers: object[] = [
    ...(axis.line ? [{ mark: { type: 'line', color: COLOR.neutral }, encoding: { x, y } }] : []),
    {
      mark: { type: 'rule', strokeWidth: 2 },
      transform: [{ filter: 'datum.low !== null' }],
      encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color },
    },
    {
      mark: { type: 'point', filled: true, size: 70, opacity: 1 },
      encoding: {
        x,
        y,
        color,
        tooltip: [
          { field: 'x', type: 'quantitative', title: axis.title },
          { field: 'value', type: 'quantitative', title: yTitle, format: fraction ? '.2%' : '.4~g' },
          { field: 'verdict', type: 'nominal' },
        ],
      },
    },
  ];
  if (first) layers.push(limitRule(first.max));
  if (axis.chosen !== null) layers.push(chosenRule(axis.chosen));
  return { ...specBase(dataset, rows), data: { name: dataset }, layer: layers } as unknown as TopLevelSpec;
}

/** The SLO limit: a dashed red horizontal rule. */
function limitRule(limit: number): object {
  return {
    data: { values: [{ limit }] },
    mark: { type: 'rule', color: COLOR.bad, strokeDash: [6, 4], strokeWidth: 1.5 },
    encoding: { y: { field: 'limit', type: 'quantitative' } },
  };
}

/** The chosen point (recommendation or headroom): a grey vertical rule. */
function chosenRule(chosen: number): object {
  return {
    data: { values: [{ chosen }] },
    mark: { type: 'rule', color: COLOR.muted, strokeDash: [2, 3], strokeWidth: 1.5 },
    encoding: { x: { field: 'chosen', type: 'quantitative' } },
  };
}
