import { formatCount, formatPercent, formatSeconds } from '../../format.js';
import { utilizationChart } from '../charts/overview.js';
import { escapeHtml } from '../escape.js';
import { chartFigure, type Fragment } from '../fragment.js';
import { findBottleneck, type QueueView } from '../queue-views.js';

/** Headline figures, the verdict on the bottleneck and utilisation per queue. */
export function overviewSection(views: QueueView[]): Fragment {
  const sum = (pick: (view: QueueView) => number) => views.reduce((total, view) => total + pick(view), 0);
  const arrivals = sum((view) => view.result.arrivals);
  const completed = sum((view) => view.result.completed);
  const dropped = sum((view) => view.result.dropped);
  const slowest = views
    .filter((view) => view.result.sojourn.p99 !== null)
    .sort((a, b) => (b.result.sojourn.p99 as number) - (a.result.sojourn.p99 as number))[0];
  const bottleneck = findBottleneck(views);

  const kpis = [
    kpi('Arrivals', formatCount(arrivals), `${views.length} queue${views.length === 1 ? '' : 's'}`),
    kpi(
      'Completed',
      formatCount(completed),
      arrivals > 0 ? `${formatPercent(completed / arrivals)} of arrivals` : '',
    ),
    kpi(
      'Rejected',
      formatCount(dropped),
      arrivals > 0 ? `${formatPercent(dropped / arrivals)} of arrivals` : '',
      dropped > 0 ? 'bad' : 'ok',
    ),
    slowest
      ? kpi('Slowest p99 sojourn', formatSeconds(slowest.result.sojourn.p99), slowest.name)
      : kpi('Slowest p99 sojourn', '–', 'nothing completed'),
    bottleneck && bottleneck.view.result.utilization !== null
      ? kpi(
          'Busiest consumers',
          formatPercent(bottleneck.view.result.utilization),
          bottleneck.view.name,
          bottleneck.saturated ? 'bad' : 'ok',
        )
      : kpi('Busiest consumers', '–', 'no consumers'),
  ];

  const verdict = bottleneck
    ? bottleneck.saturated
      ? `<p class="verdict verdict-bad"><strong>Bottleneck: <a href="#${bottleneck.view.anchor}">${escapeHtml(bottleneck.view.name)}</a></strong> — ${escapeHtml(bottleneck.reason)}.</p>`
      : `<p class="verdict verdict-ok"><strong>No bottleneck:</strong> every consumer pool has headroom; the busiest is <a href="#${bottleneck.view.anchor}">${escapeHtml(bottleneck.view.name)}</a> (${escapeHtml(bottleneck.reason)}).</p>`
    : '';

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

function kpi(label: string, value: string, detail: string, tone: 'ok' | 'bad' | 'plain' = 'plain'): string {
  return `<div class="kpi kpi-${tone}"><div class="kpi-label">${escapeHtml(label)}</div><div class="kpi-value">${escapeHtml(value)}</div><div class="kpi-detail">${escapeHtml(detail)}</div></div>`;
}
