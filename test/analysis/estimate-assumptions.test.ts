/**
 * Estimates are shown only where their assumptions hold: one test per feature that withholds (or trims) an
 * estimate, checking the reason, and the schedule's peak-rate estimate against the closed form at that rate.
 */
import { describe, expect, it } from 'vitest';
import { allenCunneen, mmc, mmck } from '../../src/analysis/closed-forms/index.js';
import { queueTail, waitTail } from '../../src/analysis/estimate-assumptions.js';
import { estimateQueue, estimateScenario, type AnalyticEstimate } from '../../src/analysis/estimates.js';
import type { NoAnalyticEstimate } from '../../src/results/analysis-results.js';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from '../../src/scenario/normalise-queue.js';
import type { QueueSpec, Scenario, TraceSpec } from '../../src/scenario/types.js';
import {
  exponentialService,
  poissonProducer,
  queueSpec,
  scenarioOf,
  singleQueueScenario,
} from '../helpers/scenarios.js';

const first = (scenario: Scenario): AnalyticEstimate | NoAnalyticEstimate =>
  estimateQueue(scenario, scenario.queues[0]);

function shown(scenario: Scenario): AnalyticEstimate {
  const result = first(scenario);
  if (result.model === null) throw new Error(`no estimate: ${result.reason}`);
  return result;
}

/** Asserts the estimate is withheld, in the JSON's shape, with a reason matching `reason`. */
function expectWithheld(scenario: Scenario, reason: RegExp): void {
  const result = first(scenario);
  expect(result).toEqual({
    model: null,
    reason: expect.stringMatching(reason),
    values: null,
    method: expect.stringMatching(reason),
  });
}

/** One Poisson producer at `rate`/s into one queue with exponential service at 10/s per consumer. */
const station = (rate: number, consumers: number, queue: Partial<QueueSpec> = {}) =>
  singleQueueScenario({
    arrivalRate: rate,
    service: exponentialService(10),
    consumers,
    durationSeconds: 1000,
    queue,
  });

describe('an estimate whose assumptions hold is still shown', () => {
  it('a plain M/M/2 stays exact, with its percentiles', () => {
    const result = shown(station(15, 2));
    expect(result).toMatchObject({ model: 'M/M/2', exact: true, stable: true });
    expect(result.values['wait.p99']).toBeGreaterThan(0);
    expect(result.peakRate).toBeUndefined();
  });

  it('prefetch with one consumer: M/M/1/K with K = prefetch + capacity, queue length not estimated', () => {
    const result = shown(station(9, 1, { capacity: 5, prefetch: 4 }));
    const theory = mmck({ arrivalRate: 9, serviceRate: 10, servers: 1, systemCapacity: 9 });
    expect(result.model).toBe('M/M/1/9');
    expect(result.values.dropRate).toBeCloseTo(theory.blockingProbability, 12);
    expect(result.values.meanQueueLength).toBeUndefined();
    expect(result.method).toMatch(/prefetch 4/);
  });

  it('a TTL that under 1 % of messages would reach stays, as an approximation with a note', () => {
    // M/M/1 at ρ = 0.5: P(W > 2 s) = 0.5·e^{−5·2} ≈ 2e-5.
    const result = shown(station(5, 1, { ttlSeconds: 2 }));
    expect(result).toMatchObject({ model: 'M/M/1', exact: false });
    expect(result.method).toMatch(/TTL 2s: under 1 %/);
  });

  it('priorities keep the means (conservation law) and drop the percentiles', () => {
    const scenario = station(15, 2, { maxPriority: 5 });
    scenario.messageTypes = [{ name: 'vip', priority: 5 }];
    const result = shown(scenario);
    expect(result.values['wait.mean']).toBeCloseTo(
      mmc({ arrivalRate: 15, serviceRate: 10, servers: 2 }).meanWait,
      12,
    );
    expect(result.values['wait.p99']).toBeUndefined();
    expect(result.method).toMatch(/priorities reorder/);
  });
});

