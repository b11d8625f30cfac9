import { describe, expect, it } from 'vitest';
import {
  aggregateBatches,
  aggregateReplications,
  lag1Autocorrelation,
  queueMetrics,
} from '../../src/analysis/aggregate.js';
import { confidenceInterval } from '../../src/analysis/confidence-interval.js';
import type { QueueResult, RunResult } from '../../src/model/run-result.js';

/** A queue result whose metrics are all derived from `x`, with no completions when `x` is null. */
function queue(x: number | null, edges = 0): QueueResult {
  const latency = (scale: number) =>
    x === null
      ? { mean: null, p50: null, p95: null, p99: null, max: null }
      : { mean: scale * x, p50: scale * x, p95: 2 * scale * x, p99: 3 * scale * x, max: 4 * scale * x };
  return {
    arrivals: 100 + (x ?? 0),
    accepted: 100 + (x ?? 0),
    dropped: 0,
    completed: x === null ? 0 : 100,
    throughput: 10 + (x ?? 0),
    dropRate: 0,
    lost: 0,
    lossRate: 0,
    lostBy: { rejected: 0, droppedHead: 0, expired: 0, exhausted: 0, deadLettered: 0 },
    utilization: 0.5,
    meanQueueLength: x ?? 0,
    meanInSystem: 1 + (x ?? 0),
    probabilityOfWait: x === null ? null : 0.5,
    wait: latency(1),
    sojourn: latency(2),
    queuedAtStart: edges,
    inServiceAtStart: 0,
    queuedAtEnd: edges + 1,
    inServiceAtEnd: 0,
    consumers: 2,
    capacity: null,
    overflow: 'reject-new',
    expired: 0,
    deadLettered: 0,
    deadLetteredBy: { rejected: 0, droppedHead: 0, expired: 0, exhausted: 0 },
    redelivered: 0,
    timeouts: 0,
    duplicates: 0,
    blockedSeconds: 0,
    consumerBlockedSeconds: 0,
    consumerSeconds: 20,
    fates: {
      completed: x === null ? 0 : 100,
      rejected: 0,
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

const run = (q: QueueResult, measuredSeconds = 100): RunResult => ({
  scenario: 's',
  seed: 1,
  measuredSeconds,
  warmupSeconds: 0,
  queues: { q },
  flows: {},
  exchanges: {},
});

describe('queueMetrics', () => {
  it('lists every scalar metric with dotted names, configuration left out', () => {
    const names = queueMetrics(queue(1)).map(([name]) => name);
    expect(names).toContain('sojourn.p99');
    expect(names).toContain('probabilityOfWait');
    expect(names).not.toContain('consumers');
    expect(names).not.toContain('capacity');
  });
});

describe('aggregateReplications', () => {
  const xs = [1, 2, 4, 7];
  const combined = aggregateReplications(xs.map((x) => run(queue(x))));
  const q = combined.queues.q;

  it('reports means with Student-t 95 % intervals under dotted names', () => {
    expect(combined.replications).toBe(4);
    expect(q.meanQueueLength).toBeCloseTo(3.5, 12);
    const expected = confidenceInterval(
      xs.map((x) => 3 * 2 * x),
      0.95,
    );
    expect(q.sojourn.p99).toBeCloseTo(expected.mean, 12);
    // A time cannot be negative: the Student-t interval (low here below 0) is cut at 0.
    expect(expected.low).toBeLessThan(0);
    expect(q.ci95?.['sojourn.p99']?.[0]).toBe(0);
    expect(q.ci95?.['sojourn.p99']?.[1]).toBeCloseTo(expected.high, 12);
    expect(q.ci95?.utilization).toEqual([0.5, 0.5]);
  });

  it('keeps configuration, gives edge levels no interval, and keeps key order', () => {
    expect(q.consumers).toBe(2);
    expect(q.capacity).toBeNull();
    expect(q.ci95?.queuedAtEnd).toBeUndefined();
    expect(Object.keys(q).slice(0, -1)).toEqual(Object.keys(queue(1)));
  });

  it('averages a metric over the runs that have it and gives it no interval (the null rule)', () => {
    const mixed = aggregateReplications([run(queue(2)), run(queue(null)), run(queue(4))]).queues.q;
    expect(mixed.wait.mean).toBe(3);
    expect(mixed.ci95?.['wait.mean']).toBeUndefined();
    expect(mixed.ci95?.throughput).toBeDefined();
    const none = aggregateReplications([run(queue(null)), run(queue(null))]).queues.q;
    expect(none.wait.p99).toBeNull();
  });

  it('leaves a single run as it is, apart from the count', () => {
    const one = aggregateReplications([run(queue(3))]);
    expect(one.queues.q).toEqual(queue(3));
    expect(one.replications).toBe(1);
  });

  it('reports the first deadlocked replication, which one it was and how many deadlocked', () => {
    const deadlocked = (at: number): RunResult => ({ ...run(queue(1)), deadlock: { at, queues: ['q'] } });
    const combined = aggregateReplications([run(queue(1)), deadlocked(7), run(queue(1)), deadlocked(3)]);
    expect(combined.deadlock).toEqual({ at: 7, queues: ['q'], replication: 2, deadlockedReplications: 2 });
    expect(aggregateReplications([run(queue(1)), run(queue(2))]).deadlock).toBeUndefined();
    // Not the first replication's absence of one, nor its deadlock alone.
    expect(aggregateReplications([deadlocked(5), run(queue(1))]).deadlock?.deadlockedReplications).toBe(1);
  });
});

describe('aggregateBatches', () => {
  const batches = [1, 3, 2, 5, 4].map((x, i) => run(queue(x, i), 20));
  const whole = run({ ...queue(3), arrivals: 515, sojourn: { ...queue(3).sojourn, p99: 19, max: 40 } }, 100);
  const combined = aggregateBatches(batches, whole);
  const q = combined.queues.q;

  it('takes its values from the whole run, with intervals of the batch means’ width', () => {
    expect(q.sojourn.p99).toBe(19);
    expect(q.arrivals).toBe(515);
    const width = confidenceInterval([6, 18, 12, 30, 24]).halfWidth; // batch p99 = 6x
    expect(q.ci95?.['sojourn.p99']?.[0]).toBeCloseTo(19 - width, 12);
    expect(q.ci95?.['sojourn.p99']?.[1]).toBeCloseTo(19 + width, 12);
  });

  it('scales the width of counts by the number of batches, and gives maxima none', () => {
    const width = confidenceInterval([101, 103, 102, 105, 104]).halfWidth * 5;
    expect(q.ci95?.arrivals?.[1]).toBeCloseTo(515 + width, 9);
    expect(q.ci95?.['sojourn.max']).toBeUndefined();
    expect(q.sojourn.max).toBe(40);
  });

  it('describes the batches', () => {
    expect(combined.batchMeans).toMatchObject({ batches: 5, batchSeconds: 20 });
    expect(combined.measuredSeconds).toBe(100);
    expect(combined.replications).toBeUndefined();
  });
});

describe('lag1Autocorrelation', () => {
  it('is about +1 for a smooth trend, −1 for alternation and null for constants or short series', () => {
    expect(lag1Autocorrelation([1, 2, 3, 4, 5, 6, 7, 8])).toBeGreaterThan(0.5);
    expect(lag1Autocorrelation([1, -1, 1, -1, 1, -1, 1, -1])).toBeLessThan(-0.8);
    expect(lag1Autocorrelation([2, 2, 2, 2])).toBeNull();
    expect(lag1Autocorrelation([1, 2])).toBeNull();
  });
});
