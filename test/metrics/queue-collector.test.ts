import { describe, expect, it } from 'vitest';
import { QueueCollector } from '../../src/metrics/queue-collector.js';
import {
  LOSS_DROPPED_HEAD,
  LOSS_EXPIRED,
  RETRY_DELAYED,
  RETRY_REQUEUED,
} from '../../src/metrics/queue-probe.js';

describe('QueueCollector', () => {
  it('integrates queue length, number in system and busy consumers over time', () => {
    const collector = new QueueCollector();
    collector.consumersChanged(0, 2);
    collector.startMeasuring(0);
    collector.accepted(0); // message A arrives, starts at once
    collector.serviceStarted(0, 0, false);
    collector.accepted(1); // B waits from t=1
    collector.completed(2, 2, false); // A leaves at 2, B starts
    collector.serviceStarted(2, 1, false);
    collector.refused(2.5, false);
    collector.completed(4, 3, false);
    const stats = collector.snapshot(10);
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
    expect(stats.probabilityOfWait).toBeCloseTo(0.5, 12);
    expect(stats.fates).toEqual({
      completed: 2,
      rejected: 1,
      droppedHead: 0,
      expired: 0,
      exhausted: 0,
      deadLettered: 0,
      abandoned: 0,
    });
  });

  it('discards the warm-up but keeps the messages present when measuring starts', () => {
    const collector = new QueueCollector();
    collector.consumersChanged(0, 1);
    collector.accepted(0);
    collector.serviceStarted(0, 0, false);
    collector.accepted(1);
    collector.startMeasuring(5); // one in service, one waiting
    collector.completed(6, 6, false);
    collector.serviceStarted(6, 5, false);
    const stats = collector.snapshot(15);
    expect(stats.arrivals).toBe(0);
    expect(stats.completed).toBe(1);
    expect([stats.queuedAtStart, stats.inServiceAtStart, stats.queuedAtEnd, stats.inServiceAtEnd]).toEqual([
      1, 1, 0, 1,
    ]);
    expect(stats.meanQueueLength).toBeCloseTo(1 / 10, 12);
    expect(stats.utilization).toBeCloseTo(1, 12);
  });

  it('counts losses by reason, dead letters apart, and tracks buffered and delayed messages', () => {
    const collector = new QueueCollector();
    collector.consumersChanged(0, 1);
    collector.startMeasuring(0);
    for (let i = 0; i < 4; i++) collector.accepted(0);
    collector.discarded(1, LOSS_DROPPED_HEAD, false);
    collector.discarded(1, LOSS_EXPIRED, true);
    collector.buffered(1); // one prefetched by a busy consumer
    collector.serviceStarted(1, 1, false);
    collector.failed(2, RETRY_DELAYED);
    collector.redelivered(3);
    collector.serviceStarted(3, 0, false);
    collector.failed(4, RETRY_REQUEUED);
    collector.exhausted(4, true);
    collector.blocked(1.5, 4); // blocked from 1.5 s, through at 4 s
    const stats = collector.snapshot(10);
    expect(stats.dropped).toBe(1);
    expect(stats.expired).toBe(0);
    expect(stats.deadLettered).toBe(2);
    expect(stats.deadLetteredBy).toEqual({ rejected: 0, droppedHead: 0, expired: 1, exhausted: 1 });
    expect(stats.redelivered).toBe(2);
    expect(stats.blockedSeconds).toBe(2.5);
    expect(stats.bufferedAtEnd).toBe(1);
    expect(stats.queuedAtEnd).toBe(1); // the requeued one
  });

  it('counts only the part of a block inside the measured interval', () => {
    const collector = new QueueCollector();
    collector.startMeasuring(10);
    collector.blocked(4, 12); // blocked in the warm-up, through 2 s into the measured interval
    collector.blocked(13, 13.5);
    expect(collector.snapshot(20).blockedSeconds).toBe(2.5);
    expect(collector.blockedWithin(5, 20)).toBe(10);
  });

  it('reports no utilisation for a queue without consumers', () => {
    const collector = new QueueCollector();
    collector.startMeasuring(0);
    collector.accepted(1);
    expect(collector.snapshot(2).utilization).toBeNull();
  });
});