describe('an estimate whose assumptions fail is withheld with the reason', () => {
  it('prefetch > 1 with several consumers', () => {
    expectWithheld(
      station(15, 4, { prefetch: 10 }),
      /prefetch 10 with 4 consumers: messages wait in consumers' own buffers/,
    );
  });

  it('a TTL that expires a sizeable share: M/M/1 at ρ = 0.9 with TTL 1 s, P(W > 1 s) = 0.9·e^{−1}', () => {
    expectWithheld(
      station(9, 1, { ttlSeconds: 1 }),
      /TTL 1s: about 33 % of messages would wait longer and expire/,
    );
  });

  it('a TTL on a queue that cannot keep up', () => {
    expectWithheld(station(12, 1, { ttlSeconds: 1 }), /TTL 1s: the consumers cannot keep up/);
  });

  it('overflow block with the queue often full', () => {
    expectWithheld(
      station(9, 1, { capacity: 5, overflow: 'block' }),
      /overflow block: the queue is full on 10 % of arrivals/,
    );
    expect(shown(station(2, 1, { capacity: 20, overflow: 'block' })).method).toMatch(
      /publishers block on under 1 %/,
    );
  });

  it('a byte limit the queue often reaches', () => {
    const scenario = station(9, 1, { capacityBytes: 10_000 });
    scenario.producers[0].messageBytes = { kind: 'constant', value: 1000 };
    // 10 messages of 1 KB: M/M/1 at ρ = 0.9 has P(Lq ≥ 10) = 0.9·0.9^10 ≈ 31 %.
    expectWithheld(scenario, /byte limit holds about 10 messages.*31 % of the time/);
  });

  it('drop-oldest with the queue often full keeps the M/M/c/K loss but not the waits', () => {
    const result = shown(station(9, 1, { capacity: 5, overflow: 'drop-oldest' }));
    expect(result.values.dropRate).toBeGreaterThan(0.09);
    expect(result.values['wait.mean']).toBeUndefined();
    expect(result.method).toMatch(/drop-oldest discards/);
  });

  it('a visibility timeout that many attempts outlast', () => {
    // P(S > 0.1 s) = e^{−1} for exponential service with mean 0.1 s.
    expectWithheld(
      station(5, 1, { timeoutSeconds: 0.1 }),
      /visibility timeout 100ms: about 37 % of attempts/,
    );
  });

  it('batches', () => {
    const scenario = station(1, 4);
    scenario.producers[0].batch = { kind: 'uniform', min: 1, max: 20 };
    expectWithheld(scenario, /source publishes messages in batches/);
  });

  it('a replayed trace', () => {
    const scenario = station(5, 1);
    scenario.producers[0].trace = { path: '/nowhere.csv', records: 10 } as TraceSpec;
    expectWithheld(scenario, /replayed from a trace/);
  });

  it('dead-letter inflow beside normal traffic', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('a', 'lossy', 20), poissonProducer('b', 'spare', 2)],
      queues: [
        queueSpec({
          name: 'lossy',
          capacity: 2,
          consumers: 1,
          service: exponentialService(10),
          deadLetter: 'spare',
        }),
        queueSpec({ name: 'spare', consumers: 1, service: exponentialService(10) }),
      ],
    });
    expect(estimateScenario(scenario).spare).toMatchObject({
      model: null,
      reason: expect.stringMatching(/dead-lettered by lossy/),
    });
  });

  it('on/off bursts too short for the queue to settle', () => {
    const scenario = station(1, 2);
    scenario.producers[0].onOff = { onSeconds: 2, offSeconds: 20, rateOnPerSecond: 15, rateOffPerSecond: 0 };
    expectWithheld(scenario, /bursts of source last about 2s, too short/);
  });

  it('autoscaling with min below max', () => {
    const scenario = station(5, 2);
    scenario.queues[0].autoscale = {
      min: 1,
      max: 5,
      target: 10,
      metric: 'waiting',
      pollingSeconds: 30,
      syncSeconds: 15,
      cooldownSeconds: 300,
      activation: 0,
      scaleUp: DEFAULT_SCALE_UP,
      scaleDown: DEFAULT_SCALE_DOWN,
      tolerance: 0.1,
      startupSeconds: 0,
      cachedMetrics: false,
    };
    expectWithheld(scenario, /autoscaled/);
  });

  it('plan still gets the rough formula where the estimate is withheld', () => {
    const scenario = station(15, 4, { prefetch: 10 });
    expect(estimateScenario(scenario, { rough: true }).station.model).toBe('M/M/4');
  });
});

describe('a rate schedule is estimated at its peak rate', () => {
  /** 20/s for an hour, then 150/s for an hour, then 40/s: M/G/c at 150/s, not at the time average. */
  const scheduled = (consumers: number) => {
    const scenario = singleQueueScenario({
      arrivalRate: 1, // replaced below
      service: { kind: 'gamma', mean: 0.05, cv: 0.5 },
      consumers,
      durationSeconds: 3 * 3600,
    });
    scenario.producers[0] = poissonProducer('storefront', 'station', 50, {
      schedule: {
        kind: 'piecewise',
        breakpointsSeconds: [3600, 7200],
        ratesPerSecond: [20, 150, 40],
        periodSeconds: null,
      },
    });
    return scenario;
  };

  it('equals the steady state at the peak rate, labelled as such', () => {
    const result = shown(scheduled(9));
    const theory = allenCunneen({
      arrivalRate: 150,
      arrivalScv: 1,
      serviceMean: 0.05,
      serviceScv: 0.25,
      servers: 9,
    });
    expect(result).toMatchObject({ model: 'M/G/9', exact: false, stable: true, peakRate: 150 });
    expect(result.values.throughput).toBeCloseTo(150, 9);
    expect(result.values['wait.mean']).toBeCloseTo(theory.meanWait, 12);
    expect(result.method).toMatch(/^steady state at the schedule's peak rate of 150\/s \(storefront\)/);
  });

  it('says the queue grows without bound when the peak is unstable', () => {
    const result = shown(scheduled(7)); // 150/s × 50 ms = 7.5 consumers' worth
    expect(result).toMatchObject({ stable: false, peakRate: 150 });
    expect(result.values['wait.mean']).toBeNull();
    expect(result.values.throughput).toBeCloseTo(140, 9);
  });

  it('ignores pieces that start after the run ends', () => {
    const scenario = scheduled(9);
    scenario.durationSeconds = 1800; // only the first piece runs
    expect(shown(scenario).peakRate).toBe(20);
  });
});

describe('the tail approximations used to judge "rarely"', () => {
  it('are exact for M/M/c: P(W > t) = C·e^{−(cμ−λ)t}, P(Lq ≥ n) = C·ρ^n', () => {
    const state = mmc({ arrivalRate: 15, serviceRate: 10, servers: 2 });
    const line = {
      stable: true,
      probabilityOfWait: state.probabilityOfWait,
      meanWait: state.meanWait,
      meanQueueLength: state.meanQueueLength,
      fullOnArrival: null,
    };
    expect(waitTail(line, 0.3)).toBeCloseTo(state.probabilityOfWait * Math.exp(-5 * 0.3), 12);
    expect(queueTail(line, 4)).toBeCloseTo(state.probabilityOfWait * 0.75 ** 4, 12);
  });
});
