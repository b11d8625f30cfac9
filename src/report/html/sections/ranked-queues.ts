/**
 * A large network's queues ranked by pressure: the most pressed ones get their full sections (charts and
 * all), the rest one row each in a table the reader can sort by clicking a column. Thousands of queues as
 * thousands of chart sections make a page no browser can open; a ranked table stays readable.
 */
import { formatNumber, formatPercent, formatSeconds } from '../../format.js';
import { escapeHtml } from '../escape.js';
import { pressureScore, type QueueView } from '../queue-views.js';

/** Queues shown in full; beyond this many a report lists the rest in the sortable table. */
export const QUEUES_IN_FULL = 20;

/** The queues to show in full (the most pressed, in scenario order) and the rest, most pressed first. */
export function rankQueues(views: QueueView[]): { inFull: QueueView[]; rest: QueueView[] } {
  if (views.length <= QUEUES_IN_FULL) return { inFull: views, rest: [] };
  // Stable: equal scores keep scenario order.
  const ranked = views
    .map((view) => ({ view, score: pressureScore(view) }))
    .sort((a, b) => b.score - a.score || a.view.index - b.view.index)
    .map(({ view }) => view);
  const inFull = ranked.slice(0, QUEUES_IN_FULL).sort((a, b) => a.index - b.index);
  return { inFull, rest: ranked.slice(QUEUES_IN_FULL) };
}

/** One column of the table: its heading, and the cell's sort key and text for a queue. */
interface Column {
  heading: string;
  value: (view: QueueView) => number | null;
  format: (value: number | null) => string;
}

const COLUMNS: Column[] = [
  { heading: 'pressure', value: pressureScore, format: formatNumber },
  { heading: 'arrivals/s', value: (view) => view.arrivalRate, format: formatNumber },
  { heading: 'throughput/s', value: (view) => view.result.throughput, format: formatNumber },
  { heading: 'utilization', value: (view) => view.result.utilization, format: formatPercent },
  { heading: 'loss', value: (view) => view.result.lossRate, format: formatPercent },
  { heading: 'mean queue', value: (view) => view.result.meanQueueLength, format: formatNumber },
  { heading: 'sojourn p99', value: (view) => view.result.sojourn.p99, format: formatSeconds },
];

/** Sorts the table's rows by the clicked column's data-sort values (numbers; a second click reverses). */
const SORT_SCRIPT = `(function () {
  var table = document.getElementById('ranked-queues-table');
  table.querySelectorAll('thead th').forEach(function (th, column) {
    th.addEventListener('click', function () {
      var body = table.tBodies[0];
      var down = th.getAttribute('aria-sort') !== 'descending';
      table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', down ? 'descending' : 'ascending');
      var key = function (row) {
        var text = row.cells[column].getAttribute('data-sort');
        return column === 0 ? row.cells[0].textContent : text === '' ? -Infinity : Number(text);
      };
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return down ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
})();`;

/** The table of the queues not shown in full, each row carrying the anchor its queue's links point to. */
export function rankedQueuesSection(rest: QueueView[], total: number): string {
  if (rest.length === 0) return '';
  const head = ['queue', ...COLUMNS.map((column) => column.heading)]
    .map((heading) => `<th scope="col" style="cursor:pointer">${escapeHtml(heading)}</th>`)
    .join('');
  const rows = rest.map((view) => {
    const cells = COLUMNS.map((column) => {
      const value = column.value(view);
      return `<td data-sort="${value ?? ''}">${escapeHtml(column.format(value))}</td>`;
    });
    return `<tr id="${view.anchor}"><th scope="row" data-sort="">${escapeHtml(view.name)}</th>${cells.join('')}</tr>`;
  });
  return `<section class="card" id="other-queues">
  <h2>The other ${rest.length} queues</h2>
  <p>The ${total - rest.length} queues under the most pressure (losses first, then the busiest consumers) are shown in full above; the other ${rest.length} of ${total} are listed here, most pressed first. Click a column to sort.</p>
  <table class="data" id="ranked-queues-table">
    <thead><tr>${head}</tr></thead>
    <tbody>
${rows.join('\n')}
    </tbody>
  </table>
  <script>${SORT_SCRIPT}</script>
</section>`;
}
