/**
 * End to end: the plan and headroom pages opened in headless Chromium (Debian's) draw every chart, log no
 * error or warning (vega's included) and request nothing. Screenshots land in reports/e2e/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHeadroomHtml } from '../../../src/report/html/headroom-page.js';
import { renderPlanHtml } from '../../../src/report/html/plan-page.js';
import { launchChromium, type Browser } from '../../helpers/browser.js';
import { watchPage } from '../../helpers/page-problems.js';
import { projectRoot } from '../../helpers/cli.js';
import { headroom, onePlan, twoPlan, unreachablePlan } from '../search-fixtures.js';

const outDir = join(projectRoot, 'reports', 'e2e');
const page = { wallSeconds: 12.3, description: 'A test.', version: 'test', generatedAt: new Date(0) };

describe('plan and headroom pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(outDir, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  const cases: Array<[string, string, number]> = [
    ['plan', renderPlanHtml({ plan: onePlan, ...page }), 2],
    ['plan-unreachable', renderPlanHtml({ plan: unreachablePlan, ...page }), 2],
    ['plan-two-parameters', renderPlanHtml({ plan: twoPlan, ...page }), 1],
    ['headroom', renderHeadroomHtml({ headroom, ...page }), 2],
  ];
  for (const [name, html, count] of cases) {
    it(`${name}: every chart draws its points and rules, with no error, warning or request`, async () => {
      const file = join(outDir, `${name}.html`);
      writeFileSync(file, html);
      const tab = await browser.context.newPage();
      const problems = watchPage(tab);
      await tab.goto(pathToFileURL(file).href);
      await tab.waitForSelector('html[data-charts-rendered]', { timeout: 30_000 });
      const charts = await tab.$$eval('.chart', (containers) =>
        containers.map((container) => ({
          id: container.id,
          failed: container.classList.contains('chart-error'),
          points: container.querySelectorAll('.mark-symbol.role-mark path').length,
          rules: container.querySelectorAll('.mark-rule.role-mark line').length,
        })),
      );
      expect(problems).toEqual([]);
      expect(charts).toHaveLength(count);
      for (const chart of charts) {
        expect(chart.failed, chart.id).toBe(false);
        expect(chart.points, chart.id).toBeGreaterThan(0);
        // CI bars, the SLO limit and (when there is one) the chosen point.
        expect(chart.rules, chart.id).toBeGreaterThan(chart.points);
      }
      await tab.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
      await tab.close();
    }, 60_000);
  }
});
