/**
 * The compare page's forest plot: a difference of several hundred per cent (a first value near zero) must
 * not stretch the axis and flatten the others; it is drawn at the axis's end and labelled with its share.
 */
import { describe, expect, it } from 'vitest';
import type { MetricDifference } from '../../../src/analysis/compare.js';
import type { CompareGroup } from '../../../src/report/compare-rows.js';
import { metricLabel } from '../../../src/report/compare-rows.js';
import {
  CLIP,
  compareDifferenceSpec,
  differenceRows,
} from '../../../src/report/html/charts/compare-differences.js';
import { compileWarnings } from '../../helpers/vega-warnings.js';

/** A row of queue q: the first scenario's value and one later scenario's paired difference with its CI. */
function row(metric: string, baseline: number, difference: number, ci95: [number, number]) {
  const paired: MetricDifference = {
    target: `queues.q.${metric}`,
    baseline,
    value: baseline + difference,
    difference,
    ci95,
    significant: ci95[0] > 0 || ci95[1] < 0,
  };
  return {
    ...metricLabel(metric),
    target: paired.target,
    values: [baseline, paired.value],
    differences: [paired],
  };
}

// A wait that goes from 10 ms to 42 ms (+320 %), beside a 5 % utilisation change and a −150 % CI end.
const group: CompareGroup = {
  kind: 'queue',
  name: 'q',
  rows: [
    row('wait.mean', 0.01, 0.032, [0.015, 0.049]),
    row('utilization', 0.6, 0.03, [0.024, 0.036]),
    row('sojourn.p99', 1, -0.2, [-1.5, 1.1]),
  ],
};
const scenarios = ['today', 'tomorrow'];

/** What the tests read of a layer's encoding (the spec is plain data). */
interface Encoding {
  x: { field: string; title: string; scale: { domain: number[] }; axis: { values: number[] } };
  text: { field: string };
  tooltip: Array<{ field: string }>;
}
type Layer = { mark: { type: string }; encoding?: Encoding };
const specOf = (g: CompareGroup) =>
  compareDifferenceSpec(g, scenarios, 'd') as unknown as {
    datasets: { d: Array<Record<string, unknown>> };
    layer: Layer[];
  };

describe('compare differences chart', () => {
  it('draws a share beyond ±100 % at the axis end, keeping the true share for the label and tooltip', () => {
    const rows = differenceRows(group, scenarios);
    const wait = rows.find((r) => r.metric === 'mean wait')!;
    expect(wait.relative).toBeCloseTo(3.2, 12);
    expect(wait.x).toBe(CLIP);
    expect([wait.xLow, wait.xHigh]).toEqual([CLIP, CLIP]);
    expect(wait.clipped).toBe('+320%');
    expect(wait.share).toBe('+320% [+150%, +490%]');
    const busy = rows.find((r) => r.metric === 'utilisation')!;
    expect(busy.x).toBeCloseTo(0.05, 12);
    expect(busy.clipped).toBe('');
    const p99 = rows.find((r) => r.metric === 'p99 sojourn')!;
    // Only its CI reaches past the axis: the bar stops at the ends, the point is not labelled.
    expect([p99.x, p99.xLow, p99.xHigh]).toEqual([-0.2, -CLIP, CLIP]);
    expect(p99.clipped).toBe('');
    expect(p99.share).toBe('−20% [−150%, +110%]');
  });

  it('ends the axis at ±100 %, labels the clipped point and compiles without a warning', () => {
    const spec = specOf(group);
    const point = spec.layer.find((layer) => layer.mark.type === 'point')!;
    expect(point.encoding!.x.field).toBe('x');
    expect(point.encoding!.x.scale.domain).toEqual([-CLIP, CLIP]);
    expect(Math.max(...point.encoding!.x.axis.values)).toBe(CLIP);
    expect(point.encoding!.x.title).toContain('axis ends at ±100 %');
    const labels = spec.layer.filter((layer) => layer.mark.type === 'text');
    expect(labels).toHaveLength(2);
    expect(labels[0].encoding!.text.field).toBe('clipped');
    const tooltip = point.encoding!.tooltip;
    expect(tooltip.map((t) => t.field)).toContain('share');
    expect(compileWarnings(spec as never)).toEqual([]);
  });

  it('keeps a chart of small changes as it was: axis to its data, no label drawn', () => {
    const small: CompareGroup = { ...group, rows: [group.rows[1]] };
    const spec = specOf(small);
    const point = spec.layer.find((layer) => layer.mark.type === 'point')!;
    const [low, high] = point.encoding!.x.scale.domain;
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.06, 12);
    expect(point.encoding!.x.title).not.toContain('axis ends');
    expect(spec.datasets.d.every((r) => r.clipped === '')).toBe(true);
    expect(compileWarnings(spec as never)).toEqual([]);
  });

  it('does not label a fall to zero whose mean of pairs reads a hair past −100 %', () => {
    const gone: CompareGroup = { ...group, rows: [row('wait.mean', 0.3, -0.3000000001, [-0.31, -0.29])] };
    const [only] = differenceRows(gone, scenarios);
    expect(only.x).toBe(-CLIP);
    expect(only.clipped).toBe('');
  });
});
