/**
 * The evidence under the compare page's verdict: per queue and flow, the metrics side by side with the
 * differences and their CIs (table and forest plot); then latency percentiles, the loss account and the
 * consumer cost of every scenario.
 */
import type { CompareResult } from '../../../analysis/compare.js';
import type { CompareKind } from '../../../scenario/compare-targets.js';
import type { RunResult } from '../../../model/run-result.js';
import type { CompareGroup, CompareRow } from '../../compare-rows.js';
import type { MetricDifference } from '../../../analysis/compare.js';
import { showInterval, showSigned, showValue } from '../../compare-rows.js';
import { formatCount, formatNumber, formatSeconds } from '../../format.js';
import { compareDifferenceSpec } from '../charts/compare-differences.js';
import { escapeHtml, htmlId } from '../escape.js';
import { chartFigure, type Fragment } from '../fragment.js';

/** A table: head cells, then rows whose first cell is a row heading (all already-escaped HTML). */
export function dataTable(heads: string[], rows: string[][], className = ''): string {
  const head = heads.map((cell) => `<th>${cell}</th>`).join('');
  const body = rows.map(
    ([first, ...rest]) => `<tr><th>${first}</th>${rest.map((cell) => `<td>${cell}</td>`).join('')}</tr>`,
  );
  return `<div class="table-scroll"><table class="data ${className}"><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

/** A later scenario's cell: its value, its difference from the first (bold when significant), the CI. */
function laterCell(row: CompareRow, value: number | null, difference: MetricDifference | undefined): string {
  const text = escapeHtml(showValue(row, value));
  if (!difference || difference.difference === null) return text;
  const change = escapeHtml(showSigned(row, difference.difference));
  // Identical in every pair: the interval [0, 0] would only repeat the 0.
  const same = difference.difference === 0 && !difference.significant;
  const interval = same ? '' : showInterval(row, difference);
  const shown = difference.significant ? `<strong>${change} *</strong>` : change;
  return `${text}<span class="ci">${shown}${interval ? ` ${escapeHtml(interval)}` : ''}</span>`;
}

/** One group's table: every scenario's value; under each later one's, its difference and the CI. */
function groupTable(group: CompareGroup, compare: CompareResult): string {
  const heads = ['metric', ...compare.scenarios.map((scenario) => escapeHtml(scenario.name))];
  const rows = group.rows.map((row) => [
    escapeHtml(row.label),
    escapeHtml(showValue(row, row.values[0])),
    ...row.differences.map((difference, j) => laterCell(row, row.values[j + 1], difference)),
  ]);
  return dataTable(heads, rows);
}

/** A card per queue and flow: its table, and the forest plot of its differences when there is one. */
export function groupSection(group: CompareGroup, compare: CompareResult): Fragment {
  const names = compare.scenarios.map((scenario) => scenario.name);
  const id = htmlId('compare', group.kind, group.name);
  const spec = compareDifferenceSpec(group, names, id);
  const chart = spec
    ? chartFigure(
        `${id}-differences`,
        `${group.kind} ${group.name}: differences from ${names[0]}`,
        'mean paired difference as a share of the first scenario’s value, bar: its 95 % CI; metrics whose first value is 0 are in the table only',
        spec,
      )
    : { html: '', charts: [] };
  return {
    html: `<section class="card" id="${id}">
<h2>${escapeHtml(`${group.kind} ${group.name}`)}</h2>
${groupTable(group, compare)}
<p class="table-note">${escapeHtml(`Under each later scenario's value: its difference from ${compare.scenarios[0].name} (mean of the paired differences) and that difference's 95 % CI; * significant: the CI excludes 0.`)}</p>
${chart.html}
</section>`,
    charts: chart.charts,
  };
}

/** p50, p95 and p99 of every consumed queue's sojourn and every flow's and route's end-to-end latency. */
export function latencySection(compare: CompareResult): string {
  const first = compare.scenarios[0].result;
  const latency = (result: RunResult, kind: CompareKind, name: string) =>
    kind === 'queue'
      ? result.queues[name]?.sojourn
      : kind === 'flow'
        ? result.flows[name]?.endToEnd
        : result.routes?.[name]?.endToEnd;
  const targets = [
    ...Object.keys(first.queues).map((name) => ({ kind: 'queue' as const, name, what: 'sojourn' })),
    ...Object.keys(first.flows).map((name) => ({ kind: 'flow' as const, name, what: 'end-to-end' })),
    ...Object.keys(first.routes ?? {}).map((name) => ({ kind: 'route' as const, name, what: 'end-to-end' })),
  ].filter(({ kind, name }) =>
    compare.scenarios.some(({ result }) => latency(result, kind, name)?.p50 != null),
  );
  const rows = targets.flatMap(({ kind, name, what }) =>
    (['p50', 'p95', 'p99'] as const).map((p) => [
      escapeHtml(`${kind} ${name}: ${what} ${p}`),
      ...compare.scenarios.map(({ result }) =>
        escapeHtml(formatSeconds(latency(result, kind, name)?.[p] ?? null)),
      ),
    ]),
  );
  const heads = ['latency', ...compare.scenarios.map((scenario) => escapeHtml(scenario.name))];
  return `<section class="card" id="latency">
<h2>Latency percentiles</h2>
<p class="lead">Percentiles of every message of the paired replications pooled, as the SLO verdicts judge them (the p99 rows above are the mean of each replication’s own p99, as the paired differences are).</p>
${dataTable(heads, rows)}
</section>`;
}

/** Loss by reason (dropped, expired, dead-lettered) wherever some scenario lost messages. */
export function lossSection(compare: CompareResult): string {
  const reasons = [
    ['dropped', (q: RunResult['queues'][string]) => q.dropped],
    ['expired', (q: RunResult['queues'][string]) => q.expired],
    ['dead-lettered', (q: RunResult['queues'][string]) => q.deadLettered],
  ] as const;
  const names = Object.keys(compare.scenarios[0].result.queues);
  const rows = names.flatMap((name) =>
    reasons
      .filter(([, count]) =>
        compare.scenarios.some(({ result }) => (result.queues[name] ? count(result.queues[name]) : 0) > 0),
      )
      .map(([reason, count]) => [
        escapeHtml(`queue ${name}: ${reason}`),
        ...compare.scenarios.map(({ result }) =>
          result.queues[name] ? escapeHtml(formatCount(count(result.queues[name]))) : '–',
        ),
      ]),
  );
  const heads = ['messages lost', ...compare.scenarios.map((scenario) => escapeHtml(scenario.name))];
  const body =
    rows.length === 0
      ? '<p class="lead">No scenario lost a message: nothing dropped, expired or dead-lettered.</p>'
      : `<p class="lead">Messages per run (means over the paired replications); the loss rates are in the tables above.</p>${dataTable(heads, rows)}`;
  return `<section class="card" id="loss">
<h2>Loss account</h2>
${body}
</section>`;
}

/** Consumer-hours per consumed queue and in all, per scenario. */
export function costSection(compare: CompareResult): string {
  const names = Object.keys(compare.scenarios[0].result.queues).filter((name) =>
    compare.scenarios.some(({ result }) => (result.queues[name]?.consumerSeconds ?? 0) > 0),
  );
  if (names.length === 0) return '';
  const hours = (result: RunResult, name: string) => (result.queues[name]?.consumerSeconds ?? 0) / 3600;
  const rows = [
    ...names.map((name) => [
      escapeHtml(`queue ${name}`),
      ...compare.scenarios.map(({ result }) => formatNumber(hours(result, name))),
    ]),
    [
      '<strong>all queues</strong>',
      ...compare.scenarios.map(
        ({ result }) =>
          `<strong>${formatNumber(names.reduce((sum, name) => sum + hours(result, name), 0))}</strong>`,
      ),
    ],
  ];
  const heads = ['consumer-hours', ...compare.scenarios.map((scenario) => escapeHtml(scenario.name))];
  return `<section class="card" id="cost">
<h2>Consumer cost</h2>
<p class="lead">Consumer-hours paid for over the measured time of one run (consumers provisioned × time).</p>
${dataTable(heads, rows)}
</section>`;
}
