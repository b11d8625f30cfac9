/** Writes the plan and headroom reports (HTML + CSV) into their folder, as `run` writes its report. */
import { join } from 'node:path';
import type { HeadroomResult } from '../analysis/headroom.js';
import type { MultiPlanResult, PlanResult } from '../analysis/plan.js';
import { renderHeadroomHtml } from '../report/html/headroom-page.js';
import { renderPlanHtml } from '../report/html/plan-page.js';
import { headroomCsv, planCsv } from '../report/plan-csv.js';
import type { Scenario } from '../scenario/types.js';
import { EXIT_BAD_INPUT, packageVersion, writeStderr, writeStdout } from './io.js';
import { defaultReportDir } from './report-files.js';
import { replaceReportFiles } from './report-folder.js';

/** Where a search's report goes and what it is about. */
export interface SearchReportOptions {
  /** `--out`, or undefined for reports/<scenario name>. */
  out: string | undefined;
  scenario: Scenario;
  wallSeconds: number;
  /** True with `--json`: the path goes to stderr, stdout holding only the JSON. */
  json: boolean;
}

/** Writes `files` into the folder as one change and prints the HTML's path; a folder that cannot be written exits 2. */
async function writeAndSayWhere(dir: string, html: string, files: Record<string, string>, json: boolean) {
  try {
    await replaceReportFiles(dir, files);
    (json ? writeStderr : writeStdout)(`Report: ${join(dir, html)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    writeStderr(`queuesim: cannot write the report to ${dir}: ${(error as Error).message}`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

/** Writes plan.html and plan.csv and prints where. */
export async function writePlanReport(plan: PlanResult | MultiPlanResult, options: SearchReportOptions) {
  const html = renderPlanHtml({
    plan,
    wallSeconds: options.wallSeconds,
    description: options.scenario.description,
    version: packageVersion(),
    generatedAt: new Date(),
  });
  const dir = options.out ?? defaultReportDir(options.scenario.name);
  await writeAndSayWhere(dir, 'plan.html', { 'plan.csv': planCsv(plan), 'plan.html': html }, options.json);
}

/** Writes headroom.html and headroom.csv and prints where. */
export async function writeHeadroomReport(headroom: HeadroomResult, options: SearchReportOptions) {
  const html = renderHeadroomHtml({
    headroom,
    wallSeconds: options.wallSeconds,
    description: options.scenario.description,
    version: packageVersion(),
    generatedAt: new Date(),
  });
  const dir = options.out ?? defaultReportDir(options.scenario.name);
  const files = { 'headroom.csv': headroomCsv(headroom), 'headroom.html': html };
  await writeAndSayWhere(dir, 'headroom.html', files, options.json);
}
