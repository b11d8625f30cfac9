import type { Topology, TopologyProducer } from '../../../model/topology.js';
import { formatCount, formatNumber, formatPercent } from '../../format.js';
import { escapeHtml } from '../escape.js';
import { COLOR, utilizationColor } from '../palette.js';
import { findBottleneck, type QueueView } from '../queue-views.js';

// Layout of the diagram, in SVG units: three columns, one row per producer or queue.
const WIDTH = 1000;
const ROW = 100;
const BOX = 72;
const PRODUCER = { x: 8, width: 210 };
const QUEUE = { x: 330, width: 310 };
const POOL = { x: 762, width: 230 };

/** A box's vertical centre for item `index` of `count` spread over `height`. */
function centre(index: number, count: number, height: number): number {
  return ((index + 0.5) * height) / count;
}

/** A curved edge from (x1, y1) to (x2, y2) whose width shows a rate. */
function edge(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  width: number,
  color: string,
  title: string,
): string {
  const bend = (x2 - x1) / 2;
  return `<path class="topo-edge" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" stroke="${color}" stroke-width="${width.toFixed(1)}"><title>${escapeHtml(title)}</title></path>`;
}

/** Text cut to `max` characters (the full text stays in the tooltip). */
function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * The network as an inline SVG: producers → queues → consumer pools, with offered rates on the left,
 * waiting and refused messages on the queues, throughput and utilisation on the pools, and the
 * bottleneck outlined in red.
 */
export function topologyDiagram(topology: Topology, views: QueueView[]): string {
  const byQueue = new Map(views.map((view) => [view.name, view]));
  const producers = [...topology.producers].sort(
    (a, b) => (byQueue.get(a.to)?.index ?? 0) - (byQueue.get(b.to)?.index ?? 0),
  );
  const rows = Math.max(producers.length, views.length, 1);
  const height = rows * ROW;
  const bottleneck = findBottleneck(views);
  const flagged = bottleneck?.saturated ? bottleneck.view.name : null;
  const maxRate = Math.max(
    1e-9,
    ...producers.map((producer) => producer.ratePerSecond),
    ...views.map((view) => view.result.throughput),
  );
  const strokeFor = (rate: number) => 1.5 + 8 * Math.sqrt(rate / maxRate);
  const queueY = (name: string) => centre(byQueue.get(name)?.index ?? 0, views.length, height);

  const parts: string[] = [];
  producers.forEach((producer, index) => {
    const y = centre(index, producers.length, height);
    const view = byQueue.get(producer.to);
    parts.push(
      edge(
        PRODUCER.x + PRODUCER.width,
        y,
        QUEUE.x,
        queueY(producer.to),
        strokeFor(producer.ratePerSecond),
        view?.color ?? COLOR.neutral,
        `${producer.name} → ${producer.to}: ${formatNumber(producer.ratePerSecond)} messages/s offered`,
      ),
    );
    parts.push(producerBox(producer, y));
  });
  for (const view of views) {
    const y = queueY(view.name);
    const { throughput } = view.result;
    if (view.result.consumers > 0) {
      parts.push(
        edge(
          QUEUE.x + QUEUE.width,
          y,
          POOL.x,
          y,
          strokeFor(throughput),
          view.color,
          `${view.name}: ${formatNumber(throughput)} messages/s completed`,
        ),
      );
      parts.push(
        `<text class="topo-rate" x="${(QUEUE.x + QUEUE.width + POOL.x) / 2}" y="${y - 10}" text-anchor="middle">${escapeHtml(formatNumber(throughput))}/s</text>`,
      );
    }
    parts.push(queueBox(view, y, view.name === flagged));
    parts.push(poolBox(view, y, view.name === flagged));
  }
  const columns = [
    [PRODUCER.x + PRODUCER.width / 2, 'Producers · offered rate'],
    [QUEUE.x + QUEUE.width / 2, 'Queues · waiting, refused'],
    [POOL.x + POOL.width / 2, 'Consumers · utilisation'],
  ] as const;
  const headings = columns
    .map(([x, label]) => `<text class="topo-heading" x="${x}" y="14" text-anchor="middle">${label}</text>`)
    .join('');
  return `<svg class="topology" viewBox="0 0 ${WIDTH} ${height + 32}" role="img" aria-label="Network topology: producers, queues and consumers">
  ${headings}
  <g transform="translate(0, 28)">${parts.join('\n')}</g>
</svg>`;
}

function producerBox(producer: TopologyProducer, y: number): string {
  const top = y - BOX / 2;
  return `<g class="topo-node">
  <title>${escapeHtml(`${producer.name}: publishes to ${producer.to}, inter-arrival ${producer.interarrival}`)}</title>
  <rect x="${PRODUCER.x}" y="${top}" width="${PRODUCER.width}" height="${BOX}" rx="8" class="topo-box"/>
  <text class="topo-name" x="${PRODUCER.x + 14}" y="${top + 26}">${escapeHtml(clip(producer.name, 24))}</text>
  <text class="topo-detail" x="${PRODUCER.x + 14}" y="${top + 46}">${escapeHtml(formatNumber(producer.ratePerSecond))} msg/s offered</text>
  <text class="topo-small" x="${PRODUCER.x + 14}" y="${top + 62}">${escapeHtml(clip(producer.interarrival, 30))}</text>
</g>`;
}

