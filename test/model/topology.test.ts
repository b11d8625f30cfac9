import { describe, expect, it } from 'vitest';
import { describeTopology } from '../../src/model/topology.js';
import { singleQueueScenario } from '../helpers/scenarios.js';

describe('describeTopology', () => {
  it('lists producers with their offered rate and queues with their consumers and service law', () => {
    const scenario = singleQueueScenario({
      arrivalRate: 40,
      service: { kind: 'lognormal', mean: 0.06, cv: 1.5 },
      consumers: 3,
      capacity: 50,
      durationSeconds: 10,
    });
    const topology = describeTopology(scenario);
    expect(topology.producers).toEqual([
      {
        name: 'source',
        to: 'station',
        ratePerSecond: expect.closeTo(40, 9),
        interarrival: expect.any(String),
      },
    ]);
    expect(topology.queues).toEqual([
      {
        name: 'station',
        consumers: 3,
        capacity: 50,
        capacityBytes: null,
        meanServiceSeconds: expect.closeTo(0.06, 12),
        service: expect.stringMatching(/lognormal/),
      },
    ]);
  });
});