describe('QueueCollector time series', () => {
  it('records time-averaged levels and per-second rates on a fixed grid over the measured interval', () => {
    const collector = new QueueCollector({ timeSeriesBins: 5 });
    collector.accepted(-3); // warm-up traffic: not in the series
    collector.serviceStarted(-3, 0, false);
    collector.completed(-2, 1, false);
    collector.startMeasuring(0, 10); // bins of 2 s
    collector.accepted(0); // A starts at once
    collector.serviceStarted(0, 0, false);
    collector.accepted(1); // B waits 1 → 3
    collector.completed(3, 3, false);
    collector.serviceStarted(3, 2, false);
    collector.refused(4, false); // exactly on an edge: belongs to the bin that starts there
    collector.completed(7, 6, false);
    const { intervalSeconds, time, series } = collector.timeSeries(10);
    expect(intervalSeconds).toBe(2);
    expect(time).toEqual([0, 2, 4, 6, 8]);
    expect(series.depth).toEqual([0.5, 0.5, 0, 0, 0]);
    expect(series.busyConsumers).toEqual([1, 1, 1, 0.5, 0]);
    expect(series.arrivalsPerSecond).toEqual([1, 0, 0.5, 0, 0]);
    expect(series.completionsPerSecond).toEqual([0, 0.5, 0, 0.5, 0]);
    expect(series.dropsPerSecond).toEqual([0, 0, 0.5, 0, 0]);
  });

  it('records the consumers provisioned over time and their cost in consumer-seconds', () => {
    const collector = new QueueCollector({ timeSeriesBins: 4 });
    collector.consumersChanged(0, 2);
    collector.startMeasuring(0, 8); // bins of 2 s
    collector.accepted(0);
    collector.serviceStarted(0, 0, false);
    collector.consumersChanged(3, 2); // scaled up to 4 at t=3
    collector.completed(4, 4, false);
    collector.consumersChanged(7, -3); // down to 1 at t=7
    const { series } = collector.timeSeries(8);
    expect(series.consumers).toEqual([2, 3, 4, 2.5]);
    const stats = collector.snapshot(8);
    expect(stats.consumerSeconds).toBeCloseTo(2 * 3 + 4 * 4 + 1 * 1, 12);
    expect(stats.utilization).toBeCloseTo(4 / 23, 12); // busy-seconds over consumer-seconds
  });

  it('fills bins without events with the levels that held through them', () => {
    const collector = new QueueCollector({ timeSeriesBins: 4 });
    collector.startMeasuring(10, 4);
    collector.accepted(10);
    collector.accepted(10);
    const { series } = collector.timeSeries(14);
    expect(series.depth).toEqual([2, 2, 2, 2]);
    expect(series.arrivalsPerSecond).toEqual([2, 0, 0, 0]);
  });

  it('has no series when measuring starts without a span, and only the bins completed so far', () => {
    const plain = new QueueCollector();
    plain.startMeasuring(0);
    plain.accepted(1);
    expect(plain.timeSeries(5).time).toEqual([]);

    const partial = new QueueCollector({ timeSeriesBins: 10 });
    partial.startMeasuring(0, 10);
    expect(partial.timeSeries(3.5).time).toEqual([0, 1, 2]);
  });

  it('gives the wait and sojourn histograms measured since the warm-up', () => {
    const collector = new QueueCollector();
    collector.accepted(0);
    collector.serviceStarted(0, 0, false);
    collector.completed(1, 1, false);
    collector.startMeasuring(1, 10);
    collector.accepted(2);
    collector.serviceStarted(2, 0, false);
    collector.completed(3, 1.5, false);
    const { wait, sojourn } = collector.latencyHistogram();
    expect(wait).toEqual([[0, 0, 1]]);
    expect(sojourn).toHaveLength(1);
    expect(sojourn[0][0]).toBeLessThanOrEqual(1.5);
    expect(sojourn[0][1]).toBeGreaterThan(1.5);
  });
});
