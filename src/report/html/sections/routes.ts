import type { RouteResult, RunResult } from '../../../model/run-result.js';
import { formatCount, formatPercent, formatSeconds } from '../../format.js';
import { routeLatencyChart } from '../charts/routes.js';
import { escapeHtml } from '../escape.js';
import { chartFigure, type Fragment } from '../fragment.js';

const STATS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;

/** A value with its 95 % CI under it, when the run has one. */
function withInterval(value: string, interval: [number, number] | undefined, format: (v: number) => string) {
  if (!interval) return value;
  return `${value}<span class="ci">${format(interval[0])} – ${format(interval[1])}</span>`;
}

/** One route's row: completions, share of its producer's completions, end-to-end latency. */
function routeRow(name: string, route: RouteResult, result: RunResult): string {
  const flowCompleted = result.flows[route.producer]?.completed ?? 0;
  const share = flowCompleted > 0 ? formatPercent(route.completed / flowCompleted) : '–';
  const count = withInterval(formatCount(route.completed), route.ci95?.completed, formatCount);
  const latency = STATS.map(
    (stat) =>
      `<td>${withInterval(formatSeconds(route.endToEnd[stat]), route.ci95?.[`endToEnd.${stat}`], formatSeconds)}</td>`,
  ).join('');
  return `<tr><th scope="row">${escapeHtml(name)}</th><td>${count}</td><td>${share}</td>${latency}</tr>`;
}

/**
 * "End to end, per route": for a scenario with `then` routes, each path of queues a message took, how
 * many copies completed it and how long they took, as a table and a chart of p50/p95/p99. Empty otherwise.
 * The plan page shows it for its recommendation, under its own heading (`at`: "at the recommendation …").
 */
export function routesSection(result: RunResult, at = ''): Fragment {
  const routes = Object.entries(result.routes ?? {});
  if (routes.length === 0) return { html: '', charts: [] };
  const chart = chartFigure(
    'chart-route-latency',
    'End-to-end latency per route',
    'From publishing to completion at the route’s last queue: p50, p95 and p99 of the copies that completed it.',
    routeLatencyChart(routes.map(([name, route]) => ({ name, ...route.endToEnd }))),
  );
  const rows = routes.map(([name, route]) => routeRow(name, route, result)).join('');
  return {
    html: `<section class="card" id="routes">
  <h2>End to end, per route${at ? ` ${escapeHtml(at)}` : ''}</h2>
  <p class="lead">Each path a message (or a fan-out copy) took from its producer through <code>then</code> routes. A route counts the copies that completed it; copies lost on the way are in the loss account${at ? ' of the SLOs' : ''} above, not here. Share: of the producer’s completed copies.</p>
  ${chart.html}
  <div class="table-scroll"><table class="data routes-latency">
    <thead><tr><th scope="col">Route</th><th scope="col">Completed</th><th scope="col">Share</th><th scope="col">Mean</th><th scope="col">p50</th><th scope="col">p95</th><th scope="col">p99</th><th scope="col">Maximum</th></tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
</section>`,
    charts: chart.charts,
  };
}
