import type { RunResult } from '../../../model/run-result.js';
import type { Topology } from '../../../model/topology.js';
import { escapeHtml } from '../escape.js';
import { COLOR } from '../palette.js';
import { findBottleneck, type QueueView } from '../queue-views.js';
import { exchangeBox, producerBox, queueBox } from './topology-boxes.js';
import { graph } from './topology-graph.js';
import { SIZE, assignLayers, cubic, place, type Edge, type Kind, type Node } from './topology-layout.js';

/**
 * The network as an inline SVG, laid out in columns from left to right: producers, exchanges, then the
 * queues (each with its consumer pool) in the order messages pass them (`then` routes and dead-letter
 * queues to the right of their source). Edge widths follow the message rates. The graph is built in
 * topology-graph.ts and laid out in topology-layout.ts; this file draws it.
 */

/** Room above the drawing for the column headings. */
const TOP = 30;

/** The network diagram; the bottleneck, when saturated, is outlined in red. */
export function topologyDiagram(topology: Topology, views: QueueView[], result: RunResult): string {
  const { nodes, edges, byQueue } = graph(topology, views, result);
  assignLayers(nodes, edges, topology.exchanges.length > 0);
  const { width, height } = place(nodes, edges);
  const bottleneck = findBottleneck(views);
  const flagged = bottleneck?.saturated ? bottleneck.view.name : null;
  const { edgeMarkup, labelMarkup } = edgesMarkup(nodes, edges);
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

/** Each edge as a Bézier path (width by rate) and its label near the target end. */
function edgesMarkup(
  nodes: Map<string, Node>,
  edges: Edge[],
): { edgeMarkup: string[]; labelMarkup: string[] } {
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
  return { edgeMarkup, labelMarkup };
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

/** The topology card. */
export function topologySection(topology: Topology, views: QueueView[], result: RunResult): string {
  const hasExchanges = topology.exchanges.length > 0;
  const hasRoutes = topology.routes.some((route) => route.kind === 'then');
  const hasDeadLetters = topology.routes.some((route) => route.kind === 'dead-letter');
  const lead = [
    hasExchanges
      ? 'Producers publish to exchanges (fanout: a copy to every bound queue; direct: by message type; topic: by patterns matched against the type) or straight to queues.'
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
