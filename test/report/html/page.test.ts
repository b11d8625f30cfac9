import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/model/run-result.js';
import { renderReportHtml } from '../../../src/report/html/index.js';
import { reportBody } from '../../../src/report/html/page.js';
import { QUEUE_FATES } from '../../../src/report/html/fates.js';
import { manyQueues, reportInputFor, threeQueues } from '../../helpers/report-input.js';

const input = reportInputFor(threeQueues, 'name: three-queues # </script><script>alert(1)</script>\n');
const html = renderReportHtml(input);

/** The text of the page without its <script> and <style> elements. */
function visibleMarkup(page: string): string {
  return page.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
}

describe('HTML report page', () => {
  it('is one self-contained file: no external scripts, styles, images or links, network forbidden by CSP', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(visibleMarkup(html)).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    // vega, vega-lite and vega-embed inlined, then the script that draws the charts.
    expect(html.match(/<script>/g)).toHaveLength(4);
    expect(html).toContain('vegaEmbed(container, spec, options)');
  });

  it('keeps every inlined script and JSON block closed only where it should be', () => {
    expect(html.match(/<script\b/gi)?.length).toBe(html.match(/<\/script>/gi)?.length);
    const json = html.match(/<script type="application\/json" id="queuesim-charts">([\s\S]*?)<\/script>/);
    expect(json).not.toBeNull();
    expect(json![1]).not.toContain('<');
    expect(() => JSON.parse(json![1])).not.toThrow();
  });

  it('escapes text from the scenario: description and YAML source', () => {
    expect(html).toContain('&lt;b&gt;not bold&lt;/b&gt;');
    expect(html).toContain('# &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<b>not bold</b>');
  });

  it('has the header facts, one section per queue and the scenario source collapsed', () => {
    const page = visibleMarkup(html);
    expect(page).toContain('<h1>three-queues</h1>');
    for (const fact of ['Seed', 'Measured', 'Warm-up', 'Replications', 'queuesim', 'Ran']) {
      expect(page).toContain(`<dt>${fact}</dt>`);
    }
    expect(page).toContain('<dd>0.0.0-test</dd>');
    expect(page).toContain('<dd>27 Nov 2026, 09:30 UTC</dd>');
    expect(page).toContain('<dd>10min</dd>');
    for (const name of ['orders', 'payments', 'archive'])
      expect(page).toMatch(new RegExp(`<section class="card queue" id="queue-\\d-${name}"`));
    expect(page).toMatch(/<details>\s*<summary><h2>Scenario file<\/h2>/);
  });

  it('draws the topology with every producer and queue, and outlines the bottleneck only', () => {
    const svg = html.match(/<svg class="topology"[\s\S]*?<\/svg>/)![0];
    for (const name of ['web', 'mobile', 'checkout', 'exports', 'orders', 'payments', 'archive']) {
      expect(svg).toContain(`>${name}</text>`);
    }
    // payments refuses messages: it is the bottleneck (one box: the queue with its consumer pool).
    expect(svg.match(/topo-bottleneck/g)).toHaveLength(1);
    expect(svg).toMatch(/href="#queue-1-payments" class="topo-node topo-queue topo-bottleneck"/);
    expect(svg).toContain('BOTTLENECK');
    expect(html).toMatch(/Bottleneck: <a href="#queue-1-payments">payments<\/a>/);
  });

  it('accounts for every message in "where the messages went": arrivals plus those present at the start', () => {
    for (const queue of Object.values(input.result.queues)) {
      const total = QUEUE_FATES.reduce((sum, fate) => sum + fate.count(queue), 0);
      const present =
        queue.queuedAtStart + queue.inServiceAtStart + queue.bufferedAtStart + queue.delayedAtStart;
      expect(total).toBe(queue.arrivals + queue.timeouts + present);
    }
    // The per-queue table comes after the per-producer one; fates that never happened are left out.
    const tables = html.match(/<table class="data fates-table">[\s\S]*?<\/table>/g)!;
    expect(tables).toHaveLength(2);
    const [flows, queues] = tables;
    for (const label of ['Completed', 'Rejected (full)', 'Waiting at the end'])
      expect(queues).toContain(label);
    expect(queues).not.toContain('Expired (TTL)');
    expect(queues.match(/<tr>/g)).toHaveLength(1 + 3);
    expect(flows.match(/<tr>/g)).toHaveLength(1 + 4);
    expect(flows).toContain('Rejected (full)');
  });

  it("shows the queue's own analytic estimate (result.analytic) beside the simulated values", () => {
    const body = reportBody(input).html;
    expect(body).toContain('<th scope="col">Theory<span class="model">M/M/2</span></th>');
    expect(body).toContain('M/M/3/8');
    expect(body).toContain('M/M/c with Erlang C');
    const archive = body.slice(body.indexOf('id="queue-2-archive"'));
    expect(archive).not.toContain('<th scope="col">Theory');
    expect(archive).toContain('No analytic estimate: no consumers: messages only accumulate.');
  });

  it('flags theory values the simulation disagrees with (the outside list)', () => {
    const result: RunResult = structuredClone(input.result);
    const orders = result.queues.orders.analytic!;
    if (orders.model === null) throw new Error('orders should have an estimate');
    orders.outside = ['wait.mean'];
    const body = reportBody({ ...input, result }).html;
    const section = body.slice(body.indexOf('id="queue-0-orders"'), body.indexOf('id="queue-1-payments"'));
    expect(section.match(/<td class="theory outside"/g)).toHaveLength(1);
    expect(section).toContain("outside the estimate's plausible range (wait.mean)");
  });

  it('shows 95 % confidence intervals when the result has ci95, and no CI column otherwise', () => {
    expect(html).not.toContain('95 % CI');
    const result: RunResult = structuredClone(input.result);
    result.queues.orders.ci95 = {
      throughput: [17.91, 18.24],
      'sojourn.p99': [0.4123, 0.5004],
      utilization: [0.7, 0.75],
    };
    (result as RunResult & { replications: number }).replications = 8;
    const withCi = reportBody({ ...input, result }).html;
    const orders = withCi.slice(
      withCi.indexOf('id="queue-0-orders"'),
      withCi.indexOf('id="queue-1-payments"'),
    );
    expect(orders).toContain('<th scope="col">Simulated<span class="model">95 % CI</span></th>');
    expect(orders).toContain('<span class="ci">17.91 – 18.24</span>');
    expect(orders).toContain('<span class="ci">412ms – 500ms</span>');
    expect(orders).toContain('<span class="ci">70% – 75%</span>');
    expect(withCi).toContain('<dt>Replications</dt><dd>8</dd>');
    const payments = withCi.slice(withCi.indexOf('id="queue-1-payments"'));
    expect(payments).not.toContain('95 % CI');
  });

  it('stays under 3 MB for a 10-queue run', () => {
    const tenQueues = renderReportHtml(reportInputFor(manyQueues(10, 3600)));
    const bytes = Buffer.byteLength(tenQueues, 'utf8');
    expect(bytes).toBeLessThan(3 * 1024 * 1024);
    expect(tenQueues.match(/<section class="card queue"/g)).toHaveLength(10);
  });
});
