import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { toJson } from '../../src/report/json.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';

const busy = singleQueueScenario({
  arrivalRate: 25,
  service: exponentialService(10),
  consumers: 2,
  capacity: 8,
  durationSeconds: 2000,
  warmupSeconds: 100,
  seed: 42,
});

describe('simulate', () => {
  it('is deterministic: the same scenario and seed give byte-identical JSON', () => {
    expect(toJson(simulate(busy).result)).toBe(toJson(simulate(busy).result));
  });

  it('gives different results for a different seed', () => {
    expect(toJson(simulate({ ...busy, seed: 43 }).result)).not.toBe(toJson(simulate(busy).result));
  });

  it('conserves messages: arrivals = completed + dropped + change in the number present', () => {
    const queue = simulate(busy).result.queues.station;
    const present = (queued: number, inService: number) => queued + inService;
    expect(queue.arrivals).toBe(
      queue.completed +
        queue.dropped +
        present(queue.queuedAtEnd, queue.inServiceAtEnd) -
        present(queue.queuedAtStart, queue.inServiceAtStart),
    );
    expect(queue.accepted).toBe(queue.arrivals - queue.dropped);
    expect(queue.queuedAtEnd).toBeLessThanOrEqual(8);
    expect(queue.inServiceAtEnd).toBeLessThanOrEqual(2);
  });

  it('never lets more than `capacity` messages wait, and capacity 0 is a pure loss system', () => {
    const loss = simulate({ ...busy, queues: [{ ...busy.queues[0], capacity: 0 }] }).result.queues.station;
    expect(loss.meanQueueLength).toBe(0);
    expect(loss.wait.max).toBe(0);
    expect(loss.dropped).toBeGreaterThan(0);
    const bounded = simulate(busy).result.queues.station;
    expect(bounded.meanQueueLength).toBeLessThanOrEqual(8);
  });

  it('holds every message in a queue without consumers', () => {
    const holding: Scenario = {
      ...busy,
      warmupSeconds: 0,
      queues: [{ ...busy.queues[0], consumers: 0, service: null, capacity: null }],
    };
    const queue = simulate(holding).result.queues.station;
    expect(queue.completed).toBe(0);
    expect(queue.queuedAtEnd).toBe(queue.arrivals);
    expect(queue.utilization).toBeNull();
    expect(queue.wait.mean).toBeNull();
  });

  it('lets adding a producer leave the other producers’ random numbers untouched', () => {
    const twoQueues: Scenario = {
      ...busy,
      queues: [busy.queues[0], { ...busy.queues[0], name: 'other' }],
    };
    const withExtra: Scenario = {
      ...twoQueues,
      producers: [{ ...busy.producers[0], name: 'extra', to: 'other' }, ...busy.producers],
    };
    expect(toJson(simulate(withExtra).result.queues.station)).toBe(
      toJson(simulate(twoQueues).result.queues.station),
    );
  });

  it('counts arrivals only after the warm-up and reports the measured duration', () => {
    const { result } = simulate(busy);
    expect(result.measuredSeconds).toBe(2000);
    expect(result.warmupSeconds).toBe(100);
    // 25/s over 2000 s: a Poisson count with mean 50,000 (standard deviation ≈ 224).
    const family = checkFamily('measured arrivals', 1);
    expectPass(
      family.withinStandardErrors(result.queues.station.arrivals, 50_000, Math.sqrt(50_000), {
        label: 'arrivals after the warm-up',
      }),
    );
  });
});

describe('simulate: time series and latency histograms', () => {
  it('keeps 500 bins whatever the run length, consistent with the whole-run statistics', () => {
    for (const durationSeconds of [50, 2000]) {
      const { result } = simulate({ ...busy, durationSeconds });
      const series = result.timeseries!;
      expect(series.time).toHaveLength(500);
      expect(series.intervalSeconds).toBeCloseTo(durationSeconds / 500, 12);
      const station = series.queues.station;
      const queue = result.queues.station;
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
      const total = (values: number[]) =>
        Math.round(values.reduce((sum, v) => sum + v, 0) * series.intervalSeconds);
      // Six significant digits per bin: the bin averages reproduce the run's averages and counts.
      expect(mean(station.depth)).toBeCloseTo(queue.meanQueueLength, 4);
      expect(mean(station.busyConsumers) / 2).toBeCloseTo(queue.utilization!, 4);
      expect(total(station.arrivalsPerSecond)).toBe(queue.arrivals);
      expect(total(station.completionsPerSecond)).toBe(queue.completed);
      expect(total(station.dropsPerSecond)).toBe(queue.dropped);
      expect(Math.max(...station.depth)).toBeLessThanOrEqual(8);
    }
  });

  it('reports latency histograms whose counts match the completed and started messages', () => {
    const { result } = simulate(busy);
    const queue = result.queues.station;
    const count = (buckets: [number, number, number][]) => buckets.reduce((sum, b) => sum + b[2], 0);
    expect(count(queue.latencyHistogram!.sojourn)).toBe(queue.completed);
    const started = queue.completed + queue.inServiceAtEnd - queue.inServiceAtStart;
    expect(count(queue.latencyHistogram!.wait)).toBe(started);
    expect(queue.latencyHistogram!.wait[0]).toEqual([0, 0, expect.any(Number)]); // messages that never waited
  });
});
