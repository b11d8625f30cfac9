/**
 * The plan report: the recommendation first (or why there is none), then the search behind it: a chart
 * per SLO over every evaluated setting (against the parameter, or against the total cost when several
 * parameters are sized), and the table of every setting with its CIs and verdicts.
 */
import type { MultiPlanResult, PlanResult } from '../../analysis/plan.js';
import { formatNumber } from '../format.js';
import { renderMultiPlan, renderPlan } from '../plan-text.js';
import { escapeHtml } from './escape.js';
import { joinFragments, type Fragment } from './fragment.js';
import { htmlDocument } from './page.js';
import { routesSection } from './sections/routes.js';
import { planRoutes } from '../plan-csv.js';
import { searchCharts, searchTable, sloSection, verdictBox, type SearchRow } from './search-parts.js';

export interface PlanReportInput {
  plan: PlanResult | MultiPlanResult;
  wallSeconds: number;
  description: string;
  version: string;
  generatedAt: Date;
}

/** True for a plan of several parameters (it carries a cost and its one-less settings). */
function isMulti(plan: PlanResult | MultiPlanResult): plan is MultiPlanResult {
  return 'oneLess' in plan;
}

/** "queues.a.consumers = 3, queues.b.consumers = 2". */
function named(setting: Record<string, number>, paths: string[]): string {
  return paths.map((path) => `${path} = ${setting[path]}`).join(', ');
}

/** True when both settings hold the same value for every path. */
function same(setting: Record<string, number>, other: Record<string, number> | null, paths: string[]) {
  return other !== null && paths.every((path) => other[path] === setting[path]);
}

/** Every evaluated setting as a row: its values (and cost), its role, its verdicts. */
function planRows(plan: PlanResult, paths: string[], multi: boolean): SearchRow[] {
  return plan.evaluated.map((point) => ({
    x: multi ? point.cost : point.setting[paths[0]],
    lead: [...paths.map((path) => String(point.setting[path])), ...(multi ? [formatNumber(point.cost)] : [])],
    role: same(point.setting, plan.recommended, paths)
      ? 'recommended'
      : Object.keys(plan.runnerUp).length > 0 && same(point.setting, plan.runnerUp, paths)
        ? plan.recommended
          ? 'runner-up'
          : 'largest tried'
        : '',
    meets: point.meets,
    slo: point.slo,
  }));
}

/** The verdict box: the terminal's headline, then the binding SLO, runner-up, why and doubts. */
function planVerdict(input: PlanReportInput, paths: string[]): string {
  const { plan } = input;
  const text = isMulti(plan) ? renderMultiPlan(plan, input.wallSeconds) : renderPlan(plan, input.wallSeconds);
  const headline = text.split('\n')[0].replace(`${plan.scenario}: `, '');
  const runnerUp = Object.keys(plan.runnerUp).length > 0 ? named(plan.runnerUp, paths) : null;
  const details = [
    ...(plan.binding ? [`The SLO that binds: ${plan.binding} (the runner-up fails it).`] : []),
    ...(runnerUp && plan.recommended ? [`Runner-up: ${runnerUp}, which does not meet every SLO.`] : []),
    ...(plan.why ? [`Why: ${plan.why}`] : []),
    ...plan.warnings,
  ];
  return verdictBox(plan.recommended !== null, headline, details);
}

/** The page body: header and verdict, the SLOs at the recommendation and runner-up, charts, table. */
export function planBody(input: PlanReportInput): Fragment {
  const { plan } = input;
  const paths = Object.keys(plan.analyticGuess);
  const multi = isMulti(plan);
  const rows = planRows(plan, paths, multi);
  const at = plan.load === 1 ? 'the written load' : `${plan.load}× the written load`;
  const start = paths.map((path) => `${path} = ${plan.analyticGuess[path]}`).join(', ');
  const header = `<header class="report-header">
  <p class="eyebrow">queuesim plan report</p>
  <h1>${escapeHtml(plan.scenario)}</h1>
  ${input.description ? `<p class="description">${escapeHtml(input.description)}</p>` : ''}
  ${planVerdict(input, paths)}
  <p>${escapeHtml(`Planned at ${at}. ${plan.evaluations} settings evaluated (analytic start ${start}) in ${input.wallSeconds.toFixed(1)} s; a setting meets the SLOs when every verdict is a significant pass.`)}</p>
</header>`;
  const chosen = plan.recommended ? (multi ? plan.cost : plan.recommended[paths[0]]) : null;
  const charts = searchCharts(
    'plan',
    rows,
    multi
      ? {
          title: 'total cost (Σ unit cost × value)',
          // Whole unit costs give whole totals: ticks at 7.5 would be settings that cannot exist.
          integer: rows.every((row) => Number.isInteger(row.x)),
          chosen,
          line: false,
        }
      : { title: paths[0], integer: true, chosen, line: true },
    `Each evaluated setting with its 95 % CI; dashed red: the SLO limit${chosen === null ? '' : '; dotted grey: the recommendation'}.`,
  );
  const runnerUpTitle = plan.recommended ? 'Runner-up' : 'Largest setting tried';
  const verdicts = [
    plan.recommended
      ? sloSection(`At the recommendation (${named(plan.recommended, paths)})`, plan.result)
      : '',
    Object.keys(plan.runnerUp).length > 0
      ? sloSection(`${runnerUpTitle} (${named(plan.runnerUp, paths)})`, plan.runnerUpResult)
      : '',
  ].join('\n');
  // Per-route latency of the setting the page recommends (or of the largest tried, when none meets the SLOs).
  const routed = planRoutes(plan);
  const routesAt = routed
    ? routesSection(
        routed.result,
        `at the ${routed.role === 'recommended' ? 'recommendation' : 'largest setting tried'} (${named(routed.setting, paths)})`,
      )
    : { html: '', charts: [] };
  return joinFragments([
    { html: header, charts: [] },
    { html: `<section class="card"><h2>SLOs</h2>${verdicts}</section>`, charts: [] },
    routesAt,
    { html: '<section class="card"><h2>The search, SLO by SLO</h2>', charts: [] },
    charts,
    { html: '</section>', charts: [] },
    {
      html: `<section class="card"><h2>Every setting evaluated</h2>${searchTable([...paths, ...(multi ? ['cost'] : [])], rows)}</section>`,
      charts: [],
    },
  ]);
}

/** The plan report as one self-contained HTML page. */
export function renderPlanHtml(input: PlanReportInput): string {
  return htmlDocument({
    body: planBody(input),
    chartIdPrefix: `${input.plan.scenario}-plan-chart`,
    title: `${input.plan.scenario} · queuesim plan`,
    version: input.version,
    footer: `Generated by queuesim ${escapeHtml(input.version)} on ${escapeHtml(input.generatedAt.toISOString())}. Charts: Vega-Lite.`,
  });
}
