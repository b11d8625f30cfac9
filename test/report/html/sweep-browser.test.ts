/** End to end: a sweep report opened in headless Chromium draws every chart, without errors or requests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialRunner } from '../../../src/analysis/replications.js';
import { runSweep } from '../../../src/analysis/sweep.js';
import { renderSweepHtml } from '../../../src/report/html/sweep-page.js';
import { parseScenario } from '../../../src/scenario/index.js';
import { parseParameters } from '../../../src/scenario/parameters.js';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from '../../helpers/browser.js';
import { projectRoot } from '../../helpers/cli.js';
import { watchPage } from '../../helpers/page-problems.js';

const outDir = join(projectRoot, 'reports', 'e2e');

describe('sweep report in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    // The narrowest window the page is made for: every table must fit it whole.
    browser = await launchChromium({ width: 1280, height: 900 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws a band, a line and an SLO rule in every chart', async () => {
    const { scenario } = parseScenario(
      `name: sweep-e2e
duration: 6m
replications: 3
producers:
  - { name: p, to: q, rate: 30/s }
queues:
  - { name: q, capacity: 20, consumers: 1, service: { distribution: exponential, mean: 40ms } }
slo:
  - { queue: q, metric: sojourn.p99, max: 250ms }
  - { queue: q, metric: utilization, max: 60% }
`,
      'test.yaml',
    );
    const parameters = parseParameters(scenario, ['queues.q.consumers=2..5', 'queues.q.capacity=5,50']);
    const { result } = await runSweep(scenario, parameters, { runner: serialRunner() });
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'sweep.html');
    writeFileSync(
      file,
      renderSweepHtml({ sweep: result, description: '', version: 'test', generatedAt: new Date(0) }),
    );

    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts-rendered]', { timeout: 30_000 });
    const charts = await page.$$eval('.chart', (containers) =>
      containers.map((container) => ({
        id: container.id,
        failed: container.classList.contains('chart-error'),
        marks: container.querySelectorAll('.role-mark path').length,
        rules: container.querySelectorAll('.mark-rule.role-mark line').length,
      })),
    );
    expect(problems).toEqual([]);
    expect(charts).toHaveLength(5); // one per headline metric, consumer-hours included;
    for (const chart of charts) {
      expect(chart.failed, chart.id).toBe(false);
      expect(chart.marks, chart.id).toBeGreaterThan(0);
    }
    const withRules = charts.filter((chart) => chart.rules > 0).map((chart) => chart.id);
    expect(withRules).toEqual(['sweep-q-utilization', 'sweep-q-sojourn-p99']);
    expect(await tableOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(outDir, 'sweep.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('a single-run sweep draws without a Vega warning, its lines told apart by dashes', async () => {
    const { scenario } = parseScenario(
      `name: sweep-single
duration: 2m
producers:
  - { name: p, to: q, rate: 30/s }
queues:
  - { name: q, capacity: 20, consumers: 1, service: { distribution: exponential, mean: 40ms } }
slo:
  - { queue: q, metric: sojourn.p99, max: 250ms }
`,
      'test.yaml',
    );
    const parameters = parseParameters(scenario, ['queues.q.consumers=2..4', 'queues.q.capacity=5,50']);
    const { result } = await runSweep(scenario, parameters, { runner: serialRunner() });
    const file = join(outDir, 'sweep-single.html');
    writeFileSync(
      file,
      renderSweepHtml({ sweep: result, description: '', version: 'test', generatedAt: new Date(0) }),
    );
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts-rendered]', { timeout: 30_000 });
    expect(problems).toEqual([]);
    // The second parameter's values: solid and dashed lines, so one hidden under the other still shows.
    const dashes = await page.$$eval('#sweep-q-utilization .mark-line path', (paths) =>
      paths.map((path) => path.getAttribute('stroke-dasharray') ?? 'solid'),
    );
    expect(new Set(dashes).size).toBe(2);
    expect(await tableOverflow(page)).toEqual([]);
    await page.screenshot({ path: join(outDir, 'sweep-single.png'), fullPage: true });
    await page.close();
  }, 60_000);
});

/** Tables wider than their box (cut or scrolled): none may be at the window the browser opened. */
async function tableOverflow(page: Page): Promise<string[]> {
  return page.$$eval('.table-scroll', (boxes) =>
    boxes
      .filter((box) => box.scrollWidth > box.clientWidth + 1)
      .map((box) => box.textContent?.slice(0, 40) ?? ''),
  );
}
