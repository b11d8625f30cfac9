/**
 * Every series counts what the table beside it counts (issue 18, item 11): `dropsPerSecond` (CSV
 * `drops_per_s`, the chart's "Dropped" line) sums to the queue's `dropped`, `lostPerSecond` (`lost_per_s`,
 * "Lost") to its `lost`. Before, the drops series counted every loss, so a queue that only dead-lettered
 * and expired messages showed drops while `dropped` was 0.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { timeSeriesCsv } from '../../src/report/csv.js';
import { parseScenario } from '../../src/scenario/index.js';

/** A series' total count: Σ rate × bin width. */
const total = (rates: number[], interval: number) => rates.reduce((sum, rate) => sum + rate * interval, 0);

const { scenario } = parseScenario(
  `name: losses
seed: 5
duration: 600
warmup: 30
producers:
  - { name: p, to: q, rate: 12 }
  - { name: s, to: small, rate: 12 }
  - { name: h, to: head, rate: 12 }
  - { name: t, to: tired, rate: 12 }
queues:
  - name: q
    consumers: 1
    ttl: 300ms
    service: { distribution: exponential, mean: 80ms }
    failure: { probability: 0.2 }
    retry: { max-attempts: 2 }
    dead-letter: dlq
  - { name: dlq, consumers: 1, service: { distribution: exponential, mean: 1ms } }
  - { name: small, consumers: 1, capacity: 2, service: { distribution: exponential, mean: 100ms } }
  - { name: head, consumers: 1, capacity: 2, overflow: drop-head, service: { distribution: exponential, mean: 100ms } }
  - name: tired
    consumers: 1
    service: { distribution: exponential, mean: 10ms }
    failure: { probability: 0.5 }
    retry: { max-attempts: 2 }
`,
  'losses.yaml',
);

describe('loss series agree with the loss account', () => {
  const { result } = simulate(scenario);
  const series = result.timeseries!;

  it('a queue that only dead-letters and expires shows no drops; its lost series sums to lost', () => {
    const q = result.queues.q;
    expect(q.dropped).toBe(0); // expired and exhausted messages go to the DLQ: dead-lettered, never dropped
    expect(q.lost).toBeGreaterThan(100);
    expect(total(series.queues.q.dropsPerSecond, series.intervalSeconds)).toBe(0);
  });

  it('on every queue, drops sum to dropped and losses to lost (refused, dropped from the head, exhausted)', () => {
    for (const [name, queue] of Object.entries(result.queues)) {
      const values = series.queues[name];
      // Bin rates keep six significant digits: the sums match to far better than one message.
      expect(
        Math.abs(total(values.dropsPerSecond, series.intervalSeconds) - queue.dropped),
        name,
      ).toBeLessThan(0.01);
      expect(Math.abs(total(values.lostPerSecond, series.intervalSeconds) - queue.lost), name).toBeLessThan(
        0.01,
      );
    }
    expect(result.queues.small.lostBy.rejected).toBeGreaterThan(100);
    expect(result.queues.head.lostBy.droppedHead).toBeGreaterThan(100);
    expect(result.queues.tired.lostBy.exhausted).toBeGreaterThan(100);
  });

  it('the CSV adds lost_per_s after the columns it had', () => {
    expect(timeSeriesCsv(result).split('\n')[0]).toBe(
      'queue,time_s,interval_s,depth,arrivals_per_s,completions_per_s,drops_per_s,busy_consumers,consumers,lost_per_s',
    );
  });
});
