/** `--vary path=values`: paths, lists, ranges, multipliers and durations; applying a value to a scenario. */
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { applyParameter, parseParameters, variablePaths } from '../../src/scenario/parameters.js';

const { scenario } = parseScenario(
  `name: t
duration: 1m
producers:
  - { name: orders, to: billing, rate: 40/s }
  - { name: batch, to: billing, interarrival: { distribution: gamma, mean: 100ms, cv: 2 } }
queues:
  - { name: billing, capacity: 100, consumers: 2, service: 20ms }
`,
  'test.yaml',
);

function problems(specs: string[]): string[] {
  try {
    parseParameters(scenario, specs);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems.map((problem) => problem.message);
  }
  throw new Error('expected the specs to be refused');
}

describe('parseParameters', () => {
  it.each([
    ['queues.billing.consumers=1..4', 'integer', [1, 2, 3, 4]],
    ['queues.billing.consumers=1..9:4', 'integer', [1, 5, 9]],
    ['queues.billing.capacity=100,1000,10000', 'integer', [100, 1000, 10000]],
    ['queues.billing.capacity=0,10..12', 'integer', [0, 10, 11, 12]],
    ['queues.billing.ttl=250ms,1s,2', 'seconds', [0.25, 1, 2]],
    ['producers.orders.rate=x1,x1.5,x2', 'multiplier', [1, 1.5, 2]],
    ['producers.orders.rate=50/s,6000/min', 'perSecond', [50, 100]],
    ['load=x1..x3:0.5', 'multiplier', [1, 1.5, 2, 2.5, 3]],
    ['load=x0.1..x0.3:0.1', 'multiplier', [0.1, 0.2, 0.3]],
  ] as const)('%s', (spec, unit, values) => {
    const [parameter] = parseParameters(scenario, [spec]);
    expect(parameter).toEqual({ path: spec.split('=')[0], unit, values });
  });

  it('lists the paths of a scenario', () => {
    expect(variablePaths(scenario)).toContain('queues.billing.consumers');
    expect(variablePaths(scenario)).toContain('producers.batch.rate');
  });

  it('refuses unknown paths with a suggestion, bad values, and a path varied twice', () => {
    const paths = variablePaths(scenario);
    expect(problems(['queues.biling.consumers=1..3'])).toEqual([
      msg.varyPathUnknown('queues.biling.consumers', paths, 'queues.billing.consumers'),
    ]);
    expect(problems(['queues.billing.consumers=1.5,x2'])).toEqual([
      msg.varyValueInvalid('queues.billing.consumers', '1.5', 'an integer from 0 to 1,000,000'),
      msg.varyValueInvalid('queues.billing.consumers', 'x2', 'an integer from 0 to 1,000,000'),
    ]);
    expect(problems(['queues.billing.prefetch=0'])).toHaveLength(1);
    expect(problems(['queues.billing.consumers=5..1'])).toHaveLength(1);
    expect(problems(['load=x0'])).toHaveLength(1);
    expect(problems(['consumers'])).toEqual([msg.expectedVary('consumers')]);
    expect(problems(['load=x1', 'load=x2'])).toEqual([msg.varyPathTwice('load')]);
  });
});

describe('applyParameter', () => {
  it('sets a queue field on the named queue only, leaving the original untouched', () => {
    const changed = applyParameter(scenario, { path: 'queues.billing.consumers', unit: 'integer' }, 7);
    expect(changed.queues[0].consumers).toBe(7);
    expect(scenario.queues[0].consumers).toBe(2);
  });

  it('multiplies rates: x2 halves every interarrival time and keeps the shape', () => {
    const changed = applyParameter(scenario, { path: 'load', unit: 'multiplier' }, 2);
    expect(changed.producers[0].interarrival).toEqual({ kind: 'exponential', mean: 1 / 80 });
    expect(changed.producers[1].interarrival).toEqual({ kind: 'gamma', mean: 0.05, cv: 2 });
  });

  it('sets an absolute rate on one producer, keeping its interarrival shape', () => {
    const changed = applyParameter(scenario, { path: 'producers.batch.rate', unit: 'perSecond' }, 20);
    expect(changed.producers[1].interarrival).toEqual({ kind: 'gamma', mean: 0.05, cv: 2 });
    expect(changed.producers[0]).toBe(scenario.producers[0]);
  });
});
