/**
 * One definition of a percentile across the table and the charts (issue 18, item 11): the p50/p95/p99
 * markers of the sojourn histogram are the summary table's values — with replications too, where the
 * histogram pools every replication — and the caption says so.
 */
import { describe, expect, it } from 'vitest';
import { reportBody } from '../../../src/report/html/page.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

interface Mark {
  label: string;
  value: number;
}

/** The percentile marks drawn on queue 0's sojourn histogram. */
function histogramMarks(body: ReturnType<typeof reportBody>): Mark[] {
  const chart = body.charts.find((entry) => entry.id === 'chart-0-histogram');
  const layers = (chart?.spec as { layer: { data?: { values?: Mark[] } }[] }).layer;
  return layers.find((layer) => Array.isArray(layer.data?.values))!.data!.values!;
}

describe('sojourn histogram markers', () => {
  it('mark the table’s percentiles, not a second estimate from the pooled histogram', () => {
    const input = reportInputFor(threeQueues);
    // As after replications: the table's percentiles (here set apart from the histogram's own) are what is marked.
    const queue = Object.values(input.result.queues)[0];
    const table = { ...queue.sojourn, p50: 0.0123, p95: 0.0456, p99: 0.0789 };
    input.result = {
      ...input.result,
      replications: 3,
      queues: { ...input.result.queues, [Object.keys(input.result.queues)[0]]: { ...queue, sojourn: table } },
    };
    const body = reportBody(input);
    const marks = histogramMarks(body);
    expect(marks.map((mark) => mark.label.split(' ')[0])).toEqual(['p50', 'p95', 'p99']);
    // Whatever the chart's unit, the marks stand in the table's proportions.
    expect(marks[1].value / marks[0].value).toBeCloseTo(0.0456 / 0.0123, 12);
    expect(marks[2].value / marks[0].value).toBeCloseTo(0.0789 / 0.0123, 12);
    expect(body.html).toContain('marked at the summary table');
    expect(body.html).toContain('of all 3 replications');
  });

  it('draw each label on a white outline, so rules and curves do not cut through it', () => {
    const body = reportBody(reportInputFor(threeQueues));
    const chart = body.charts.find((entry) => entry.id === 'chart-0-histogram')!;
    const marks = (
      chart.spec as unknown as {
        layer: Array<{ layer?: Array<{ mark: { type: string; stroke?: string } }> }>;
      }
    ).layer
      .flatMap((layer) => layer.layer ?? [])
      .filter((layer) => layer.mark.type === 'text');
    expect(marks.map((mark) => mark.mark.stroke ?? 'none')).toEqual(['white', 'white', 'none', 'none']);
  });
});

describe('sojourn histogram bars', () => {
  it('read as a share of messages per bar: no bar above 100 %, and the bars add up to 100 %', () => {
    const body = reportBody(reportInputFor(threeQueues));
    const chart = body.charts.find((entry) => entry.id === 'chart-0-histogram')!;
    const rows = Object.values(
      (chart.spec as unknown as { datasets: Record<string, Array<{ density: number; share: number }>> })
        .datasets,
    )[0];
    expect(rows.length).toBeGreaterThan(10);
    expect(Math.max(...rows.map((row) => row.density))).toBeLessThanOrEqual(1);
    // A bucket spans 1/8 of its power of two linearly, so 0.75 to 1.36 of the mean ⅛-doubling on the log axis.
    for (const row of rows) expect(row.density / row.share).toBeGreaterThan(0.7);
    for (const row of rows) expect(row.density / row.share).toBeLessThan(1.4);
    expect(rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 9);
  });
});
