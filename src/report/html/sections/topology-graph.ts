/**
 * The topology diagram's graph: one node per producer, exchange and queue, one edge per way messages
 * travel, with the rates the run measured (or the offered rates where it has none). Labels and colours are
 * decided here; where the nodes go is topology-layout.ts, how they are drawn topology.ts.
 */
import type { RunResult } from '../../../model/run-result.js';
import type { Topology } from '../../../model/topology.js';
import { formatCount, formatNumber, formatPercent } from '../../format.js';
import { escapeHtml } from '../escape.js';
import { COLOR } from '../palette.js';
import type { QueueView } from '../queue-views.js';
import { key, type Edge, type Kind, type Node } from './topology-layout.js';

/** Text cut to `max` characters (the full text stays in the tooltip). */
export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * The attributes and content of a box's text line that should fit `widthPx` at about `maxChars`: a longer
 * text is condensed to the width (up to a third longer, still legible) rather than cut, and clipped only
 * beyond that; a clipped text keeps the whole in a tooltip.
 */
export function fitText(
  text: string,
  maxChars: number,
  widthPx: number,
): { attributes: string; content: string } {
  if (text.length <= maxChars) return { attributes: '', content: escapeHtml(text) };
  const squeezed = clip(text, Math.floor(maxChars * 1.35));
  const tooltip = squeezed === text ? '' : `<title>${escapeHtml(text)}</title>`;
  return {
    attributes: ` textLength="${widthPx}" lengthAdjust="spacingAndGlyphs"`,
    content: `${escapeHtml(squeezed)}${tooltip}`,
  };
}

/** "1.2k/s", "36/s", "0.5/s". */
export function perSecond(rate: number): string {
  return `${formatNumber(rate)}/s`;
}

/** What the edge builders share: the run, its measured seconds and how to name and colour a target. */
interface GraphContext {
  result: RunResult;
  seconds: number;
  byQueue: Map<string, QueueView>;
  exchangeNames: Set<string>;
  target: (name: string) => string;
  colorOf: (name: string) => string;
}

/** The network's nodes and edges, rates from the run where it has them. */
export function graph(topology: Topology, views: QueueView[], result: RunResult) {
  const byQueue = new Map(views.map((view) => [view.name, view]));
  const exchangeNames = new Set(topology.exchanges.map((exchange) => exchange.name));
  const context: GraphContext = {
    result,
    seconds: result.measuredSeconds > 0 ? result.measuredSeconds : 1,
    byQueue,
    exchangeNames,
    target: (name) => (exchangeNames.has(name) ? key('exchange', name) : key('queue', name)),
    colorOf: (name) => byQueue.get(name)?.color ?? COLOR.neutral,
  };
  const nodes = new Map<string, Node>();
  const add = (kind: Kind, name: string, order: number) =>
    nodes.set(key(kind, name), { id: key(kind, name), kind, name, layer: 0, order, x: 0, y: 0 });
  topology.producers.forEach((producer, index) => add('producer', producer.name, index));
  topology.exchanges.forEach((exchange, index) => add('exchange', exchange.name, index));
  views.forEach((view) => add('queue', view.name, view.index));
  const edges: Edge[] = [
    ...producerEdges(topology, context),
    ...bindingEdges(topology, context),
    ...routeEdges(topology, context),
  ];
  return { nodes, edges, byQueue, exchangeNames };
}

/** Producer → exchange or queue, at the published rate. */
function producerEdges(topology: Topology, context: GraphContext): Edge[] {
  const { result, seconds, exchangeNames } = context;
  return topology.producers.map((producer) => {
    const published = result.flows[producer.name]?.published;
    const rate = published === undefined ? producer.ratePerSecond : published / seconds;
    return {
      from: key('producer', producer.name),
      to: context.target(producer.to),
      rate,
      label: perSecond(rate),
      title: `${producer.name} → ${producer.to}: ${perSecond(rate)} published`,
      color: exchangeNames.has(producer.to) ? COLOR.arrivals : context.colorOf(producer.to),
      dashed: false,
    };
  });
}

/** Exchange → queue along each binding. */
function bindingEdges(topology: Topology, context: GraphContext): Edge[] {
  const { result, seconds } = context;
  const edges: Edge[] = [];
  for (const exchange of topology.exchanges) {
    const measured = result.exchanges[exchange.name];
    // The offered split along each binding, scaled to what was actually published to the exchange.
    const scale =
      measured && exchange.ratePerSecond > 0 ? measured.published / seconds / exchange.ratePerSecond : 1;
    for (const binding of exchange.bindings) {
      const rate = binding.ratePerSecond * scale;
      const types =
        binding.types && exchange.type === 'direct'
          ? binding.types.join(', ')
          : (binding.patterns ?? []).join(', ');
      edges.push({
        from: key('exchange', exchange.name),
        to: key('queue', binding.queue),
        rate,
        label: types ? `${clip(types, 28)} · ${perSecond(rate)}` : perSecond(rate),
        title: `${exchange.name} → ${binding.queue}${types ? ` (${binding.patterns ? 'patterns' : 'types'} ${types})` : ''}: about ${perSecond(rate)}`,
        color: context.colorOf(binding.queue),
        dashed: false,
      });
    }
  }
  return edges;
}

/** Queue → next queue or exchange (`then`, by share of completions) and queue → dead-letter queue. */
function routeEdges(topology: Topology, context: GraphContext): Edge[] {
  const { seconds, byQueue, exchangeNames } = context;
  const edges: Edge[] = [];
  for (const route of topology.routes) {
    const source = byQueue.get(route.from);
    if (!source) continue;
    if (route.kind === 'then') {
      const rate = (source.result.completed / seconds) * (route.probability ?? 1);
      const share = formatPercent(route.probability);
      edges.push({
        from: key('queue', route.from),
        to: context.target(route.to),
        rate,
        label: `${share} · ${perSecond(rate)}`,
        title: `${route.from} → ${route.to}: ${share} of completed messages, ${perSecond(rate)}`,
        color: exchangeNames.has(route.to) ? source.color : context.colorOf(route.to),
        dashed: false,
      });
    } else {
      const count = source.result.deadLettered;
      edges.push({
        from: key('queue', route.from),
        to: context.target(route.to),
        rate: count / seconds,
        label: `${formatCount(count)} dead-lettered`,
        title: `${route.from} → ${route.to} (dead letters): ${formatCount(count)} messages refused, dropped, expired or exhausted`,
        color: COLOR.dropped,
        dashed: true,
      });
    }
  }
  return edges;
}
