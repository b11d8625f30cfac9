/**
 * A flow's end-to-end percentiles get the queues' sectioning intervals (percentile-sections.ts). With one
 * producer feeding one queue, a message's end-to-end latency IS its sojourn in that queue (published and
 * arrived at the same instant, completed at the same instant, both counted over the same measured window),
 * so the flow's histogram, percentiles and intervals must equal the queue's exactly: any difference means
 * flows are estimated another way.
 */
import { describe, expect, it } from 'vitest';
import { aggregateReplications } from '../../src/analysis/aggregate.js';
import { bucketQuantile } from '../../src/analysis/percentile-sections.js';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { batchInterval } from '../../src/analysis/slo-batch-intervals.js';
import { simulateBatches } from '../../src/model/batch-run.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario, type SloSpec } from '../../src/scenario/index.js';

/** M/M/1 at λ = 8/s, μ = 10/s (ρ = 0.8): exact p99 sojourn ln(100) / (μ − λ) = 2.303 s. */
const mm1 = (extra: string, duration = '1500s') =>
  parseScenario(
    `name: mm1
seed: 11
duration: ${duration}
warmup: 100s
producers:
  - { name: p, to: q, rate: 8/s }
queues:
  - { name: q, consumers: 1, service: { distribution: exponential, mean: 100ms } }
${extra}`,
    'test.yaml',
  ).scenario;

const PERCENTILES = ['p50', 'p95', 'p99'] as const;

describe('flow percentiles by sectioning', () => {
  it('a single run carries the flow’s end-to-end histogram, equal to the queue’s sojourn histogram', () => {
    const { result } = simulate(mm1('', '300s'));
    const histogram = result.flows.p.latencyHistogram!.endToEnd;
    expect(histogram.length).toBeGreaterThan(10);
    expect(histogram).toEqual(result.queues.q.latencyHistogram!.sojourn);
    expect(histogram.reduce((sum, bucket) => sum + bucket[2], 0)).toBe(result.flows.p.completed);
  });

  it('replications: the flow’s p99 and its CI are the queue’s sojourn p99 and CI (pooled, sectioned)', () => {
    const runs = [1, 2, 3, 4].map((seed) => simulate({ ...mm1(''), seed }).result);
    const result = aggregateReplications(runs);
    const flow = result.flows.p;
    const queue = result.queues.q;
    for (const p of PERCENTILES) {
      expect(flow.endToEnd[p]).toBe(queue.sojourn[p]);
      expect(flow.ci95![`endToEnd.${p}`]).toEqual(queue.ci95![`sojourn.${p}`]);
    }
    // 4 × 1,500 s ≈ 48,000 messages: 480 beyond the p99, so 4 sections and a real interval; the estimate is
    // the pooled histogram's p99, not the old mean of the replications' own p99s.
    const [low, high] = flow.ci95!['endToEnd.p99'];
    expect(low).toBeLessThan(flow.endToEnd.p99!);
    expect(high).toBeGreaterThan(flow.endToEnd.p99!);
    expect(flow.endToEnd.p99).toBeCloseTo(bucketQuantile(flow.latencyHistogram!.endToEnd, 0.99)!, 12);
    const meanOfP99 = runs.map((run) => run.flows.p.endToEnd.p99!).reduce((a, b) => a + b) / runs.length;
    expect(flow.endToEnd.p99).not.toBeCloseTo(meanOfP99, 6);
    // The pooled histogram is carried too, as a queue's is.
    expect(flow.latencyHistogram!.endToEnd).toEqual(queue.latencyHistogram!.sojourn);
  });

  it('batch means: the flow’s p99 and its CI are the queue’s sojourn p99 and CI', async () => {
    const { result } = await runStudy(mm1('batches: 10\n', '4000s'), { runner: serialRunner() });
    const flow = result.flows.p;
    const queue = result.queues.q;
    for (const p of PERCENTILES) {
      expect(flow.endToEnd[p]).toBe(queue.sojourn[p]);
      expect(flow.ci95![`endToEnd.${p}`]).toEqual(queue.ci95![`sojourn.${p}`]);
    }
    expect(flow.ci95!['endToEnd.p99']).toBeDefined(); // 32,000 messages: 3 sections beyond the p99
  });

  it('a single run’s flow SLO on the p99 gets the sectioned interval of the queue’s, or none like it', () => {
    const flowSlo: SloSpec = { scope: 'flow', name: 'p', metric: 'endToEnd.p99', unit: 'seconds', max: 3 };
    const queueSlo: SloSpec = { scope: 'queue', name: 'q', metric: 'sojourn.p99', unit: 'seconds', max: 3 };
    for (const [duration, sectioned] of [
      ['3000s', true], // 24,000 messages: 2 sections of 10,000
      ['1000s', false], // 8,000 messages: not even one section
    ] as const) {
      const scenario = mm1('', duration);
      const whole = simulate(scenario).result;
      const batches = simulateBatches(scenario, { batches: 20, maxBatches: 20 });
      const flow = batchInterval(flowSlo, whole, batches);
      expect(flow).toEqual(batchInterval(queueSlo, whole, batches));
      if (sectioned)
        expect(flow).toMatchObject({ ci95: [expect.any(Number), expect.any(Number)], batches: 2 });
      else
        expect(flow).toMatchObject({
          ci95: null,
          reason: expect.stringMatching(/a p99 interval needs 2 sections of 10000/),
        });
    }
  });
});
