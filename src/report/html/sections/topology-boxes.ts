/** The SVG boxes of the topology diagram: one per producer, exchange and queue (with its consumers). */
import type { RunResult } from '../../../model/run-result.js';
import type { TopologyExchange, TopologyProducer } from '../../../model/topology.js';
import { formatCount, formatNumber, formatPercent } from '../../format.js';
import { describePool } from '../../pool.js';
import { escapeHtml } from '../escape.js';
import { utilizationColor } from '../palette.js';
import { describeRoom, type QueueView } from '../queue-views.js';
import { clip, fitText, perSecond } from './topology-graph.js';
import { SIZE, type Node } from './topology-layout.js';

/** A producer's box: its published rate, and its blocked share or inter-arrival law. */
export function producerBox(producer: TopologyProducer, node: Node, result: RunResult): string {
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

/** An exchange's box: rates in and out, its type, bindings or unroutable count. */
export function exchangeBox(exchange: TopologyExchange, node: Node, result: RunResult): string {
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

/** The box's losses line, condensed rather than cut when long. */
function lossLine(losses: string, x: number, y: number, widthPx: number): string {
  const line = fitText(losses, 44, widthPx);
  return `<text class="topo-detail topo-bad" x="${x}" y="${y}"${line.attributes}>${line.content}</text>`;
}

/** A queue's box, a link to its section: rates, backlog, its consumer pool's load and what it lost. */
export function queueBox(view: QueueView, node: Node, bottleneck: boolean): string {
  const { width, height } = SIZE.queue;
  const top = node.y - height / 2;
  const x = node.x + 16;
  const { meanQueueLength, consumers, utilization, queuedAtEnd } = view.result;
  const room = describeRoom(view, 'cap ');
  const losses = lossesLine(view);
  const lossText = losses
    ? lossLine(losses, x, top + 100, width - 32)
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
    const line = fitText(
      [describePool(view.result), view.topology?.service ?? ''].filter(Boolean).join(' · '),
      44,
      width - 32,
    );
    pool = `<text class="topo-detail" x="${x}" y="${top + 64}"${line.attributes}>${line.content}</text>
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
