import type { RunResult } from '../../../model/run-result.js';
import type { Topology, TopologyExchange, TopologyProducer } from '../../../model/topology.js';
import { formatCount, formatNumber, formatPercent } from '../../format.js';
import { escapeHtml } from '../escape.js';
import { COLOR, utilizationColor } from '../palette.js';
import { describePool } from '../../pool.js';
import { findBottleneck, type QueueView } from '../queue-views.js';

/**
 * The network as an inline SVG, laid out in columns from left to right: producers, exchanges, then the
 * queues (each with its consumer pool) in the order messages pass them (`then` routes and dead-letter
 * queues to the right of their source). Edge widths follow the message rates.
 */

// Node sizes and spacing, in SVG units (the drawing scales to the card's width).
const SIZE = {
  producer: { width: 190, height: 70 },
  exchange: { width: 180, height: 70 },
  queue: { width: 330, height: 112 },
} as const;
const COLUMN_GAP = 110;
const ROW_GAP = 26;
const TOP = 30;

type Kind = keyof typeof SIZE;

interface Node {
  id: string;
  kind: Kind;
  name: string;
  /** Column, from 0 (producers). */
  layer: number;
  /** Scenario order, to break ties. */
  order: number;
  x: number;
  y: number;
}

interface Edge {
  from: string;
  to: string;
  rate: number;
  label: string;
  title: string;
  color: string;
  dashed: boolean;
}

const key = (kind: Kind, name: string) => `${kind}:${name}`;

/** Text cut to `max` characters (the full text stays in the tooltip). */
function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** "1.2k/s", "36/s", "0.5/s". */
function perSecond(rate: number): string {
  return `${formatNumber(rate)}/s`;
}

