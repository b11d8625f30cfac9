import { describe, expect, it } from 'vitest';
import { poolBuckets } from '../../src/metrics/log-histogram.js';
import { averageTimeSeries, type TimeSeries } from '../../src/metrics/time-series.js';

const run = (depth: number[], arrivals: number[]): TimeSeries => ({
  intervalSeconds: 2,
  time: [0, 2, 4],
  queues: {
    q: {
      depth,
      arrivalsPerSecond: arrivals,
      completionsPerSecond: [0, 0, 0],
      dropsPerSecond: [0, 0, 0],
      busyConsumers: [1, 1, 1],
      consumers: [2, 2, 2],
      lostPerSecond: [0, 0, 0],
    },
  },
});

describe('averageTimeSeries', () => {
  it('averages every channel bin by bin across replications', () => {
    const mean = averageTimeSeries([run([1, 2, 3], [4, 4, 4]), run([3, 2, 1], [0, 2, 4])]);
    expect(mean.time).toEqual([0, 2, 4]);
    expect(mean.queues.q.depth).toEqual([2, 2, 2]);
    expect(mean.queues.q.arrivalsPerSecond).toEqual([2, 3, 4]);
    expect(mean.queues.q.busyConsumers).toEqual([1, 1, 1]);
  });

  it('returns the first run when the grids differ', () => {
    const other = { ...run([9, 9, 9], [9, 9, 9]), intervalSeconds: 3 };
    expect(averageTimeSeries([run([1, 2, 3], [0, 0, 0]), other]).queues.q.depth).toEqual([1, 2, 3]);
  });
});

describe('poolBuckets', () => {
  it('adds the counts of equal buckets and keeps them in ascending order', () => {
    expect(
      poolBuckets([
        [
          [0, 0, 5],
          [0.1, 0.2, 3],
        ],
        [
          [0.05, 0.1, 1],
          [0.1, 0.2, 2],
        ],
      ]),
    ).toEqual([
      [0, 0, 5],
      [0.05, 0.1, 1],
      [0.1, 0.2, 5],
    ]);
  });
});
