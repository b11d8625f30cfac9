/** The report header's SLO lines: one per verdict, coloured by its class, absent without SLOs. */
import { describe, expect, it } from 'vitest';
import { evaluateSlos, judgeSlo } from '../../../src/analysis/slo.js';
import { renderReportHtml } from '../../../src/report/html/index.js';
import { reportInputFor, threeQueues } from '../../helpers/report-input.js';

describe('report header SLOs', () => {
  const input = reportInputFor(threeQueues);

  it('has no SLO list without SLOs', () => {
    expect(renderReportHtml(input)).not.toContain('class="slo-verdicts"');
  });

  it('shows a verdict line per SLO', () => {
    const slo = evaluateSlos(input.result, {
      slo: [
        { scope: 'queue', name: 'orders', metric: 'sojourn.p99', unit: 'seconds', max: 100 },
        { scope: 'queue', name: 'payments', metric: 'utilization', unit: 'fraction', max: 0.01 },
      ],
    });
    const html = renderReportHtml({ ...input, result: { ...input.result, slo } });
    const list = /<ul class="slo-verdicts"[^>]*>(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
    const items = list.match(/<li[^>]*>.*?<\/li>/gs) ?? [];
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('slo-uncertain'); // one run: a pass cannot be significant
    expect(items[0]).toContain('queues.orders.sojourn.p99');
    expect(items[0]).toContain('≤ 100s');
    expect(items[1]).toContain('slo-fail');
    expect(items[1]).toContain('not significant'); // one run: no CI behind the verdict
    expect(items[0]).toContain('to decide: replications (no CI)');
  });

  it('names where a CI comes from, and what would decide an uncertain verdict', () => {
    const judged = judgeSlo('queues.orders.sojourn.p99', { max: 0.25, unit: 'seconds' }, 0.23, [0.19, 0.27], {
      method: 'batch means',
      n: 20,
    });
    const html = renderReportHtml({ ...input, result: { ...input.result, slo: [judged] } });
    expect(html).toContain(
      '<span class="slo-notes">(95 % CI from batch means (20 batches); to decide: a run about 4× longer (or about 4 replications))</span>',
    );
  });
});