/** Columns by longest path from the producers: every edge goes at least one column to the right. */
function assignLayers(nodes: Map<string, Node>, edges: Edge[], hasExchanges: boolean): void {
  for (const node of nodes.values()) {
    node.layer = node.kind === 'producer' ? 0 : node.kind === 'exchange' ? 1 : hasExchanges ? 2 : 1;
  }
  // Bellman–Ford style relaxation; capped, so a cycle through dead-letter queues cannot loop forever.
  for (let round = 0; round < nodes.size; round++) {
    let changed = false;
    for (const edge of edges) {
      const from = nodes.get(edge.from);
      const to = nodes.get(edge.to);
      if (from && to && to.layer < from.layer + 1 && from.layer + 1 <= nodes.size) {
        to.layer = from.layer + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
}

/** Places the columns and stacks each one, ordering nodes by the mean height of their predecessors. */
function place(nodes: Map<string, Node>, edges: Edge[]): { width: number; height: number } {
  // Room between a column and the next for the labels of the edges leaving it (about 6.6 units a character).
  const gapAfter = (layer: number) =>
    Math.max(
      COLUMN_GAP,
      ...edges
        .filter((edge) => nodes.get(edge.from)?.layer === layer)
        .map((edge) => edge.label.length * 6.6 + 36),
    );
  const layers: Node[][] = [];
  for (const node of nodes.values()) (layers[node.layer] ??= []).push(node);
  const columns = layers.filter((layer) => layer !== undefined);
  const stackHeight = (layer: Node[]) =>
    layer.reduce((sum, node) => sum + SIZE[node.kind].height, 0) + ROW_GAP * (layer.length - 1);
  const height = Math.max(...columns.map(stackHeight));
  let x = 0;
  let last = 0;
  for (const layer of columns) {
    const gap = gapAfter(layer[0].layer);
    // Barycentre of the (already placed) predecessors; dead-letter queues sink to the bottom.
    const rank = (node: Node) => {
      const incoming = edges.filter(
        (edge) => edge.to === node.id && nodes.get(edge.from)!.layer < node.layer,
      );
      const solid = incoming.filter((edge) => !edge.dashed);
      const from = (solid.length > 0 ? solid : incoming).map((edge) => nodes.get(edge.from)!.y);
      const centre = from.length > 0 ? from.reduce((a, b) => a + b, 0) / from.length : 0;
      return (solid.length === 0 && incoming.length > 0 ? 1e6 : 0) + centre + node.order * 1e-3;
    };
    layer.sort((a, b) => rank(a) - rank(b));
    let y = (height - stackHeight(layer)) / 2;
    const width = Math.max(...layer.map((node) => SIZE[node.kind].width));
    for (const node of layer) {
      node.x = x + (width - SIZE[node.kind].width) / 2;
      node.y = y + SIZE[node.kind].height / 2;
      y += SIZE[node.kind].height + ROW_GAP;
    }
    x += width + gap;
    last = gap;
  }
  return { width: x - last, height };
}

/** The network's nodes and edges, rates from the run where it has them. */
function graph(topology: Topology, views: QueueView[], result: RunResult) {
  const seconds = result.measuredSeconds > 0 ? result.measuredSeconds : 1;
  const byQueue = new Map(views.map((view) => [view.name, view]));
  const exchangeNames = new Set(topology.exchanges.map((exchange) => exchange.name));
  const target = (name: string) => (exchangeNames.has(name) ? key('exchange', name) : key('queue', name));
  const colorOf = (name: string) => byQueue.get(name)?.color ?? COLOR.neutral;
  const nodes = new Map<string, Node>();
  const add = (kind: Kind, name: string, order: number) =>
    nodes.set(key(kind, name), { id: key(kind, name), kind, name, layer: 0, order, x: 0, y: 0 });
  topology.producers.forEach((producer, index) => add('producer', producer.name, index));
  topology.exchanges.forEach((exchange, index) => add('exchange', exchange.name, index));
  views.forEach((view) => add('queue', view.name, view.index));

  const edges: Edge[] = [];
  for (const producer of topology.producers) {
    const published = result.flows[producer.name]?.published;
    const rate = published === undefined ? producer.ratePerSecond : published / seconds;
    edges.push({
      from: key('producer', producer.name),
      to: target(producer.to),
      rate,
      label: perSecond(rate),
      title: `${producer.name} → ${producer.to}: ${perSecond(rate)} published`,
      color: exchangeNames.has(producer.to) ? COLOR.arrivals : colorOf(producer.to),
      dashed: false,
    });
  }
  for (const exchange of topology.exchanges) {
    const measured = result.exchanges[exchange.name];
    // The offered split along each binding, scaled to what was actually published to the exchange.
    const scale =
      measured && exchange.ratePerSecond > 0 ? measured.published / seconds / exchange.ratePerSecond : 1;
    for (const binding of exchange.bindings) {
      const rate = binding.ratePerSecond * scale;
      const types = binding.types && exchange.type === 'direct' ? binding.types.join(', ') : '';
      edges.push({
        from: key('exchange', exchange.name),
        to: key('queue', binding.queue),
        rate,
        label: types ? `${clip(types, 28)} · ${perSecond(rate)}` : perSecond(rate),
        title: `${exchange.name} → ${binding.queue}${types ? ` (types ${types})` : ''}: about ${perSecond(rate)}`,
        color: colorOf(binding.queue),
        dashed: false,
      });
    }
  }
  for (const route of topology.routes) {
    const source = byQueue.get(route.from);
    if (!source) continue;
    if (route.kind === 'then') {
      const rate = (source.result.completed / seconds) * (route.probability ?? 1);
      const share = formatPercent(route.probability);
      edges.push({
        from: key('queue', route.from),
        to: target(route.to),
        rate,
        label: `${share} · ${perSecond(rate)}`,
        title: `${route.from} → ${route.to}: ${share} of completed messages, ${perSecond(rate)}`,
        color: exchangeNames.has(route.to) ? source.color : colorOf(route.to),
        dashed: false,
      });
    } else {
      const count = source.result.deadLettered;
      edges.push({
        from: key('queue', route.from),
        to: target(route.to),
        rate: count / seconds,
        label: `${formatCount(count)} dead-lettered`,
        title: `${route.from} → ${route.to} (dead letters): ${formatCount(count)} messages refused, dropped, expired or exhausted`,
        color: COLOR.dropped,
        dashed: true,
      });
    }
  }
  return { nodes, edges, byQueue, exchangeNames };
}

/** The network diagram; the bottleneck, when saturated, is outlined in red. */
export function topologyDiagram(topology: Topology, views: QueueView[], result: RunResult): string {
  const { nodes, edges, byQueue } = graph(topology, views, result);
  assignLayers(nodes, edges, topology.exchanges.length > 0);
  const { width, height } = place(nodes, edges);
  const bottleneck = findBottleneck(views);
  const flagged = bottleneck?.saturated ? bottleneck.view.name : null;
  const maxRate = Math.max(1e-9, ...edges.map((edge) => edge.rate));
  const strokeFor = (edge: Edge) => (edge.dashed ? 2 : 1.5 + 9 * Math.sqrt(edge.rate / maxRate));

  const edgeMarkup: string[] = [];
  const labelMarkup: string[] = [];
  for (const edge of edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from || !to) continue;
    const x1 = from.x + SIZE[from.kind].width;
    const y1 = from.y;
    const x2 = to.x;
    const y2 = to.y;
    const bend = Math.max(40, (x2 - x1) / 2);
    const d = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
    edgeMarkup.push(
      `<path class="topo-edge${edge.dashed ? ' topo-dead-letter' : ''}" d="${d}" stroke="${edge.color}" stroke-width="${strokeFor(edge).toFixed(1)}"${edge.dashed ? ' marker-end="url(#topo-arrow-dl)"' : ''}><title>${escapeHtml(edge.title)}</title></path>`,
    );
    // Labels near the target end of the edge, where edges from one source have fanned apart.
    const t = 0.55;
    const bx = cubic(x1, x1 + bend, x2 - bend, x2, t);
    const by = cubic(y1, y1, y2, y2, t);
    labelMarkup.push(
      `<text class="topo-rate${edge.dashed ? ' topo-bad' : ''}" x="${bx.toFixed(1)}" y="${(by - 6).toFixed(1)}" text-anchor="middle">${escapeHtml(edge.label)}</text>`,
    );
  }
  const nodeMarkup = [...nodes.values()].map((node) => {
    if (node.kind === 'producer') {
      return producerBox(
        topology.producers.find((producer) => producer.name === node.name)!,
        node,
        result,
      );
    }
    if (node.kind === 'exchange') {
      return exchangeBox(
        topology.exchanges.find((exchange) => exchange.name === node.name)!,
        node,
        result,
      );
    }
    const view = byQueue.get(node.name)!;
    return queueBox(view, node, view.name === flagged);
  });
  const headings = columnHeadings(nodes);
  return `<svg class="topology" viewBox="-4 0 ${width + 8} ${height + TOP + 8}" style="max-width:${Math.round(width * 1.15)}px" role="img" aria-label="Network topology: producers, exchanges, queues and consumers">
  <defs><marker id="topo-arrow-dl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${COLOR.dropped}"/></marker></defs>
  ${headings}
  <g transform="translate(0, ${TOP})">${edgeMarkup.join('\n')}
${nodeMarkup.join('\n')}
${labelMarkup.join('\n')}</g>
</svg>`;
}

function cubic(p0: number, p1: number, p2: number, p3: number, t: number): number {
  const u = 1 - t;
  return u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
}

/** One heading per column: what its nodes are. */
function columnHeadings(nodes: Map<string, Node>): string {
  const columns = new Map<number, { x: number; width: number; kinds: Set<Kind> }>();
  for (const node of nodes.values()) {
    const column = columns.get(node.layer) ?? { x: node.x, width: 0, kinds: new Set<Kind>() };
    column.x = Math.min(column.x, node.x);
    column.width = Math.max(column.width, node.x + SIZE[node.kind].width - column.x);
    column.kinds.add(node.kind);
    columns.set(node.layer, column);
  }
  const names: Record<Kind, string> = {
    producer: 'Producers',
    exchange: 'Exchanges',
    queue: 'Queues · consumers',
  };
  return [...columns.values()]
    .map((column) => {
      const label = [...column.kinds].map((kind) => names[kind]).join(' · ');
      return `<text class="topo-heading" x="${column.x + column.width / 2}" y="14" text-anchor="middle">${label}</text>`;
    })
    .join('');
}

function producerBox(producer: TopologyProducer, node: Node, result: RunResult): string {
  const { width, height } = SIZE.producer;
  const top = node.y - height / 2;
  const flow = result.flows[producer.name];
  const rate =
    flow && result.measuredSeconds > 0 ? flow.published / result.measuredSeconds : producer.ratePerSecond;
  const blocked =
    flow && flow.blockedSeconds > 0
      ? `<text class="topo-small topo-bad" x="${node.x + 12}" y="${top + 62}">blocked ${formatPercent(flow.blockedSeconds / result.measuredSeconds)} of the time</text>`
      : `<text class="topo-small" x="${node.x + 12}" y="${top + 62}">${escapeHtml(clip(producer.interarrival, 30))}</text>`;
  return `<g class="topo-node topo-producer">
  <title>${escapeHtml(`${producer.name}: publishes to ${producer.to}, inter-arrival ${producer.interarrival}`)}</title>
  <rect x="${node.x}" y="${top}" width="${width}" height="${height}" rx="8" class="topo-box"/>
  <text class="topo-name" x="${node.x + 12}" y="${top + 22}">${escapeHtml(clip(producer.name, 20))}</text>
  <text class="topo-detail" x="${node.x + 12}" y="${top + 42}">${escapeHtml(perSecond(rate))} published</text>
  ${blocked}
</g>`;
}

function exchangeBox(exchange: TopologyExchange, node: Node, result: RunResult): string {
  const { width, height } = SIZE.exchange;
  const top = node.y - height / 2;
  const stats = result.exchanges[exchange.name];
  const seconds = result.measuredSeconds > 0 ? result.measuredSeconds : 1;
  const bindings = `${exchange.bindings.length} binding${exchange.bindings.length === 1 ? '' : 's'}`;
  const third =
    stats && stats.unroutable > 0
      ? `<tspan class="topo-bad">${formatCount(stats.unroutable)} unroutable</tspan>`
      : escapeHtml(bindings);
  const rates = stats
    ? `${perSecond(stats.published / seconds)} in → ${perSecond(stats.routed / seconds)} out`
    : `${perSecond(exchange.ratePerSecond)} offered`;
  return `<g class="topo-node topo-exchange">
  <title>${escapeHtml(`${exchange.name}: ${exchange.type} exchange, bound to ${exchange.bindings.map((binding) => binding.queue).join(', ')}`)}</title>
  <rect x="${node.x}" y="${top}" width="${width}" height="${height}" rx="${height / 2}" class="topo-box topo-exchange-box"/>
  <text class="topo-name" x="${node.x + 14}" y="${top + 22}">${escapeHtml(clip(exchange.name, 18))}</text>
  <text class="topo-detail" x="${node.x + 14}" y="${top + 42}">${escapeHtml(rates)}</text>
  <text class="topo-small" x="${node.x + 14}" y="${top + 60}"><tspan class="topo-kind">${exchange.type}</tspan> · ${third}</text>
</g>`;
}

/** What a queue lost, most important first: "120 expired · 3 dropped · 200 → DLQ". */
function lossesLine(view: QueueView): string {
  const { fates } = view.result;
  const parts = [
    fates.rejected > 0 ? `${formatCount(fates.rejected)} refused` : '',
    fates.droppedHead > 0 ? `${formatCount(fates.droppedHead)} dropped` : '',
    fates.expired > 0 ? `${formatCount(fates.expired)} expired` : '',
    fates.exhausted > 0 ? `${formatCount(fates.exhausted)} exhausted` : '',
    fates.deadLettered > 0 ? `${formatCount(fates.deadLettered)} dead-lettered` : '',
  ].filter(Boolean);
  return parts.join(' · ');
}

function queueBox(view: QueueView, node: Node, bottleneck: boolean): string {
  const { width, height } = SIZE.queue;
  const top = node.y - height / 2;
  const x = node.x + 16;
  const { capacity, meanQueueLength, consumers, utilization, queuedAtEnd } = view.result;
  const room = capacity === null ? 'unbounded' : `cap ${formatCount(capacity)}`;
  const losses = lossesLine(view);
  const lossText = losses
    ? `<text class="topo-detail topo-bad" x="${x}" y="${top + 100}">${escapeHtml(clip(losses, 44))}</text>`
    : `<text class="topo-small" x="${x}" y="${top + 100}">nothing lost</text>`;
  const badge = bottleneck
    ? `<g class="topo-badge"><rect x="${node.x + width - 98}" y="${top - 10}" width="92" height="20" rx="10"/><text x="${node.x + width - 52}" y="${top + 4}" text-anchor="middle">BOTTLENECK</text></g>`
    : '';
  let pool: string;
  if (consumers === 0) {
    pool = `<text class="topo-small" x="${x}" y="${top + 64}">no consumers · ${formatCount(queuedAtEnd)} held at the end</text>`;
  } else {
    const barWidth = width - 32 - 64;
    const share = Math.min(1, Math.max(0, utilization ?? 0));
    const color = utilizationColor(utilization);
    pool = `<text class="topo-detail" x="${x}" y="${top + 64}">${escapeHtml(clip(describePool(view.result), 40))}${view.topology?.service ? ` · ${escapeHtml(clip(view.topology.service, 32))}` : ''}</text>
  <rect x="${x}" y="${top + 71}" width="${barWidth}" height="8" rx="4" fill="#edf0f4"/>
  <rect x="${x}" y="${top + 71}" width="${(barWidth * share).toFixed(1)}" height="8" rx="4" fill="${color}"/>
  <text class="topo-detail topo-strong" x="${node.x + width - 14}" y="${top + 80}" text-anchor="end" fill="${color}">${escapeHtml(formatPercent(utilization))}</text>`;
  }
  const tooltip = [
    `${view.name}: ${perSecond(view.arrivalRate)} arriving, mean ${formatNumber(meanQueueLength)} waiting (${room})`,
    consumers > 0 ? `${describePool(view.result)} ${formatPercent(utilization)} busy` : 'no consumers',
    losses || 'nothing lost',
  ].join('; ');
  return `<a href="#${view.anchor}" class="topo-node topo-queue${bottleneck ? ' topo-bottleneck' : ''}">
  <title>${escapeHtml(tooltip)}</title>
  <rect x="${node.x}" y="${top}" width="${width}" height="${height}" rx="8" class="topo-box"/>
  <rect x="${node.x}" y="${top}" width="7" height="${height}" rx="3" fill="${view.color}"/>
  <text class="topo-name" x="${x}" y="${top + 22}">${escapeHtml(clip(view.name, 22))}</text>
  <text class="topo-detail" x="${x}" y="${top + 42}">${escapeHtml(`${perSecond(view.arrivalRate)} in · ${formatNumber(meanQueueLength)} waiting · ${room}`)}</text>
  ${pool}
  ${lossText}
  ${badge}
</a>`;
}

/** The topology card. */
export function topologySection(topology: Topology, views: QueueView[], result: RunResult): string {
  const hasExchanges = topology.exchanges.length > 0;
  const hasRoutes = topology.routes.some((route) => route.kind === 'then');
  const hasDeadLetters = topology.routes.some((route) => route.kind === 'dead-letter');
  const lead = [
    hasExchanges
      ? 'Producers publish to exchanges (fanout: a copy to every bound queue; direct: by message type) or straight to queues.'
      : 'Producers publish to queues.',
    'Each queue’s consumers take the next waiting message; the bar shows how busy they were.',
    hasRoutes ? 'Finished messages follow the queue’s routes (share of completions).' : '',
    hasDeadLetters ? 'Dashed red lines lead to dead-letter queues.' : '',
    'Line widths follow the measured message rates; the queue under most pressure is outlined in red when it loses messages or its consumers are at least 80&nbsp;% busy. Select a queue for its details.',
  ]
    .filter(Boolean)
    .join(' ');
  return `<section class="card" id="topology">
  <h2>Topology</h2>
  <p class="lead">${lead}</p>
  <div class="topology-wrap">${topologyDiagram(topology, views, result)}</div>
</section>`;
}
