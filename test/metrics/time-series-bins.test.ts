import { describe, expect, it } from 'vitest';
import {
  MIN_TIME_SERIES_BINS,
  TIME_SERIES_BINS,
  combineTimeSeries,
  timeSeriesBinsFor,
  type TimeSeriesSource,
} from '../../src/metrics/time-series.js';

describe('timeSeriesBinsFor', () => {
  it('keeps the default grid up to 200 queues', () => {
    expect(timeSeriesBinsFor(1)).toBe(TIME_SERIES_BINS);
    expect(timeSeriesBinsFor(200)).toBe(TIME_SERIES_BINS);
  });

  it('shares a budget of bins among the queues of a large network, down to a floor', () => {
    expect(timeSeriesBinsFor(201)).toBe(497);
    expect(timeSeriesBinsFor(1000)).toBe(100);
    expect(timeSeriesBinsFor(10_000)).toBe(MIN_TIME_SERIES_BINS);
  });
});

describe('combineTimeSeries', () => {
  const source: TimeSeriesSource = {
    timeSeries: () => ({
      intervalSeconds: 1,
      time: [0],
      series: {
        depth: [0],
        arrivalsPerSecond: [0],
        completionsPerSecond: [0],
        dropsPerSecond: [0],
        busyConsumers: [0],
        consumers: [1],
        lostPerSecond: [0],
      },
    }),
  };

  it('says nothing of the grid for a small network', () => {
    expect(combineTimeSeries([['q', source]], 1)).not.toHaveProperty('note');
  });

  it('says why a large network has a coarser grid', () => {
    const sources = Array.from({ length: 1000 }, (_, i) => [`q${i}`, source] as const);
    expect(combineTimeSeries(sources, 1).note).toBe(
      '100 bins per queue instead of 500: the series of 1000 queues share a budget of 100000 bins',
    );
  });
});
