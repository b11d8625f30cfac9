/** Ways to run the model beyond one plain run: stream seeds, progress, a backlog, series and batches. */
import { describe, expect, it } from 'vitest';
import { simulateBatches } from '../../src/model/batch-run.js';
import { recordInSystemSeries } from '../../src/model/in-system-series.js';
import { simulate } from '../../src/model/simulate.js';
import { toJson } from '../../src/report/json.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';

const mm2 = singleQueueScenario({
  arrivalRate: 15,
  service: exponentialService(10),
  consumers: 2,
  capacity: 20,
  durationSeconds: 500,
  warmupSeconds: 20,
  seed: 5,
});

describe('simulate options', () => {
  it('uses the scenario seed as stream seed by default; another stream seed gives another run', () => {
    expect(toJson(simulate(mm2, { streamSeed: 5 }).result)).toBe(toJson(simulate(mm2).result));
    expect(toJson(simulate(mm2, { streamSeed: '5/rep1' }).result)).not.toBe(toJson(simulate(mm2).result));
  });

  it('reports progress up to 1 without changing the run', () => {
    const fractions: number[] = [];
    const reported = simulate(mm2, { onProgress: (fraction) => fractions.push(fraction) }).result;
    expect(toJson(reported)).toBe(toJson(simulate(mm2).result));
    expect(fractions.length).toBeGreaterThanOrEqual(100);
    expect(fractions.every((fraction, i) => i === 0 || fraction >= fractions[i - 1])).toBe(true);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('backlog', () => {
  const full = {
    ...mm2,
    warmupSeconds: 0,
    queues: [{ ...mm2.queues[0], backlog: 22 }],
  };

  it('starts the queue with its consumers busy and the rest waiting, and conserves messages', () => {
    const queue = simulate(full).result.queues.station;
    expect(queue.inServiceAtStart).toBe(2);
    expect(queue.queuedAtStart).toBe(20);
    expect(queue.arrivals).toBe(
      queue.completed + queue.dropped + queue.queuedAtEnd + queue.inServiceAtEnd - 22,
    );
  });
});

describe('recordInSystemSeries', () => {
  it('is the time-average number in system, cell by cell, of the same run', () => {
    const plain = { ...mm2, warmupSeconds: 0 };
    const series = recordInSystemSeries(plain, { horizonSeconds: 500, points: 250 }).station;
    expect(series).toHaveLength(250);
    const average = series.reduce((sum, value) => sum + value, 0) / series.length;
    expect(average).toBeCloseTo(simulate(plain).result.queues.station.meanInSystem, 9);
  });

  it('sees a backlog drain: the first cells are full, the last near the steady state', () => {
    const full = { ...mm2, warmupSeconds: 0, queues: [{ ...mm2.queues[0], backlog: 22 }] };
    const series = recordInSystemSeries(full, { horizonSeconds: 500, points: 500 }).station;
    expect(series[0]).toBeGreaterThan(18);
    expect(series.slice(250).reduce((a, b) => a + b, 0) / 250).toBeLessThan(6);
  });
});

describe('simulateBatches', () => {
  it('cuts one run into equal batches that add up to the whole run', () => {
    const batches = simulateBatches(mm2, { batches: 10, maxBatches: 10 });
    expect(batches).toHaveLength(10);
    expect(batches.every((batch) => batch.measuredSeconds === 50)).toBe(true);
    const whole = simulate(mm2).result.queues.station;
    const sum = (key: 'arrivals' | 'completed' | 'dropped') =>
      batches.reduce((total, batch) => total + batch.queues.station[key], 0);
    expect(sum('arrivals')).toBe(whole.arrivals);
    expect(sum('completed')).toBe(whole.completed);
    expect(sum('dropped')).toBe(whole.dropped);
    expect(batches[0].queues.station.queuedAtStart).toBe(whole.queuedAtStart);
    expect(batches[9].queues.station.queuedAtEnd).toBe(whole.queuedAtEnd);
    // Each batch starts where the one before ended.
    for (let i = 1; i < 10; i++) {
      expect(batches[i].queues.station.queuedAtStart).toBe(batches[i - 1].queues.station.queuedAtEnd);
    }
  });

  it('extends the run while asked to, up to the maximum', () => {
    let asked = 0;
    const grown = simulateBatches(mm2, {
      batches: 4,
      maxBatches: 7,
      shouldContinue: () => {
        asked++;
        return true;
      },
    });
    expect(grown).toHaveLength(7);
    expect(asked).toBe(3); // after batches 4, 5 and 6; the 7th is the cap
    const stopped = simulateBatches(mm2, {
      batches: 4,
      maxBatches: 7,
      shouldContinue: (done) => done.length < 5,
    });
    expect(stopped).toHaveLength(5);
  });
});
