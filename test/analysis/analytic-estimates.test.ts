import { describe, expect, it } from 'vitest';
import { analyticEstimates } from '../../src/analysis/analytic-estimates.js';
import { mmc, mmck } from '../../src/analysis/closed-forms/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { QUEUE_DEFAULTS, SCENARIO_DEFAULTS } from '../helpers/queue-defaults.js';

const base: Scenario = {
  name: 'estimates',
  description: '',
  seed: 1,
  durationSeconds: 100,
  warmupSeconds: 0,
  ...SCENARIO_DEFAULTS,
  producers: [
    { name: 'a', to: 'mmc', interarrival: { kind: 'exponential', mean: 0.1 }, types: [], messageBytes: null },
    { name: 'b', to: 'mmc', interarrival: { kind: 'exponential', mean: 0.1 }, types: [], messageBytes: null },
    {
      name: 'c',
      to: 'mmck',
      interarrival: { kind: 'exponential', mean: 0.05 },
      types: [],
      messageBytes: null,
    },
    { name: 'd', to: 'mg1', interarrival: { kind: 'exponential', mean: 0.2 }, types: [], messageBytes: null },
    { name: 'e', to: 'ggc', interarrival: { kind: 'constant', value: 0.1 }, types: [], messageBytes: null },
    {
      name: 'f',
      to: 'bounded-general',
      interarrival: { kind: 'exponential', mean: 0.1 },
      types: [],
      messageBytes: null,
    },
  ],
  queues: [
    {
      name: 'mmc',
      capacity: null,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 3,
      service: { kind: 'exponential', mean: 0.1 },
    },
    {
      name: 'mmck',
      capacity: 5,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 2,
      service: { kind: 'exponential', mean: 0.1 },
    },
    {
      name: 'mg1',
      capacity: null,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 1,
      service: { kind: 'constant', value: 0.1 },
    },
    {
      name: 'ggc',
      capacity: null,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 2,
      service: { kind: 'lognormal', mean: 0.1, cv: 1 },
    },
    {
      name: 'bounded-general',
      capacity: 5,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 1,
      service: { kind: 'constant', value: 0.05 },
    },
    {
      ...QUEUE_DEFAULTS,
      name: 'no-consumers',
      capacity: null,
      overflow: 'reject-new',
      consumers: 0,
      service: null,
    },
  ],
};

describe('analyticEstimates', () => {
  const estimates = analyticEstimates(base);

  it('uses M/M/c for Poisson streams into an unbounded queue with exponential service, adding the rates', () => {
    expect(estimates.mmc).toMatchObject({ model: 'M/M/3 (Erlang C)', exact: true, dropRate: 0 });
    expect(estimates.mmc.meanWait).toBeCloseTo(
      mmc({ arrivalRate: 20, serviceRate: 10, servers: 3 }).meanWait,
      12,
    );
  });

  it('uses M/M/c/K with K = consumers + capacity for a bounded queue, with its blocking probability', () => {
    const exact = mmck({ arrivalRate: 20, serviceRate: 10, servers: 2, systemCapacity: 7 });
    expect(estimates.mmck).toMatchObject({ model: 'M/M/2/7', exact: true, stable: true });
    expect(estimates.mmck.dropRate).toBeCloseTo(exact.blockingProbability, 12);
    expect(estimates.mmck.utilization).toBeCloseTo(exact.utilization, 12);
  });

  it('uses Pollaczek–Khinchine for one consumer with general service: M/D/1 here', () => {
    expect(estimates.mg1).toMatchObject({ model: 'M/G/1 (Pollaczek–Khinchine)', exact: true });
    // M/D/1: Wq = ρD / (2(1 − ρ)) with ρ = 0.5, D = 0.1 s.
    expect(estimates.mg1.meanWait).toBeCloseTo((0.5 * 0.1) / (2 * 0.5), 12);
  });

  it('falls back to the Allen–Cunneen approximation, labelled as such', () => {
    expect(estimates.ggc).toMatchObject({ model: 'G/G/2 (Allen–Cunneen, approx.)', exact: false });
    expect(estimates.ggc.utilization).toBeCloseTo(0.5, 12);
  });

  it('gives nothing where no closed form fits', () => {
    expect(estimates['bounded-general']).toBeUndefined();
    expect(estimates['no-consumers']).toBeUndefined();
  });
});