function queueBox(view: QueueView, y: number, bottleneck: boolean): string {
  const top = y - BOX / 2;
  const { capacity, meanQueueLength, dropped, dropRate } = view.result;
  const room = capacity === null ? 'unbounded' : `capacity ${formatCount(capacity)}`;
  const drops =
    dropped > 0
      ? `<text class="topo-detail topo-bad" x="${QUEUE.x + 18}" y="${top + 62}">${formatCount(dropped)} refused (${formatPercent(dropRate)})</text>`
      : `<text class="topo-small" x="${QUEUE.x + 18}" y="${top + 62}">none refused</text>`;
  const badge = bottleneck
    ? `<g class="topo-badge"><rect x="${QUEUE.x + QUEUE.width - 96}" y="${top - 11}" width="92" height="20" rx="10"/><text x="${QUEUE.x + QUEUE.width - 50}" y="${top + 3}" text-anchor="middle">BOTTLENECK</text></g>`
    : '';
  return `<a href="#${view.anchor}" class="topo-node${bottleneck ? ' topo-bottleneck' : ''}">
  <title>${escapeHtml(`${view.name}: mean ${formatNumber(meanQueueLength)} waiting, ${room}, ${formatCount(dropped)} refused`)}</title>
  <rect x="${QUEUE.x}" y="${top}" width="${QUEUE.width}" height="${BOX}" rx="8" class="topo-box"/>
  <rect x="${QUEUE.x}" y="${top}" width="7" height="${BOX}" rx="3" fill="${view.color}"/>
  <text class="topo-name" x="${QUEUE.x + 18}" y="${top + 24}">${escapeHtml(clip(view.name, 26))}</text>
  <text class="topo-detail" x="${QUEUE.x + 18}" y="${top + 44}">${escapeHtml(formatNumber(meanQueueLength))} waiting (mean) · ${escapeHtml(room)}</text>
  ${drops}
  ${badge}
</a>`;
}

function poolBox(view: QueueView, y: number, bottleneck: boolean): string {
  const top = y - BOX / 2;
  const { consumers, utilization } = view.result;
  if (consumers === 0) {
    return `<g class="topo-node"><rect x="${POOL.x}" y="${top}" width="${POOL.width}" height="${BOX}" rx="8" class="topo-box topo-empty"/>
  <text class="topo-name" x="${POOL.x + 14}" y="${top + 30}">no consumers</text>
  <text class="topo-small" x="${POOL.x + 14}" y="${top + 52}">messages stay in the queue</text></g>`;
  }
  const barWidth = POOL.width - 28;
  const share = Math.min(1, Math.max(0, utilization ?? 0));
  const service = view.topology?.service ?? '';
  return `<a href="#${view.anchor}" class="topo-node${bottleneck ? ' topo-bottleneck' : ''}">
  <title>${escapeHtml(`${consumers} consumers of ${view.name}, ${formatPercent(utilization)} busy; service ${service}`)}</title>
  <rect x="${POOL.x}" y="${top}" width="${POOL.width}" height="${BOX}" rx="8" class="topo-box"/>
  <text class="topo-name" x="${POOL.x + 14}" y="${top + 24}">${consumers} consumer${consumers === 1 ? '' : 's'}</text>
  <text class="topo-detail" x="${POOL.x + POOL.width - 14}" y="${top + 24}" text-anchor="end" fill="${utilizationColor(utilization)}">${escapeHtml(formatPercent(utilization))} busy</text>
  <rect x="${POOL.x + 14}" y="${top + 34}" width="${barWidth}" height="8" rx="4" fill="#edf0f4"/>
  <rect x="${POOL.x + 14}" y="${top + 34}" width="${(barWidth * share).toFixed(1)}" height="8" rx="4" fill="${utilizationColor(utilization)}"/>
  <text class="topo-small" x="${POOL.x + 14}" y="${top + 62}">${escapeHtml(clip(service, 34))}</text>
</a>`;
}

/** The topology card. */
export function topologySection(topology: Topology, views: QueueView[]): string {
  return `<section class="card" id="topology">
  <h2>Topology</h2>
  <p class="lead">Producers publish to queues; each queue's consumers take the next waiting message. Line widths follow the message rates; the queue under most pressure is outlined in red when it refuses messages or its consumers are at least 80&nbsp;% busy. Select a queue for its details.</p>
  <div class="topology-wrap">${topologyDiagram(topology, views)}</div>
</section>`;
}
