import type { FlowStats } from '../../../metrics/index.js';
import type { RunResult } from '../../../model/run-result.js';
import { formatCount, formatPercent, formatSeconds } from '../../format.js';
import { fatesChart } from '../charts/overview.js';
import { escapeHtml } from '../escape.js';
import { FLOW_FATES, QUEUE_FATES, fatesSeen, type Fate } from '../fates.js';
import { chartFigure, joinFragments, type Fragment } from '../fragment.js';
import type { QueueView } from '../queue-views.js';

/** A table row's first cell: a name, optionally linked and with a swatch. */
interface RowHead {
  html: string;
}

/** Counts per fate with their share of the row's total; losses in red. */
function fateTable<T>(
  subject: string,
  totalLabel: string,
  fates: Fate<T>[],
  rows: Array<{ head: RowHead; subject: T; extra?: string[] }>,
  extraHeads: string[] = [],
): string {
  const head = fates
    .map(
      (fate) =>
        `<th scope="col"><span class="swatch" style="background:${fate.color}"></span>${escapeHtml(fate.label)}</th>`,
    )
    .join('');
  const body = rows
    .map((row) => {
      const counts = fates.map((fate) => fate.count(row.subject));
      const total = counts.reduce((sum, count) => sum + count, 0);
      const cells = counts
        .map((count, index) => {
          const tone = fates[index].bad && count > 0 ? ' class="bad"' : '';
          return `<td${tone}>${formatCount(count)}<span class="share">${total > 0 ? formatPercent(count / total) : '–'}</span></td>`;
        })
        .join('');
      const extra = (row.extra ?? []).map((cell) => `<td>${cell}</td>`).join('');
      return `<tr><th scope="row">${row.head.html}</th>${extra}<td>${formatCount(total)}</td>${cells}</tr>`;
    })
    .join('');
  const extras = extraHeads.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join('');
  return `<div class="table-scroll"><table class="data fates-table">
    <thead><tr><th scope="col">${escapeHtml(subject)}</th>${extras}<th scope="col">${escapeHtml(totalLabel)}</th>${head}</tr></thead>
    <tbody>${body}</tbody>
  </table></div>`;
}

/** The loss account's rate (lost ÷ offered, or ÷ ended for a flow), in red when anything was lost. */
function lossRateCell(lossRate: number): string {
  return lossRate > 0 ? `<strong class="bad">${formatPercent(lossRate)}</strong>` : formatPercent(lossRate);
}

function legend<T>(fates: Fate<T>[]): string {
  return `<ul class="fate-legend">${fates
    .map((fate) => `<li><strong>${escapeHtml(fate.label)}</strong>: ${escapeHtml(fate.description)}</li>`)
    .join('')}</ul>`;
}

