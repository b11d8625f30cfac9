/** The run report's headline card and waiting-room labels say what the results say. */
import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../src/report/html/index.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

const input = reportInputFor(threeQueues);

/** The text of the "Busiest consumers" card. */
function busiestCard(html: string): string {
  const match =
    /<div class="kpi[^"]*"><div class="kpi-label">Busiest consumers<\/div>(.*?)<\/div><\/div>/.exec(html);
  return (match?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the run report', () => {
  it('names the busiest pool on its card, not the bottleneck', () => {
    const result = structuredClone(input.result);
    // payments refuses messages (the bottleneck) at 78.2 %; orders is busier at 79.4 % and loses nothing.
    expect(result.queues.payments.fates.rejected).toBeGreaterThan(0);
    result.queues.payments.utilization = 0.782;
    result.queues.orders.utilization = 0.794;
    const html = renderReportHtml({ ...input, result });
    expect(html).toMatch(/Bottleneck: <a href="#[^"]+">payments<\/a>/);
    expect(busiestCard(html)).toBe('79.4% orders');
  });

  it('labels a queue bounded only by capacity-bytes with its byte limit, not "unbounded"', () => {
    const topology = structuredClone(input.topology);
    const result = structuredClone(input.result);
    const orders = topology.queues.find((queue) => queue.name === 'orders')!;
    expect(result.queues.orders.capacity).toBeNull();
    orders.capacityBytes = 8_000_000;
    const html = renderReportHtml({ ...input, topology, result });
    expect(html).toContain('capacity 8 MB');
    expect(html).toContain('cap 8 MB');
    // The archive has neither limit.
    expect(html).toContain('unbounded queue');
  });
});

describe('the loss card', () => {
  it('gives the loss account: each way copies were lost, with its count', () => {
    const html = renderReportHtml(input);
    const card =
      /<div class="kpi-label">Lost or dead-lettered<\/div>(.*?)<\/div><\/div>/.exec(html)?.[1] ?? '';
    const rejected = Object.values(input.result.flows).reduce((sum, flow) => sum + flow.fates.rejected, 0);
    expect(rejected).toBeGreaterThan(0);
    expect(card).toContain(`${rejected.toLocaleString('en-US')} rejected (full)`);
    expect(card).not.toContain('expired');
  });
});

describe('texts that used to be cut', () => {
  it('condenses a long consumer line in a topology box instead of cutting it', () => {
    const topology = structuredClone(input.topology);
    const service = 'normal(mean 100ms, sd 5ms) truncated at 0';
    topology.queues.find((queue) => queue.name === 'orders')!.service = service;
    const html = renderReportHtml({ ...input, topology });
    const line =
      /<text class="topo-detail"[^>]*textLength="\d+" lengthAdjust="spacingAndGlyphs">([^<]*)<\/text>/.exec(
        html,
      );
    expect(line?.[1]).toContain(service);
  });
});
