/**
 * What the plan and headroom pages share: the verdict box, the SLO list of a chosen point, the table of
 * every evaluated point, and a chart per SLO over the points.
 */
import type { SloVerdict } from '../../results/analysis-results.js';
import type { RunResult } from '../../model/run-result.js';
import { lossLines } from '../loss-lines.js';
import { describeVerdict, formatSloValue, sloLine } from '../slo-table.js';
import { searchChartSpec, sloAxisTitle, yCeiling, type SearchAxis } from './charts/search.js';
import { escapeHtml, htmlId } from './escape.js';
import { chartFigure, joinFragments, type Fragment } from './fragment.js';

/** One evaluated point as a table row: its leading cells (setting, load), role, and SLO verdicts. */
export interface SearchRow {
  x: number;
  lead: string[];
  /** "recommended", "runner-up", "headroom", "fails at" or ''. */
  role: string;
  meets: boolean;
  slo: SloVerdict[];
}

/** The verdict first: a green or red box with the headline and the lines under it. */
export function verdictBox(ok: boolean, headline: string, details: string[]): string {
  const items = details.map((line) => `<li>${escapeHtml(line)}</li>`).join('');
  return `<div class="verdict ${ok ? 'verdict-ok' : 'verdict-bad'}" role="status">
  <strong>${escapeHtml(headline)}</strong>${items ? `<ul>${items}</ul>` : ''}
</div>`;
}

/** A titled list of a point's SLO lines (value, CI, verdict) and its loss account; '' without a result. */
export function sloSection(title: string, result: RunResult | null): string {
  if (!result) return '';
  const items = (result.slo ?? []).map(
    (verdict) => `<li class="slo slo-${verdict.verdict}">${escapeHtml(sloLine(verdict))}</li>`,
  );
  const losses = lossLines(result, '').map((line) => `<li>${escapeHtml(line)}</li>`);
  return `<h3>${escapeHtml(title)}</h3>
<ul class="slo-verdicts">${items.join('')}${losses.join('')}</ul>`;
}

/** The SLO targets the rows judge, in the order the first row lists them. */
function targetsOf(rows: readonly SearchRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.slo.map((verdict) => verdict.target)))];
}

/** Every evaluated point: leading cells, role, each SLO's value [CI] and verdict, and whether all pass. */
export function searchTable(leadHeads: string[], rows: readonly SearchRow[]): string {
  const targets = targetsOf(rows);
  // "billing sojourn p99 ≤ 2s": the target without its section, so the table fits a 1280 px window.
  const limits = targets.map((target) => {
    const verdict = rows.flatMap((row) => row.slo).find((each) => each.target === target) as SloVerdict;
    return `${target.split('.').slice(1).join(' ')} ≤ ${formatSloValue(verdict, verdict.max)}`;
  });
  const heads = [...leadHeads, 'role', ...limits, 'meets every SLO'];
  const body = rows.map((row) => {
    const sloCells = targets.map((target) => {
      const verdict = row.slo.find((each) => each.target === target);
      if (!verdict) return '<td></td>';
      const text = `${formatSloValue(verdict, verdict.value)} ${describeVerdict(verdict)}`;
      const ci = verdict.ci95
        ? `<span class="ci">${escapeHtml(`[${formatSloValue(verdict, verdict.ci95[0])}, ${formatSloValue(verdict, verdict.ci95[1])}]`)}</span>`
        : '';
      return `<td${verdict.verdict === 'pass' ? '' : ' class="bad"'}>${escapeHtml(text)}${ci}</td>`;
    });
    const lead = row.lead.map((cell) => `<td>${escapeHtml(cell)}</td>`);
    const role = row.role ? `<strong>${escapeHtml(row.role)}</strong>` : '';
    const meets = `<td${row.meets ? '' : ' class="bad"'}>${row.meets ? 'yes' : 'no'}</td>`;
    return `<tr>${lead.join('')}<td>${role}</td>${sloCells.join('')}${meets}</tr>`;
  });
  return `<div class="table-scroll"><table class="data"><thead><tr>${heads
    .map((head) => `<th>${escapeHtml(head)}</th>`)
    .join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** A chart per SLO target over the rows (see searchChartSpec), in a grid. */
export function searchCharts(
  prefix: string,
  rows: readonly SearchRow[],
  axis: SearchAxis,
  caption: string,
): Fragment {
  const figures = targetsOf(rows).map((target) => {
    const points = rows.flatMap((row) => {
      const verdict = row.slo.find((each) => each.target === target);
      return verdict ? [{ x: row.x, verdict }] : [];
    });
    const id = htmlId(prefix, target);
    const title = `${target}: ${sloAxisTitle(points[0].verdict)}`;
    const ceiling = yCeiling(points);
    const clipped =
      ceiling === null ? '' : ' Values above 3× the limit sit on the top edge (point at one for its value).';
    return chartFigure(id, title, caption + clipped, searchChartSpec(id, points, axis));
  });
  const joined = joinFragments(figures);
  return { html: `<div class="chart-grid">${joined.html}</div>`, charts: joined.charts };
}
