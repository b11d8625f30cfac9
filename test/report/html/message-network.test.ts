/**
 * Reports of message-queue networks: exchanges, `then` routes, dead-letter queues, per-producer fates and
 * end-to-end latency, from the shipped scenarios (shortened).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTopology } from '../../../src/model/topology.js';
import { renderReportHtml } from '../../../src/report/html/index.js';
import { FLOW_FATES } from '../../../src/report/html/fates.js';
import { loadScenarioFile } from '../../../src/scenario/index.js';
import type { Scenario } from '../../../src/scenario/types.js';
import { projectRoot } from '../../helpers/cli.js';
import { reportInputFor } from '../../helpers/report-input.js';

async function shipped(name: string, durationSeconds = 120): Promise<Scenario> {
  const { scenario } = await loadScenarioFile(join(projectRoot, 'scenarios', `${name}.yaml`));
  return { ...scenario, durationSeconds, warmupSeconds: 20 };
}

const topologySvg = (html: string) => html.match(/<svg class="topology"[\s\S]*?<\/svg>/)![0];

describe('describeTopology of a message network', () => {
  it('lists exchanges with their bindings and offered rates, then routes and dead-letter edges', async () => {
    const topology = describeTopology(await shipped('order-pipeline'));
    expect(topology.exchanges).toEqual([
      {
        name: 'orders',
        type: 'fanout',
        ratePerSecond: expect.closeTo(40, 6),
        bindings: [
          { queue: 'billing', types: null, ratePerSecond: expect.closeTo(40, 6) },
          { queue: 'email', types: null, ratePerSecond: expect.closeTo(40, 6) },
        ],
      },
    ]);
    expect(topology.routes).toEqual([
      { kind: 'then', from: 'billing', to: 'ledger', probability: 0.9 },
      { kind: 'then', from: 'billing', to: 'fraud-check', probability: 0.1 },
      { kind: 'dead-letter', from: 'billing', to: 'billing-dlq', probability: null },
    ]);
  });

  it('splits a direct exchange by the producers’ type mix', async () => {
    const [exchange] = describeTopology(await shipped('priority-prefetch')).exchanges;
    const rate = (queue: string) =>
      exchange.bindings.find((binding) => binding.queue === queue)!.ratePerSecond;
    expect(exchange.type).toBe('direct');
    expect(rate('fulfilment')).toBeCloseTo(50, 9);
    expect(rate('vip-concierge')).toBeCloseTo(5, 9);
  });
});

describe('HTML report of a message network', () => {
  it('draws producers → exchange → queues, then routes with their shares and a dashed dead-letter edge', async () => {
    const input = reportInputFor(await shipped('order-pipeline'));
    const svg = topologySvg(renderReportHtml(input));
    expect(svg.match(/class="topo-node topo-producer"/g)).toHaveLength(1);
    expect(svg.match(/class="topo-node topo-exchange"/g)).toHaveLength(1);
    expect(svg.match(/class="topo-node topo-queue/g)).toHaveLength(5);
    expect(svg).toContain('<tspan class="topo-kind">fanout</tspan> · 2 bindings');
    expect(svg).toContain('>Exchanges</text>');
    // then routes: 1 producer edge + 2 bindings + 2 routes + 1 dead-letter edge.
    expect(svg.match(/<path class="topo-edge/g)).toHaveLength(6);
    expect(svg.match(/<path class="topo-edge topo-dead-letter"/g)).toHaveLength(1);
    expect(svg).toMatch(/>90% · [\d.]+\/s<\/text>/);
    expect(svg).toMatch(/>10% · [\d.]+\/s<\/text>/);
    const deadLettered = input.result.queues.billing.deadLettered;
    expect(svg).toContain(`>${deadLettered.toLocaleString('en-US')} dead-lettered</text>`);
  });

  it('labels direct bindings with their message types', async () => {
    const svg = topologySvg(renderReportHtml(reportInputFor(await shipped('priority-prefetch', 60))));
    expect(svg).toContain('<tspan class="topo-kind">direct</tspan>');
    expect(svg).toMatch(/>vip_order · [\d.]+\/s<\/text>/);
    expect(svg).toMatch(/>order_placed, vip_order · [\d.]+\/s<\/text>/);
  });

  it('shows where each producer’s messages went, end-to-end latency and the exchanges’ counts', async () => {
    const input = reportInputFor(await shipped('flaky-downstream', 600));
    const html = renderReportHtml(input);
    const [flows, queues] = html.match(/<table class="data fates-table">[\s\S]*?<\/table>/g)!;
    expect(flows).toContain('>webhooks</th>');
    expect(flows).toContain('>nightly-export</th>');
    const webhooks = input.result.flows.webhooks;
    expect(webhooks.fates.deadLettered).toBeGreaterThan(0);
    expect(flows).toContain('Dead-lettered');
    const ended = FLOW_FATES.reduce((sum, fate) => sum + fate.count(webhooks), 0);
    expect(flows).toContain(`<td>${ended.toLocaleString('en-US')}</td>`);
    // Retries that ran out and the visibility timeout's abandoned attempts show at the queue.
    expect(queues).toContain('Dead-lettered');
    expect(queues).toContain('Abandoned attempt');
    const latency = html.match(/<table class="data flows-latency">[\s\S]*?<\/table>/)![0];
    for (const head of ['Mean', 'p50', 'p95', 'p99', 'Publisher blocked']) expect(latency).toContain(head);
    expect(latency.match(/<tr>/g)).toHaveLength(1 + 2);
    // The export job is held back by its blocking queue.
    expect(input.result.flows['nightly-export'].blockedSeconds).toBeGreaterThan(0);
    expect(html).not.toContain('exchanges-table');

    const pipeline = renderReportHtml(reportInputFor(await shipped('order-pipeline')));
    const exchanges = pipeline.match(/<table class="data exchanges-table">[\s\S]*?<\/table>/)![0];
    expect(exchanges).toContain('>orders</th>');
    expect(exchanges).toContain('Unroutable');
  });

  it('labels the charts with the number of replications they summarise', async () => {
    const input = reportInputFor(await shipped('flaky-downstream', 60));
    const single = renderReportHtml(input);
    expect(single).not.toContain('replications)');
    const replicated = renderReportHtml({ ...input, result: { ...input.result, replications: 5 } });
    expect(replicated).toContain('<h4>Queue depth over time (5 replications)</h4>');
    expect(replicated).toContain('Mean of 5 replications.');
    expect(replicated).toContain('<dt>Replications</dt><dd>5</dd>');
  });
});
