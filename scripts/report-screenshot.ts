// `npm run screenshot`: regenerates docs/report-screenshot.png, the README's picture of a report, from the
// shipped order-pipeline scenario, rendered by Debian's Chromium as the browser test does.
import { mkdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeRunReport } from '../src/cli/report-files.js';
import { withAnalyticEstimates } from '../src/analysis/compare-analytic.js';
import { simulate } from '../src/model/simulate.js';
import { loadScenarioFile } from '../src/scenario/index.js';
import { launchChromium } from '../test/helpers/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const scenarioPath = 'scenarios/order-pipeline.yaml';
const output = 'docs/report-screenshot.png';

const { scenario } = await loadScenarioFile(scenarioPath);
const result = withAnalyticEstimates(simulate(scenario).result, scenario);
const html = await writeRunReport({ dir: `reports/${scenario.name}`, scenario, scenarioPath, result });

const browser = await launchChromium({ width: 1200, height: 900 });
try {
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(`${root}${html}`).href);
  await page.waitForSelector('html[data-charts-rendered]', { timeout: 30_000 });
  mkdirSync('docs', { recursive: true });
  // Header, verdict, topology, fates and the first queue's table and time series (the README's size budget).
  const queue = await page.locator('section.queue .queue-body').first().boundingBox();
  if (!queue) throw new Error('screenshot: the report has no queue section');
  const height = Math.ceil(queue.y + queue.height + 20);
  await page.screenshot({ path: output, fullPage: true, clip: { x: 0, y: 0, width: 1200, height } });
  console.log(`wrote ${output} (1200 × ${height}) from ${html}`);
} finally {
  await browser.close();
}
