/**
 * The top of the compare page: what each later scenario changes against the first, in one sentence per
 * scenario (its SLO outcome and its significant differences), and the table of SLO verdicts.
 */
import type { CompareResult } from '../../../analysis/compare.js';
import type { SloVerdict } from '../../../results/analysis-results.js';
import type { CompareGroup } from '../../compare-rows.js';
import { showInterval, showSigned } from '../../compare-rows.js';
import { describeSloValue, formatSloValue } from '../../slo-table.js';
import { escapeHtml } from '../escape.js';

/** "meets every SLO", "fails 1 of 3 SLOs (…)", "2 of 3 SLOs uncertain"; null without SLOs. */
export function sloOutcome(verdicts: readonly SloVerdict[] | undefined): string | null {
  if (!verdicts || verdicts.length === 0) return null;
  const failed = verdicts.filter((verdict) => verdict.verdict === 'fail');
  const uncertain = verdicts.filter((verdict) => verdict.verdict === 'uncertain');
  const of = `of ${verdicts.length} SLO${verdicts.length === 1 ? '' : 's'}`;
  const names = (list: SloVerdict[]) => list.map((verdict) => verdict.target).join(', ');
  if (failed.length > 0) return `fails ${failed.length} ${of} (${names(failed)})`;
  if (uncertain.length > 0) return `${uncertain.length} ${of} uncertain (${names(uncertain)})`;
  return 'meets every SLO';
}

/** The metrics a capacity review reads first: latency tails, loss and cost. */
const HEADLINE = ['sojourn.p99', 'endToEnd.p99', 'lossRate', 'consumerSeconds'];

/** The significant differences of the scenario at `index` (1 = the first later one) as phrases. */
export function significantChanges(groups: CompareGroup[], index: number): string[] {
  return groups.flatMap((group) =>
    group.rows.flatMap((row) => {
      const difference = row.differences[index - 1];
      if (!difference?.significant || difference.difference === null) return [];
      const where = `${row.label} at ${group.kind} ${group.name}`;
      return [`${where}: ${showSigned(row, difference.difference)} ${showInterval(row, difference)}`];
    }),
  );
}

/** One verdict box per later scenario: its SLO outcome beside the first's, then its headline changes. */
function verdictBox(compare: CompareResult, groups: CompareGroup[], index: number): string {
  const { name, result } = compare.scenarios[index];
  const baseline = compare.scenarios[0];
  const outcome = sloOutcome(result.slo);
  const good = result.slo?.every((verdict) => verdict.verdict === 'pass');
  const kind = outcome === null ? '' : good ? ' verdict-ok' : ' verdict-bad';
  const slo = outcome === null ? '' : ` ${outcome}; ${baseline.name} ${sloOutcome(baseline.result.slo)}.`;
  const headline = groups.map((group) => ({
    ...group,
    rows: group.rows.filter((row) => HEADLINE.includes(row.metric)),
  }));
  const changes = significantChanges(headline, index);
  const others = significantChanges(groups, index).length - changes.length;
  const items = changes.map((change) => `<li>${escapeHtml(change)}</li>`);
  if (others > 0)
    items.push(
      `<li>${others} more significant difference${others === 1 ? '' : 's'} in the tables below</li>`,
    );
  const list =
    items.length === 0
      ? `<p>No headline metric differs significantly from ${escapeHtml(baseline.name)}.</p>`
      : `<p>Significant differences from ${escapeHtml(baseline.name)} [95 % CI]:</p><ul>${items.join('')}</ul>`;
  return `<div class="verdict${kind}"><strong>${escapeHtml(name)}</strong>${escapeHtml(slo)}${list}</div>`;
}

/** The SLO verdicts side by side: one row per SLO, one column per scenario. */
function sloTable(compare: CompareResult): string {
  const written = compare.scenarios[0].result.slo ?? [];
  if (written.length === 0) return '';
  const heads = ['SLO', ...compare.scenarios.map((scenario) => scenario.name)];
  const rows = written.map((slo) => {
    const cells = compare.scenarios.map(({ result }) => {
      const verdict = result.slo?.find((other) => other.target === slo.target && other.max === slo.max);
      if (!verdict) return '<td>–</td>';
      return `<td class="slo-${verdict.verdict}"><span class="slo-verdict">${verdict.verdict}</span><span class="ci">${escapeHtml(describeSloValue(verdict))}</span></td>`;
    });
    const name = `${slo.target} ≤ ${formatSloValue(slo, slo.max)}`;
    return `<tr><th>${escapeHtml(name)}</th>${cells.join('')}</tr>`;
  });
  return `<div class="table-scroll"><table class="data compare-slo"><thead><tr>${heads
    .map((head) => `<th>${escapeHtml(head)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The verdict section: a box per later scenario, then the SLO table. */
export function compareVerdictSection(compare: CompareResult, groups: CompareGroup[]): string {
  const boxes = compare.scenarios.slice(1).map((_, j) => verdictBox(compare, groups, j + 1));
  return `<section class="card" id="verdict">
<h2>Verdict</h2>
${boxes.join('\n')}
${sloTable(compare)}
</section>`;
}
