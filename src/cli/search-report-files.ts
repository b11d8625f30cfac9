/** Writes the plan and headroom reports (HTML + CSV) into their folder, as `run` writes its report. */
import type { HeadroomResult } from '../analysis/headroom.js';
import type { MultiPlanResult, PlanResult } from '../analysis/plan.js';
import { renderHeadroomHtml } from '../report/html/headroom-page.js';
import { renderPlanHtml } from '../report/html/plan-page.js';
import { headroomCsv, planCsv, planRoutesCsv } from '../report/plan-csv.js';
import type { Scenario } from '../scenario/types.js';
import { packageVersion } from './io.js';
import { defaultReportDir, writeReportFilesAndSayWhere } from './report-files.js';

/** Where a search's report goes and what it is about. */
export interface SearchReportOptions {
  /** `--out`, or undefined for reports/<scenario name>. */
  out: string | undefined;
  scenario: Scenario;
  wallSeconds: number;
  /** True with `--json`: the path goes to stderr, stdout holding only the JSON. */
  json: boolean;
}

/** Writes plan.html and plan.csv (and plan-routes.csv for a scenario with `then` routes) and prints where. */
export async function writePlanReport(plan: PlanResult | MultiPlanResult, options: SearchReportOptions) {
  const html = renderPlanHtml({
    plan,
    wallSeconds: options.wallSeconds,
    description: options.scenario.description,
    version: packageVersion(),
    generatedAt: new Date(),
  });
  const dir = options.out ?? defaultReportDir(options.scenario.name);
  const routes = planRoutesCsv(plan);
  const files = {
    'plan.csv': planCsv(plan),
    ...(routes === null ? {} : { 'plan-routes.csv': routes }),
    'plan.html': html,
  };
  await writeReportFilesAndSayWhere(dir, 'plan.html', files, options.json);
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
  await writeReportFilesAndSayWhere(dir, 'headroom.html', files, options.json);
}
