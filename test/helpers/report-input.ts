import { withAnalyticEstimates } from '../../src/analysis/compare-analytic.js';
import { simulate } from '../../src/model/simulate.js';
import { describeTopology } from '../../src/model/topology.js';
import type { ReportInput } from '../../src/report/html/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { QUEUE_DEFAULTS, SCENARIO_DEFAULTS } from './queue-defaults.js';

/**
 * Three queues that exercise every part of a report: two producers into an M/M/2 queue, a small bounded
 * queue that refuses messages (the bottleneck), and a queue without consumers that fills up.
 */
export const threeQueues: Scenario = {
  name: 'three-queues',
  description: 'Orders and payments, with an archive nobody reads. <b>not bold</b>',
  seed: 11,
  durationSeconds: 600,
  warmupSeconds: 30,
  ...SCENARIO_DEFAULTS,
  producers: [
    {
      name: 'web',
      to: 'orders',
      interarrival: { kind: 'exponential', mean: 1 / 12 },
      types: [],
      messageBytes: null,
    },
    {
      name: 'mobile',
      to: 'orders',
      interarrival: { kind: 'exponential', mean: 1 / 6 },
      types: [],
      messageBytes: null,
    },
    {
      name: 'checkout',
      to: 'payments',
      interarrival: { kind: 'exponential', mean: 1 / 30 },
      types: [],
      messageBytes: null,
    },
    {
      name: 'exports',
      to: 'archive',
      interarrival: { kind: 'constant', value: 2 },
      types: [],
      messageBytes: null,
    },
  ],
  queues: [
    {
      name: 'orders',
      capacity: null,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 2,
      service: { kind: 'exponential', mean: 0.08 },
    },
    {
      name: 'payments',
      capacity: 5,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 3,
      service: { kind: 'exponential', mean: 0.1 },
    },
    {
      ...QUEUE_DEFAULTS,
      name: 'archive',
      capacity: null,
      overflow: 'reject-new',
      consumers: 0,
      service: null,
    },
  ],
};

/** `count` independent M/M/2 queues, each with its own producer: the size test's 10-queue network. */
export function manyQueues(count: number, durationSeconds: number): Scenario {
  const names = Array.from({ length: count }, (_, index) => `queue-${index + 1}`);
  return {
    name: `many-queues-${count}`,
    description: `${count} independent queues`,
    seed: 3,
    durationSeconds,
    warmupSeconds: 60,
    ...SCENARIO_DEFAULTS,
    producers: names.map((name, index) => ({
      name: `producer-${index + 1}`,
      to: name,
      interarrival: { kind: 'exponential', mean: 1 / (10 + index) },
      types: [],
      messageBytes: null,
    })),
    queues: names.map((name) => ({
      name,
      capacity: 50,
      ...QUEUE_DEFAULTS,
      overflow: 'reject-new',
      consumers: 2,
      service: { kind: 'lognormal', mean: 0.12, cv: 1.2 },
    })),
  };
}

/** Simulates a scenario (with its analytic estimates, as `queuesim run` does) and gathers the report's input. */
export function reportInputFor(scenario: Scenario, yaml = 'name: example\n'): ReportInput {
  return {
    result: withAnalyticEstimates(simulate(scenario).result, scenario),
    topology: describeTopology(scenario),
    description: scenario.description,
    scenarioSource: { path: `scenarios/${scenario.name}.yaml`, text: yaml },
    version: '0.0.0-test',
    generatedAt: new Date(Date.UTC(2026, 10, 27, 9, 30)),
  };
}
