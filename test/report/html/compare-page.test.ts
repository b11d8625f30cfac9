/** The compare page: verdict first, the differences with their CIs, charts that compile without a warning. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../src/analysis/compare.js';
import { compareBody, renderCompareHtml } from '../../../src/report/html/compare-page.js';
import { compareExample, compareRoutesExample } from '../../helpers/compare-example.js';
import { compileWarnings } from '../../helpers/vega-warnings.js';

describe('compare page', () => {
  let compare: CompareResult;
  let html: string;
  beforeAll(async () => {
    compare = await compareExample();
    html = renderCompareHtml({ compare, description: 'why', version: 'test', generatedAt: new Date(0) });
  }, 60_000);

  it('opens with the verdict: each later scenario against the SLOs and its significant differences', () => {
    const verdict = html.indexOf('id="verdict"');
    expect(verdict).toBeGreaterThan(0);
    expect(verdict).toBeLessThan(html.indexOf('id="compare-queue-orders"'));
    expect(html).toContain(
      '<strong>two-consumers</strong> meets every SLO; checkout-compare fails 1 of 2 SLOs (queues.orders.sojourn.p99).',
    );
    expect(html).toMatch(/<li>p99 sojourn at queue orders: −[\d.]+ms \[−[\d.]+m?s, −[\d.]+ms\]<\/li>/);
    expect(html).toMatch(/<td class="slo-fail"><span class="slo-verdict">fail<\/span>/);
  });

  it('shows every scenario side by side with the paired differences and their CIs', () => {
    const p99 = compare.differences[0].metrics.find((m) => m.target === 'queues.orders.sojourn.p99')!;
    expect(p99.significant).toBe(true);
    const section = html.slice(
      html.indexOf('id="compare-queue-orders"'),
      html.indexOf('id="compare-queue-orders-dlq"'),
    );
    expect(section).toContain('<th>checkout-compare</th><th>two-consumers</th><th>three-consumers</th>');
    expect(section).toMatch(
      /<th>p99 sojourn<\/th><td>[\d.]+s<\/td><td>[\d.]+ms<span class="ci"><strong>−[\d.]+ms \*<\/strong> \[/,
    );
  });

  it('has the loss account, latency percentiles and consumer cost', () => {
    expect(html).toContain('queue orders: dead-lettered');
    expect(html).toContain('queue orders: sojourn p95');
    expect(html).toContain('flow shop: end-to-end p99');
    expect(html).toMatch(
      /<th><strong>all queues<\/strong><\/th><td><strong>0\.05<\/strong><\/td><td><strong>0\.1<\/strong><\/td><td><strong>0\.15<\/strong>/,
    );
  });

  it('embeds a chart of the differences per queue and flow, each compiling without a warning', () => {
    const { charts } = compareBody({ compare, description: '', version: 'test', generatedAt: new Date(0) });
    expect(charts.map((chart) => chart.id)).toEqual([
      'compare-queue-orders-differences',
      'compare-queue-orders-dlq-differences',
      'compare-flow-shop-differences',
    ]);
    for (const chart of charts) expect(compileWarnings(chart.spec), chart.id).toEqual([]);
    expect(html).toContain('"compare-queue-orders-differences"');
  });

  it('compares each route end to end (p50, p95, p99) with the paired differences, a chart and the pooled percentiles', async () => {
    const routed = await compareRoutesExample();
    const input = { compare: routed, description: '', version: 'test', generatedAt: new Date(0) };
    const page = renderCompareHtml(input);
    const section = page.slice(
      page.indexOf('id="compare-route-shop-intake-fast"'),
      page.indexOf('id="compare-route-shop-intake-slow-v2"'),
    );
    expect(section).toContain('<h2>route shop → intake → fast</h2>');
    for (const p of ['p50', 'p95', 'p99']) {
      expect(section).toMatch(
        new RegExp(`<th>${p} end-to-end</th><td>[\\d.]+m?s</td><td>[\\d.]+m?s<span class="ci">`),
      );
    }
    // p50 falls significantly with a second intake consumer: bold, with its CI.
    expect(section).toMatch(/<th>p50 end-to-end<\/th>.*?<strong>−[\d.]+ms \*<\/strong> \[−/);
    expect(page).toContain('route shop → intake → slow.v2: end-to-end p99');
    const { charts } = compareBody(input);
    const routeCharts = charts.filter((chart) => chart.id.startsWith('compare-route-'));
    expect(routeCharts.map((chart) => chart.id)).toEqual([
      'compare-route-shop-intake-fast-differences',
      'compare-route-shop-intake-slow-v2-differences',
    ]);
    for (const chart of routeCharts) expect(compileWarnings(chart.spec), chart.id).toEqual([]);
  }, 60_000);
});