/** Per producer: its messages end to end, by fate, and their publish → completion latency. */
function flowsPart(result: RunResult): Fragment {
  const flows = Object.entries(result.flows);
  if (flows.length === 0) return { html: '', charts: [] };
  const fates = fatesSeen(
    FLOW_FATES,
    flows.map(([, flow]) => flow),
  );
  const chart = chartFigure(
    'chart-flow-fates',
    'Share of each producer’s messages by fate',
    'End to end: a message fanned out to several queues counts once per copy, a dead-lettered copy once.',
    fatesChart(
      'flow-fates',
      'Producer',
      flows.map(([name, flow]) => ({ name, counts: fates.map((fate) => fate.count(flow)) })),
      fates,
      'Share of the copies that ended while measuring',
    ),
  );
  const table = fateTable<FlowStats>(
    'Producer',
    'Copies ended',
    fates,
    flows.map(([name, flow]) => ({
      head: { html: escapeHtml(name) },
      subject: flow,
      extra: [formatCount(flow.published), lossRateCell(flow.lossRate)],
    })),
    ['Published', 'Loss rate'],
  );
  const latencyRows = flows
    .map(([name, flow]) => {
      const e2e = flow.endToEnd;
      const blocked = flow.blockedSeconds > 0 ? formatSeconds(flow.blockedSeconds) : '–';
      return `<tr><th scope="row">${escapeHtml(name)}</th><td>${formatCount(flow.completed)}</td><td>${formatSeconds(e2e.mean)}</td><td>${formatSeconds(e2e.p50)}</td><td>${formatSeconds(e2e.p95)}</td><td>${formatSeconds(e2e.p99)}</td><td>${formatSeconds(e2e.max)}</td><td>${blocked}</td></tr>`;
    })
    .join('');
  return {
    html: `<h3>Per producer, end to end</h3>
  ${chart.html}
  ${table}
  ${legend(fates)}
  <h3>End-to-end latency</h3>
  <p class="lead">From publishing to completion at the last queue of the message’s path (every completed copy).</p>
  <div class="table-scroll"><table class="data flows-latency">
    <thead><tr><th scope="col">Producer</th><th scope="col">Completed</th><th scope="col">Mean</th><th scope="col">p50</th><th scope="col">p95</th><th scope="col">p99</th><th scope="col">Maximum</th><th scope="col">Publisher blocked</th></tr></thead>
    <tbody>${latencyRows}</tbody>
  </table></div>`,
    charts: chart.charts,
  };
}

/** Per exchange: messages published, copies routed to bound queues and messages no binding wanted. */
function exchangesPart(result: RunResult): string {
  const exchanges = Object.entries(result.exchanges);
  if (exchanges.length === 0) return '';
  const rows = exchanges
    .map(([name, stats]) => {
      const tone = stats.unroutable > 0 ? ' class="bad"' : '';
      return `<tr><th scope="row">${escapeHtml(name)}</th><td>${formatCount(stats.published)}</td><td>${formatCount(stats.routed)}</td><td${tone}>${formatCount(stats.unroutable)}</td></tr>`;
    })
    .join('');
  return `<h3>Exchanges</h3>
  <div class="table-scroll"><table class="data exchanges-table">
    <thead><tr><th scope="col">Exchange</th><th scope="col">Published</th><th scope="col">Copies routed</th><th scope="col">Unroutable (lost)</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

/** Per queue: how many of the messages it saw met each fate. */
function queuesPart(views: QueueView[]): Fragment {
  const fates = fatesSeen(
    QUEUE_FATES,
    views.map((view) => view.result),
  );
  const chart = chartFigure(
    'chart-fates',
    'Share of each queue’s messages by fate',
    'Every message a queue saw while measuring: those that arrived plus those already there when measuring began.',
    fatesChart(
      'fates',
      'Queue',
      views.map((view) => ({ name: view.name, counts: fates.map((fate) => fate.count(view.result)) })),
      fates,
      'Share of the messages seen while measuring',
    ),
  );
  const table = fateTable(
    'Queue',
    'Messages seen',
    fates,
    views.map((view) => ({
      head: {
        html: `<a href="#${view.anchor}"><span class="swatch" style="background:${view.color}"></span>${escapeHtml(view.name)}</a>`,
      },
      subject: view.result,
      extra: [lossRateCell(view.result.lossRate)],
    })),
    ['Loss rate'],
  );
  return {
    html: `<h3>Per queue</h3>
  ${chart.html}
  ${table}
  ${legend(fates)}`,
    charts: chart.charts,
  };
}

/** "Where the messages went": per producer (end to end) and per queue, what became of the messages. */
export function fatesSection(result: RunResult, views: QueueView[]): Fragment {
  const parts = joinFragments([
    flowsPart(result),
    { html: exchangesPart(result), charts: [] },
    queuesPart(views),
  ]);
  return {
    html: `<section class="card" id="fates">
  <h2>Where the messages went</h2>
  <p class="lead">What became of every message: completed, or lost and why. Losses are in red; columns for fates that never happened are left out.</p>
  ${parts.html}
</section>`,
    charts: parts.charts,
  };
}
