/** The run report's per-route card: a row and a chart point per route, clean vega-lite, none without routes. */
import { describe, expect, it } from 'vitest';
import { reportBody } from '../../../src/report/html/page.js';
import { routeLatencyChart } from '../../../src/report/html/charts/routes.js';
import { routesSection } from '../../../src/report/html/sections/routes.js';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { projectRoot } from '../../helpers/cli.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';
import { compileWarnings } from '../../helpers/vega-warnings.js';

describe('per-route card of the run report', () => {
  it('shows every route of order-pipeline with its percentiles, in a chart that compiles cleanly', async () => {
    const { scenario } = await loadScenarioFile(`${projectRoot}/scenarios/order-pipeline.yaml`);
    const input = reportInputFor({ ...scenario, durationSeconds: 300 });
    const routes = Object.keys(input.result.routes!);
    expect(routes).toEqual([
      'checkout → billing → ledger',
      'checkout → billing → fraud-check',
      'checkout → email',
    ]);
    const section = routesSection(input.result);
    for (const name of routes) expect(section.html).toContain(`<th scope="row">${name}</th>`);
    expect(section.html).toContain('loss account');
    const body = reportBody(input);
    const chart = body.charts.find((entry) => entry.id === 'chart-route-latency');
    expect(chart).toBeDefined();
    expect(compileWarnings(chart!.spec)).toEqual([]);
    expect(body.html).toContain('id="routes"');
  });

  it('draws a route with no percentiles without a warning', () => {
    const spec = routeLatencyChart([
      { name: 'a → b', p50: 0.1, p95: 0.2, p99: 0.3 },
      { name: 'a → c', p50: null, p95: null, p99: null },
    ]);
    expect(compileWarnings(spec)).toEqual([]);
  });

  it('is left out of a report whose scenario has no `then` routes', () => {
    const body = reportBody(reportInputFor(threeQueues));
    expect(body.html).not.toContain('id="routes"');
    expect(body.charts.map((chart) => chart.id)).not.toContain('chart-route-latency');
  });
});
