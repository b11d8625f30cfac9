import { formatCount, formatPercent, formatSeconds } from '../../format.js';
import { utilizationChart } from '../charts/overview.js';
import type { RunResult } from '../../../model/run-result.js';
import { escapeHtml } from '../escape.js';
import { FLOW_FATES } from '../fates.js';
import { chartFigure, type Fragment } from '../fragment.js';
import { busiestPool, findBottleneck, SATURATED_UTILIZATION, type QueueView } from '../queue-views.js';

/** Headline figures, the verdict on the bottleneck and utilisation per queue. */
export function overviewSection(result: RunResult, views: QueueView[]): Fragment {
  const bottleneck = findBottleneck(views);
  const kpis = headlineKpis(result, views);
  const verdict = bottleneckVerdict(bottleneck);

  // Comparing utilisation needs two pools at least; a single queue shows its own in its section.
  const pools = views.filter((view) => view.result.utilization !== null);
  const chart: Fragment =
    pools.length > 1
      ? chartFigure(
          'chart-utilization',
          'Utilisation by queue',
          'Mean share of each consumer pool that was busy over the measured interval.',
          utilizationChart(views),
        )
      : { html: '', charts: [] };
  return {
    html: `<section class="overview" aria-label="Overview">
  <div class="kpis">${kpis.join('')}</div>
  ${verdict}
  ${chart.html}
</section>`,
    charts: chart.charts,
  };
}

type Bottleneck = ReturnType<typeof findBottleneck>;

/** The five headline figures: published, completed, lost, slowest p99, busiest consumers. */
function headlineKpis(result: RunResult, views: QueueView[]): string[] {
  const flows = Object.values(result.flows);
  const sum = <T>(items: T[], pick: (item: T) => number) =>
    items.reduce((total, item) => total + pick(item), 0);
  const published = sum(flows, (flow) => flow.published);
  const completed = sum(flows, (flow) => flow.fates.completed);
  const ended = sum(flows, (flow) => FLOW_FATES.reduce((total, fate) => total + fate.count(flow), 0));
  const lost = ended - completed;
  const slowest = Object.entries(result.flows)
    .filter(([, flow]) => flow.endToEnd.p99 !== null)
    .sort(([, a], [, b]) => (b.endToEnd.p99 as number) - (a.endToEnd.p99 as number))[0];
  return [
    kpi(
      'Published',
      formatCount(published),
      `${flows.length} producer${flows.length === 1 ? '' : 's'}, ${views.length} queue${views.length === 1 ? '' : 's'}`,
    ),
    kpi(
      'Completed',
      formatCount(completed),
      ended > 0 ? `${formatPercent(completed / ended)} of copies ended` : '',
    ),
    kpi(
      'Lost or dead-lettered',
      formatCount(lost),
      ended > 0 ? [`${formatPercent(lost / ended)} of copies ended`, ...lossAccount(flows)].join(' · ') : '',
      lost > 0 ? 'bad' : 'ok',
    ),
    slowest
      ? kpi('Slowest p99 end to end', formatSeconds(slowest[1].endToEnd.p99), slowest[0])
      : kpi('Slowest p99 end to end', '–', 'nothing completed'),
    busiestConsumersKpi(views),
  ];
}

/** The loss account: each way copies were lost, with its count ("489 dead-lettered"), the ways that happened. */
function lossAccount(flows: RunResult['flows'][string][]): string[] {
  return FLOW_FATES.filter((fate) => fate.key !== 'completed')
    .map((fate) => [fate, flows.reduce((total, flow) => total + fate.count(flow), 0)] as const)
    .filter(([, count]) => count > 0)
    .map(([fate, count]) => `${formatCount(count)} ${fate.label[0].toLowerCase()}${fate.label.slice(1)}`);
}

/**
 * The busiest pool, which need not be the bottleneck: a queue that loses messages at 78 % busy outranks
 * one at 79 % that loses none, but the card names the busier one.
 */
function busiestConsumersKpi(views: QueueView[]): string {
  const busiest = busiestPool(views);
  if (!busiest) return kpi('Busiest consumers', '–', 'no consumers');
  return kpi(
    'Busiest consumers',
    formatPercent(busiest.utilization),
    busiest.view.name,
    busiest.utilization >= SATURATED_UTILIZATION ? 'bad' : 'ok',
  );
}

/** The verdict line: the saturated bottleneck, or the busiest pool when every pool has headroom. */
function bottleneckVerdict(bottleneck: Bottleneck): string {
  return bottleneck
    ? bottleneck.saturated
      ? `<p class="verdict verdict-bad"><strong>Bottleneck: <a href="#${bottleneck.view.anchor}">${escapeHtml(bottleneck.view.name)}</a></strong> — ${escapeHtml(bottleneck.reason)}.</p>`
      : `<p class="verdict verdict-ok"><strong>No bottleneck:</strong> every consumer pool has headroom; the busiest is <a href="#${bottleneck.view.anchor}">${escapeHtml(bottleneck.view.name)}</a> (${escapeHtml(bottleneck.reason)}).</p>`
    : '';
}

/** One headline figure with its label, detail and tone. */
function kpi(label: string, value: string, detail: string, tone: 'ok' | 'bad' | 'plain' = 'plain'): string {
  return `<div class="kpi kpi-${tone}"><div class="kpi-label">${escapeHtml(label)}</div><div class="kpi-value">${escapeHtml(value)}</div><div class="kpi-detail">${escapeHtml(detail)}</div></div>`;
}
