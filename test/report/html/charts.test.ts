/**
 * Every chart of a report is a valid vega-lite spec: it compiles with no warning (a warning means vega-lite
 * dropped or changed part of what we asked for), and its container exists in the page.
 */
import { compileWarnings } from '../../helpers/vega-warnings.js';
import { describe, expect, it } from 'vitest';
import { chartPayload, reportBody } from '../../../src/report/html/page.js';
import { logTicks } from '../../../src/report/html/charts/latency.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

describe('report charts', () => {
  const input = reportInputFor(threeQueues);
  const body = reportBody(input);

  it('has the overview charts and, per queue, the charts its data allows', () => {
    const ids = body.charts.map((chart) => chart.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('chart-utilization');
    expect(ids).toContain('chart-fates');
    // orders and payments: depth, rates, busy, histogram, cdf; archive (no consumers): depth and rates.
    expect(ids.filter((id) => id.startsWith('chart-0-'))).toHaveLength(5);
    expect(ids.filter((id) => id.startsWith('chart-1-'))).toHaveLength(5);
    expect(ids.filter((id) => id.startsWith('chart-2-'))).toEqual(['chart-2-depth', 'chart-2-rates']);
  });

  it('compiles every spec without a warning', () => {
    for (const { id, spec } of body.charts) {
      expect(compileWarnings(spec), id).toEqual([]);
    }
  });

  it('has a container in the page for every chart', () => {
    for (const { id } of body.charts) expect(body.html).toContain(`id="${id}"`);
    expect(body.html.match(/class="chart"/g)).toHaveLength(body.charts.length);
  });

  it('stores data shared by several charts once', () => {
    const payload = chartPayload(body.charts, 'x');
    const seriesUsers = payload.charts.filter((chart) => chart.datasets.includes('series_0'));
    expect(seriesUsers).toHaveLength(3);
    expect(payload.charts.every((chart) => !('datasets' in chart.spec))).toBe(true);
    expect(Object.keys(payload.datasets)).toContain('series_0');
  });

  it('draws the time series as steps covering the whole measured interval in the chosen unit', () => {
    const payload = chartPayload(body.charts, 'x');
    const rows = payload.datasets.series_0 as Array<{ t: number; t2: number }>;
    expect(rows).toHaveLength(501);
    expect(rows[0]).toMatchObject({ t: 0, t2: 0.02 }); // 1.2 s bins, in minutes
    expect(rows[rows.length - 1].t2).toBe(rows[rows.length - 1].t); // the closing row has no width
    expect(rows[rows.length - 1].t).toBeCloseTo(10, 9); // 600 s in minutes
  });

  it('puts log-axis ticks on 1-2-5 steps, or powers of ten over a wide range', () => {
    expect(logTicks(0.03, 3)).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2]);
    expect(logTicks(1e-4, 10)).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10]);
    expect(logTicks(0, 1)).toEqual([]);
  });
});
