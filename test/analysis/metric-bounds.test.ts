import { describe, expect, it } from 'vitest';
import { aggregateBatches, aggregateReplications } from '../../src/analysis/aggregate.js';
import { confidenceInterval } from '../../src/analysis/confidence-interval.js';
import { clampInterval, halfWidthAround, metricBounds } from '../../src/analysis/metric-bounds.js';
import { unconvergedMetrics } from '../../src/analysis/precision.js';
import type { QueueResult, RunResult } from '../../src/model/run-result.js';

/** A queue whose losses are `lost` of 1000 arrivals, whose waits are `wait` seconds and utilisation `busy`. */
function queue(lost: number, wait: number, busy: number): QueueResult {
  const latency = { mean: wait, p50: wait, p95: wait, p99: wait, max: wait };
  return {
    arrivals: 1000,
    accepted: 1000 - lost,
    dropped: lost,
    completed: 1000 - lost,
    throughput: 10,
    dropRate: lost / 1000,
    lost,
    lossRate: lost / 1000,
    lostBy: { rejected: lost, droppedHead: 0, expired: 0, exhausted: 0, deadLettered: 0 },
    utilization: busy,
    meanQueueLength: wait,
    meanInSystem: 1,
    probabilityOfWait: 0.5,
    wait: latency,
    sojourn: latency,
    queuedAtStart: 0,
    inServiceAtStart: 0,
    queuedAtEnd: 0,
    inServiceAtEnd: 0,
    consumers: 1,
    capacity: 10,
    overflow: 'reject-new',
    expired: 0,
    deadLettered: 0,
    deadLetteredBy: { rejected: 0, droppedHead: 0, expired: 0, exhausted: 0 },
    redelivered: 0,
    timeouts: 0,
    duplicates: 0,
    blockedSeconds: 0,
    consumerBlockedSeconds: 0,
    consumerSeconds: 100,
    fates: {
      completed: 1000 - lost,
      rejected: lost,
      droppedHead: 0,
      expired: 0,
      exhausted: 0,
      deadLettered: 0,
      abandoned: 0,
    },
    bufferedAtStart: 0,
    bufferedAtEnd: 0,
    delayedAtStart: 0,
    delayedAtEnd: 0,
  };
}

const run = (q: QueueResult): RunResult => ({
  scenario: 's',
  seed: 1,
  measuredSeconds: 100,
  warmupSeconds: 0,
  queues: { q },
  flows: {},
  exchanges: {},
});

// Rare losses: none in three replications, 6 in one. The Student-t interval of the mean reaches below 0.
const losses = [0, 0, 0, 6];
// Utilisation near 1 in every replication but one: the interval reaches above 1.
const busy = [0.999, 0.999, 0.999, 0.9];
const runs = losses.map((lost, i) => run(queue(lost, lost === 0 ? 0 : 0.5, busy[i])));

describe('intervals of metrics that cannot be negative', () => {
  it('the raw Student-t intervals do reach outside the range (the defect)', () => {
    expect(confidenceInterval(losses.map((l) => l / 1000)).low).toBeLessThan(0);
    expect(confidenceInterval(busy).high).toBeGreaterThan(1);
  });

  it('replications: counts, rates and waits are cut at 0, shares at 1', () => {
    const ci = aggregateReplications(runs).queues.q.ci95!;
    for (const metric of ['lost', 'dropped', 'lossRate', 'dropRate', 'wait.p99', 'meanQueueLength']) {
      expect(ci[metric][0], metric).toBe(0);
      expect(ci[metric][1], metric).toBeGreaterThan(0);
    }
    expect(ci.utilization[1]).toBe(1);
    // The side not cut keeps the Student-t half-width.
    const raw = confidenceInterval(losses.map((l) => l / 1000));
    expect(ci.lossRate[1]).toBeCloseTo(raw.high, 12);
  });

  it('batch means: the interval centred on the whole run is cut the same way', () => {
    const whole = run(queue(1, 0.1, 0.99));
    const ci = aggregateBatches(runs, whole).queues.q.ci95!;
    expect(ci.lossRate[0]).toBe(0);
    expect(ci.lost[0]).toBe(0);
    expect(ci.utilization[1]).toBe(1);
    const halfWidth = confidenceInterval(losses.map((l) => l / 1000)).halfWidth;
    expect(ci.lossRate[1]).toBeCloseTo(0.001 + halfWidth, 12);
  });

  it('precision reads the uncut half-width, so a clamped interval does not stop a run early', () => {
    const combined = aggregateReplications(runs);
    const q = combined.queues.q;
    const raw = confidenceInterval(losses.map((l) => l / 1000));
    expect(halfWidthAround(q.lossRate, q.ci95!.lossRate)).toBeCloseTo(raw.halfWidth, 12);
    const missing = unconvergedMetrics(combined, 0.05).find((m) => m.metric === 'lossRate');
    if (missing?.relativeHalfWidth != null)
      expect(missing.relativeHalfWidth).toBeCloseTo(raw.halfWidth / q.lossRate, 9);
  });
});

describe('metricBounds', () => {
  it('shares are in [0, 1], everything else in [0, ∞)', () => {
    expect(metricBounds('lossRate')).toEqual([0, 1]);
    expect(metricBounds('partitions.hotPartition.shareOfArrivals')).toEqual([0, 1]);
    expect(metricBounds('sojourn.p99')).toEqual([0, Infinity]);
    expect(metricBounds('throughput')).toEqual([0, Infinity]);
    expect(clampInterval('throughput', -1, 5)).toEqual([0, 5]);
    expect(clampInterval('utilization', 0.9, 1.2)).toEqual([0.9, 1]);
  });
});
