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
});
