/** The hot partition and the group's consumers as the partition collector reports them, on exact cases. */
import { describe, expect, it } from 'vitest';
import {
  PartitionCollector,
  assignmentOf,
  hotPartitionOf,
  type PartitionStats,
} from '../../src/metrics/index.js';

const partition = (p: number, arrivals: number, lag: number): PartitionStats => ({
  partition: p,
  consumer: p % 6,
  arrivals,
  completed: arrivals,
  expired: 0,
  lag: { mean: lag, max: lag },
  wait: { mean: null, p99: null },
});

describe('hotPartitionOf', () => {
  it('names the partition with the highest mean lag, quoting its own share and lag ratio (issue 18 #2)', () => {
    // Partition 3 has the most arrivals but the lowest lag; partitions 0 and 6 (one consumer) lag.
    const lags = [3.2, 0.5, 0.4, 0.26, 0.5, 0.45, 2.9];
    const arrivals = [1000, 990, 1010, 1100, 980, 1000, 1020];
    const hot = hotPartitionOf(lags.map((lag, p) => partition(p, arrivals[p], lag)));
    const meanLag = lags.reduce((a, b) => a + b, 0) / lags.length;
    expect(hot.partition).toBe(0);
    expect(hot.shareOfArrivals).toBe(1000 / 7100);
    expect(hot.lagRatio).toBe(3.2 / meanLag);
  });

  it('breaks equal lags by arrivals, then by the lowest number; no lag at all has no ratio', () => {
    expect(hotPartitionOf([partition(0, 5, 1), partition(1, 9, 1), partition(2, 9, 1)]).partition).toBe(1);
    const idle = hotPartitionOf([partition(0, 0, 0), partition(1, 0, 0)]);
    expect(idle).toEqual({ partition: 0, shareOfArrivals: 0, lagRatio: null });
  });
});

describe('per-consumer utilisation', () => {
  it('is busy time over time in the group, from the start of measuring, and names the busiest', () => {
    const collector = new PartitionCollector(3, 3);
    collector.membersChanged(2, 0);
    collector.consumerBusy(0, 1);
    collector.startMeasuring(2);
    collector.consumerFree(0, 4); // busy 1 → 4, measured from 2: 2 s count
    collector.consumerBusy(1, 5);
    collector.consumerFree(1, 6);
    collector.membersChanged(3, 6); // consumer 2 joins at 6
    collector.consumerBusy(2, 8);
    collector.consumerBusy(0, 10); // still busy at the end
    const owner = Int32Array.from([0, 1, 2]);
    const stats = collector.snapshot(12, owner, 0);
    expect(stats.perConsumer).toEqual([
      { consumer: 0, partitions: 1, utilization: (2 + 2) / 10 },
      { consumer: 1, partitions: 1, utilization: 1 / 10 },
      { consumer: 2, partitions: 1, utilization: 4 / 6 },
    ]);
    expect(stats.busiestConsumer).toEqual({ consumer: 2, utilization: 4 / 6 });
    expect(stats.assignment).toEqual({ even: true, fewestPartitions: 1, mostPartitions: 1 });
  });

  it('stops counting a consumer that leaves, busy or not', () => {
    const collector = new PartitionCollector(2, 2);
    collector.membersChanged(2, 0);
    collector.consumerBusy(1, 0);
    collector.membersChanged(1, 5); // consumer 1 leaves while busy
    collector.consumerFree(1, 7);
    const stats = collector.snapshot(10, Int32Array.from([0, 0]), 0);
    expect(stats.perConsumer).toEqual([
      { consumer: 0, partitions: 2, utilization: 0 },
      { consumer: 1, partitions: 0, utilization: 1 },
    ]);
    // Only members count towards the assignment: one consumer owns both partitions.
    expect(stats.assignment).toEqual({ even: true, fewestPartitions: 2, mostPartitions: 2 });
  });

  it('calls an assignment uneven when consumers own different numbers of partitions or none', () => {
    const owning = (counts: number[]) =>
      counts.map((partitions, consumer) => ({ consumer, partitions, utilization: 0 }));
    expect(assignmentOf(owning([2, 1]), 2)).toEqual({ even: false, fewestPartitions: 1, mostPartitions: 2 });
    expect(assignmentOf(owning([1, 1, 0, 0]), 4)).toEqual({
      even: false,
      fewestPartitions: 0,
      mostPartitions: 1,
    });
    expect(assignmentOf(owning([2, 2, 2]), 3).even).toBe(true);
  });

  it('summarises a group of a million consumers (found by fuzzing: Math.min(...) overflowed the stack)', () => {
    const counts = new Array<number>(1_000_000).fill(0);
    counts[0] = 5;
    const perConsumer = counts.map((partitions, consumer) => ({ consumer, partitions, utilization: 0 }));
    expect(assignmentOf(perConsumer, 1_000_000)).toEqual({
      even: false,
      fewestPartitions: 0,
      mostPartitions: 5,
    });
    expect(assignmentOf([], 0)).toEqual({ even: true, fewestPartitions: 0, mostPartitions: 0 });
  });
});
