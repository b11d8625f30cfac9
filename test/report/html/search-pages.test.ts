/**
 * The plan and headroom pages: the verdict before the evidence, a chart per SLO that compiles without a
 * vega-lite warning, and a table row per evaluated point.
 */
import { compileWarnings } from '../../helpers/vega-warnings.js';
import { describe, expect, it } from 'vitest';
import { headroomBody, renderHeadroomHtml } from '../../../src/report/html/headroom-page.js';
import { planBody, renderPlanHtml } from '../../../src/report/html/plan-page.js';
import { sloAxisTitle } from '../../../src/report/html/charts/search.js';
import type { Fragment } from '../../../src/report/html/fragment.js';
import {
  headroom,
  onePlan,
  routedPlan,
  routedUnreachable,
  twoPlan,
  unreachablePlan,
} from '../search-fixtures.js';

const page = { wallSeconds: 12.3, description: 'A test.', version: 'test', generatedAt: new Date(0) };

/** Every chart compiles cleanly and has its container in the page. */
function expectCleanCharts(body: Fragment, count: number) {
  expect(body.charts).toHaveLength(count);
  for (const { id, spec } of body.charts) {
    expect(compileWarnings(spec), id).toEqual([]);
    expect(body.html).toContain(`id="${id}"`);
  }
}

describe('plan page', () => {
  it('puts the recommendation, the binding SLO and the runner-up before the evidence', () => {
    const html = renderPlanHtml({ plan: onePlan, ...page });
    const verdict = html.indexOf('queues.q.consumers = 4 meets every SLO at the written load');
    expect(verdict).toBeGreaterThan(0);
    expect(html).toContain('class="verdict verdict-ok"');
    expect(html).toContain('The SLO that binds: queues.q.utilization');
    expect(html).toContain('Runner-up: queues.q.consumers = 3');
    expect(verdict).toBeLessThan(html.indexOf('class="chart"'));
    expect(html.match(/<tr><td>/g)).toHaveLength(4);
    expect(html).toContain('<strong>recommended</strong>');
    expect(html).toContain('<strong>runner-up</strong>');
  });

  it('shows end-to-end latency per route at the recommended setting, after the SLOs, with its chart', () => {
    const body = planBody({ plan: routedPlan, ...page });
    const section = body.html.slice(body.html.indexOf('id="routes"'));
    expect(body.html.indexOf('<h2>SLOs</h2>')).toBeLessThan(body.html.indexOf('id="routes"'));
    expect(section).toContain(
      '<h2>End to end, per route at the recommendation (queues.q.consumers = 4)</h2>',
    );
    expect(section).toMatch(
      /<th scope="row">web → q → slow\.v2<\/th><td>300<\/td><td>30%<\/td><td>600ms<span class="ci">540ms – 660ms<\/span><\/td><td>500ms<span class="ci">450ms – 550ms<\/span><\/td><td>1\.5s/,
    );
    expectCleanCharts(body, 3);
    expect(body.charts.map((chart) => chart.id)).toContain('chart-route-latency');
    // No routes, no card; none met: the largest setting tried, said so.
    expect(planBody({ plan: onePlan, ...page }).html).not.toContain('id="routes"');
    expect(planBody({ plan: routedUnreachable, ...page }).html).toContain(
      'End to end, per route at the largest setting tried (queues.q.consumers = 6)',
    );
  });

  it('draws one chart per SLO against the parameter, compiling without warnings', () => {
    const body = planBody({ plan: onePlan, ...page });
    expectCleanCharts(body, 2);
    const spec = body.charts[0].spec as unknown as { layer: Array<{ mark: { type: string } }> };
    // The line through the points, CI bars, points, the SLO limit, the recommendation.
    expect(spec.layer.map((layer) => layer.mark.type)).toEqual(['line', 'rule', 'point', 'rule', 'rule']);
  });

  it('shows why when no value meets the SLOs, in red', () => {
    const html = renderPlanHtml({ plan: unreachablePlan, ...page });
    expect(html).toContain('class="verdict verdict-bad"');
    expect(html).toContain('no value of queues.q.consumers meets every SLO');
    expect(html).toContain('Why: queues.q.sojourn.p99 still fails at queues.q.consumers = 6');
    expect(html).toContain('<strong>largest tried</strong>');
    expectCleanCharts(planBody({ plan: unreachablePlan, ...page }), 2);
  });

  it('plots several parameters against the total cost, with a column per parameter', () => {
    const body = planBody({ plan: twoPlan, ...page });
    expectCleanCharts(body, 1);
    expect(body.html).toContain('(cost 9) meets every SLO');
    expect(body.html).toContain('<th>queues.a.consumers</th><th>queues.b.consumers</th><th>cost</th>');
    const spec = body.charts[0].spec as unknown as {
      layer: Array<{ mark: { type: string }; encoding?: { x?: { axis?: { tickMinStep?: number } } } }>;
    };
    expect(spec.layer.map((layer) => layer.mark.type)).toEqual(['rule', 'point', 'rule', 'rule']);
    // Whole unit costs: the cost axis has whole ticks only.
    expect(JSON.stringify(spec)).toContain('"tickMinStep":1');
  });
});

describe('headroom page', () => {
  it('says the headroom and what breaks first, then each SLO against the load', () => {
    // The page escapes the apostrophe of "today's".
    const html = renderHeadroomHtml({ headroom, ...page }).replaceAll('&#39;', "'");
    expect(html).toContain("headroom 2.2× today's traffic");
    expect(html).toContain("at 2.4× today's traffic, queues.q.utilization exceeds 70%");
    expect(html).toContain('class="verdict verdict-ok"');
    expect(html.match(/<tr><td>/g)).toHaveLength(5);
    expect(html).toContain('<strong>headroom</strong>');
    expect(html).toContain('<strong>fails at</strong>');
  });

  it('draws each SLO on a log load axis with its limit, compiling without warnings', () => {
    const body = headroomBody({ headroom, ...page });
    expectCleanCharts(body, 2);
    const spec = body.charts[1].spec as unknown as {
      layer: Array<{ mark: { type: string }; encoding: { x?: { scale?: { type?: string } } } }>;
    };
    expect(spec.layer[0].encoding.x?.scale?.type).toBe('log');
    expect(spec.layer.map((layer) => layer.mark.type)).toEqual(['line', 'rule', 'point', 'rule', 'rule']);
  });
});

describe('sloAxisTitle', () => {
  it('names the metric in words with its unit', () => {
    expect(sloAxisTitle({ target: 'queues.q.sojourn.p99', unit: 'seconds' })).toBe('p99 sojourn (s)');
    expect(sloAxisTitle({ target: 'flows.checkout.endToEnd.p99', unit: 'seconds' })).toBe('p99 endToEnd (s)');
    expect(sloAxisTitle({ target: 'queues.q.utilization', unit: 'fraction' })).toBe('utilization');
  });
});
