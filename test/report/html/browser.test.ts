/**
 * End to end: reports opened from disk in headless Chromium (Debian's, driven by playwright-core). Every
 * chart must draw marks, the page must log no error or warning (Vega's included) and request nothing from
 * the network.
 * Screenshots land in reports/e2e/ (git-ignored) for a developer to look at.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/model/run-result.js';
import { renderReportHtml, type ReportInput } from '../../../src/report/html/index.js';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import { launchChromium, type Browser } from '../../helpers/browser.js';
import { projectRoot } from '../../helpers/cli.js';
import { watchPage } from '../../helpers/page-problems.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

const outDir = join(projectRoot, 'reports', 'e2e');

/** A shipped scenario, as `queuesim run` would report it. */
async function shippedReport(name: string): Promise<ReportInput> {
  const path = join(projectRoot, 'scenarios', `${name}.yaml`);
  const { scenario } = await loadScenarioFile(path);
  const { readFile } = await import('node:fs/promises');
  return {
    ...reportInputFor(scenario),
    scenarioSource: { path: `scenarios/${name}.yaml`, text: await readFile(path, 'utf8') },
  };
}

/** Three queues, with confidence intervals as a replicated run gives them. */
function replicatedReport(): ReportInput {
  const input = reportInputFor(threeQueues);
  const result: RunResult & { replications: number } = { ...structuredClone(input.result), replications: 10 };
  for (const queue of Object.values(result.queues)) {
    queue.ci95 = {
      throughput: [queue.throughput * 0.98, queue.throughput * 1.02],
      'sojourn.p99': [(queue.sojourn.p99 ?? 0) * 0.9, (queue.sojourn.p99 ?? 0) * 1.1],
    };
  }
  return { ...input, result };
}

describe('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(outDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  const cases: Array<[string, () => Promise<ReportInput> | ReportInput]> = [
    // Drops and two producers into one queue.
    ['payment-authorisations', () => shippedReport('payment-authorisations')],
    // A fanout exchange, `then` routes and a dead-letter queue (the README's screenshot).
    ['order-pipeline', () => shippedReport('order-pipeline')],
    ['three-queues-replicated', replicatedReport],
    // An autoscaled pool: consumers over time against the queue depth.
    ['keda-autoscaled', () => shippedReport('keda-autoscaled')],
    // A topic with skewed keys: the per-partition lag chart.
    ['kafka-skewed-keys', () => shippedReport('kafka-skewed-keys')],
  ];
  for (const [name, makeInput] of cases) {
    it(`${name}: every chart draws marks, with no error, warning or network request`, async () => {
      const input = await makeInput();
      const file = join(outDir, `${name}.html`);
      writeFileSync(file, renderReportHtml(input));

      const page = await browser.context.newPage();
      const problems = watchPage(page);
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('html[data-charts-rendered]', { timeout: 30_000 });

      const charts = await page.$$eval('.chart', (containers) =>
        containers.map((container) => {
          // Data marks (not axes or legends); a shape whose geometry vega could not compute has no `d`.
          const shapes = [...container.querySelectorAll('.role-mark path')].map(
            (path) => path.getAttribute('d') ?? '',
          );
          return {
            id: container.id,
            drawn: container.querySelector('svg.marks, canvas') !== null,
            marks: shapes.filter((d) => d.length > 0 && !d.includes('NaN')).length,
            broken: shapes.filter((d) => d.length === 0 || d.includes('NaN')).length,
            failed: container.classList.contains('chart-error'),
          };
        }),
      );
      expect(charts.length).toBeGreaterThanOrEqual(6);
      for (const chart of charts) {
        expect(chart, chart.id).toMatchObject({ drawn: true, failed: false, broken: 0 });
        expect(chart.marks, `${chart.id} has no marks`).toBeGreaterThan(0);
      }
      expect(await page.getAttribute('html', 'data-charts-rendered')).toBe(String(charts.length));
      expect(await page.locator('svg.topology .topo-node').count()).toBeGreaterThanOrEqual(2);
      if (name === 'order-pipeline') {
        expect(await page.locator('svg.topology .topo-exchange').count()).toBe(1);
        expect(await page.locator('svg.topology .topo-dead-letter').count()).toBe(1);
        expect(await page.locator('#chart-flow-fates svg.marks').count()).toBe(1);
      }
      if (name === 'kafka-skewed-keys') {
        expect(await page.locator('.chart[id$="-partitions"] svg.marks').count()).toBe(1);
      }
      if (name === 'keda-autoscaled') {
        expect(await page.locator('.chart[id$="-consumers"] svg.marks').count()).toBe(1);
        expect(await page.locator('.chart[id$="-busy"]').count()).toBe(0);
      }
      if (name.endsWith('replicated')) {
        expect(await page.locator('th', { hasText: '95 % CI' }).count()).toBe(3);
      }
      // Tooltips: pointing at a chart over time shows that bin's values.
      const depth = page.locator('.chart[id$="-depth"]').first();
      await depth.scrollIntoViewIfNeeded();
      const box = (await depth.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 4 });
      await expect
        .poll(() => page.locator('#vg-tooltip-element.visible').textContent())
        .toContain('Waiting (average)');

      expect(problems).toEqual([]);

      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
      await page.close();
    });
  }
});
