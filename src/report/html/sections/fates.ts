import { formatCount, formatPercent } from '../../format.js';
import { fatesChart } from '../charts/overview.js';
import { escapeHtml } from '../escape.js';
import { FATES } from '../fates.js';
import { chartFigure, type Fragment } from '../fragment.js';
import type { QueueView } from '../queue-views.js';

/** "Where the messages went": per queue, how many messages met each fate, as a chart and a table. */
export function fatesSection(views: QueueView[]): Fragment {
  const chart = chartFigure(
    'chart-fates',
    'Share of messages by fate',
    'Every message a queue saw while measuring: those that arrived plus those already there when measuring began.',
    fatesChart(views, FATES),
  );
  const head = FATES.map(
    (fate) =>
      `<th scope="col"><span class="swatch" style="background:${fate.color}"></span>${escapeHtml(fate.label)}</th>`,
  ).join('');
  const rows = views
    .map((view) => {
      const counts = FATES.map((fate) => fate.count(view.result));
      const total = counts.reduce((sum, count) => sum + count, 0);
      const cells = counts
        .map((count, index) => {
          const tone = FATES[index].key === 'rejected' && count > 0 ? ' class="bad"' : '';
          return `<td${tone}>${formatCount(count)}<span class="share">${total > 0 ? formatPercent(count / total) : '–'}</span></td>`;
        })
        .join('');
      return `<tr><th scope="row"><a href="#${view.anchor}"><span class="swatch" style="background:${view.color}"></span>${escapeHtml(view.name)}</a></th><td>${formatCount(total)}</td>${cells}</tr>`;
    })
    .join('');
  const legend = FATES.map(
    (fate) => `<li><strong>${escapeHtml(fate.label)}</strong>: ${escapeHtml(fate.description)}</li>`,
  ).join('');
  return {
    html: `<section class="card" id="fates">
  <h2>Where the messages went</h2>
  ${chart.html}
  <div class="table-scroll"><table class="data fates-table">
    <thead><tr><th scope="col">Queue</th><th scope="col">Messages seen</th>${head}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>
  <ul class="fate-legend">${legend}</ul>
</section>`,
    charts: chart.charts,
  };
}
