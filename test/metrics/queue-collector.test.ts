import { describe, expect, it } from 'vitest';
import { QueueCollector } from '../../src/metrics/queue-collector.js';

describe('QueueCollector', () => {
  it('integrates queue length, number in system and busy consumers over time', () => {
    const collector = new QueueCollector();
    collector.startMeasuring(0);
    collector.enqueued(0); // message A arrives, starts at once
    collector.serviceStarted(0, 0);
    collector.enqueued(1); // B waits from t=1
    collector.completed(2, 2); // A leaves at 2, B starts
    collector.serviceStarted(2, 1);
    collector.rejected(2.5);
    collector.completed(4, 3);
    const stats = collector.snapshot(10, 2);
    expect(stats.arrivals).toBe(3);
    expect(stats.accepted).toBe(2);
    expect(stats.dropped).toBe(1);
    expect(stats.dropRate).toBeCloseTo(1 / 3, 12);
    expect(stats.completed).toBe(2);
    expect(stats.throughput).toBeCloseTo(0.2, 12);
    expect(stats.meanQueueLength).toBeCloseTo(1 / 10, 12); // B waited 1 s
    expect(stats.meanInSystem).toBeCloseTo(5 / 10, 12); // A 2 s + B 3 s
    expect(stats.utilization).toBeCloseTo(4 / (2 * 10), 12); // 4 busy-seconds over 2 consumers × 10 s
    expect(stats.wait.mean).toBeCloseTo(0.5, 12);
    expect(stats.sojourn.max).toBe(3);
  });

  it('discards the warm-up but keeps the messages present when measuring starts', () => {
    const collector = new QueueCollector();
    collector.enqueued(0);
    collector.serviceStarted(0, 0);
    collector.enqueued(1);
    collector.startMeasuring(5); // one in service, one waiting
    collector.completed(6, 6);
    collector.serviceStarted(6, 5);
    const stats = collector.snapshot(15, 1);
    expect(stats.arrivals).toBe(0);
    expect(stats.completed).toBe(1);
    expect([stats.queuedAtStart, stats.inServiceAtStart, stats.queuedAtEnd, stats.inServiceAtEnd]).toEqual([
      1, 1, 0, 1,
    ]);
    expect(stats.meanQueueLength).toBeCloseTo(1 / 10, 12);
    expect(stats.utilization).toBeCloseTo(1, 12);
  });

  it('reports no utilisation for a queue without consumers', () => {
    const collector = new QueueCollector();
    collector.startMeasuring(0);
    collector.enqueued(1);
    expect(collector.snapshot(2, 0).utilization).toBeNull();
  });
});
