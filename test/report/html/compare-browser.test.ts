/** End to end: a compare report opened in headless Chromium draws every chart and fits a 1280 px window. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCompareHtml } from '../../../src/report/html/compare-page.js';
import { launchChromium, type Browser } from '../../helpers/browser.js';
import { watchPage } from '../../helpers/page-problems.js';
import { projectRoot } from '../../helpers/cli.js';
import { compareExample, compareRoutesExample } from '../../helpers/compare-example.js';

const outDir = join(projectRoot, 'reports', 'e2e');

describe('compare report in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ width: 1280, height: 900 });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** Writes the compare page of `compare` as `fileName`, opens it and waits for its charts. */
  async function openComparePage(compare: Awaited<ReturnType<typeof compareExample>>, fileName: string) {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, fileName);
    writeFileSync(
      file,
      renderCompareHtml({ compare, description: '', version: 'test', generatedAt: new Date(0) }),
    );
    const page = await browser.context.newPage();
    const problems = watchPage(page);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-charts-rendered]', { timeout: 30_000 });
    return { page, problems };
  }

  it('draws the differences of every queue and flow without a warning, as wide as the window', async () => {
    const { page, problems } = await openComparePage(await compareExample(), 'compare.html');
    const charts = await page.$$eval('.chart', (containers) =>
      containers.map((container) => ({
        id: container.id,
        failed: container.classList.contains('chart-error'),
        points: container.querySelectorAll('.mark-symbol.role-mark path').length,
      })),
    );
    expect(problems).toEqual([]);
    // orders and the flow shop have differences to draw; the dead-letter queue's baseline is its only
    // metric and has a chart too.
    expect(charts.map((chart) => chart.id)).toEqual([
      'compare-queue-orders-differences',
      'compare-queue-orders-dlq-differences',
      'compare-flow-shop-differences',
    ]);
    for (const chart of charts) {
      expect(chart.failed, chart.id).toBe(false);
      expect(chart.points, chart.id).toBeGreaterThan(0);
    }
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(outDir, 'compare.png'), fullPage: true });
  }, 60_000);

  it('draws per-route differences and a difference past the axis, labelled, without a warning', async () => {
    const { page, problems } = await openComparePage(await compareRoutesExample(), 'compare-routes.html');
    expect(problems).toEqual([]);
    const ids = await page.$$eval('.chart', (containers) => containers.map((container) => container.id));
    expect(ids).toContain('compare-route-shop-intake-fast-differences');
    expect(ids).toContain('compare-route-shop-intake-slow-v2-differences');
    // queue fast with one consumer instead of two: its mean wait grows by far more than 100 %.
    const labels = await page.$$eval('#compare-queue-fast-differences .mark-text.role-mark text', (texts) =>
      texts.map((text) => text.textContent ?? ''),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^\+\d{3,}%$/);
    await page.screenshot({ path: join(outDir, 'compare-routes.png'), fullPage: true });
  }, 60_000);
});
