/** Parameter paths whose producer or queue names contain dots resolve to the declared names (issue 18, item 7). */
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario, type Scenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import {
  applyParameter,
  applyVariant,
  parseParameters,
  parsePath,
  queueOfPath,
  variablePaths,
} from '../../src/scenario/parameters.js';

const { scenario } = parseScenario(
  `name: dots
duration: 1m
producers:
  - { name: web.eu, to: orders.v2, rate: 20/s }
  - { name: web, to: orders, rate: 5/s }
queues:
  - { name: orders.v2, consumers: 12, service: 500ms }
  - { name: orders, consumers: 1, service: 50ms, autoscale: { min: 1, max: 4, target: 10 } }
  - { name: a.autoscale, consumers: 2, service: 50ms }
variants:
  - name: bigger
    set: { queues.orders.v2.consumers: 14, producers.web.eu.rate: x2 }
`,
  'test.yaml',
);

/** The Poisson rate of producer `name` in `of` (every producer here is `rate:`, so exponential). */
const rateIn = (of: Scenario, name: string) => {
  const gaps = of.producers.find((p) => p.name === name)!.interarrival;
  return gaps.kind === 'exponential' ? 1 / gaps.mean : NaN;
};

describe('parsePath', () => {
  it.each([
    ['load', { section: 'load' }],
    ['producers.web.eu.rate', { section: 'producers', name: 'web.eu', field: 'rate' }],
    [
      'queues.orders.v2.consumers',
      { section: 'queues', name: 'orders.v2', field: 'consumers', autoscale: false },
    ],
    ['queues.orders.autoscale.min', { section: 'queues', name: 'orders', field: 'min', autoscale: true }],
    // An autoscale key is never a queue key, so a queue named `a.autoscale` keeps its name.
    [
      'queues.a.autoscale.consumers',
      { section: 'queues', name: 'a.autoscale', field: 'consumers', autoscale: false },
    ],
    ['queues.t.1.partitions', { section: 'queues', name: 't.1', field: 'partitions', autoscale: false }],
  ] as const)('%s', (path, target) => {
    expect(parsePath(path)).toEqual(target);
  });

  it('names nothing for a path without a known field', () => {
    expect(parsePath('queues.orders.v2')).toBeUndefined();
    expect(parsePath('producers.web.eu')).toBeUndefined();
    expect(queueOfPath('producers.web.eu.rate')).toBeNull();
    expect(queueOfPath('queues.orders.v2.capacity')).toBe('orders.v2');
  });
});

describe('applyParameter with dotted names', () => {
  it('multiplies the rate of the producer named with a dot, and only its', () => {
    const doubled = applyParameter(scenario, { path: 'producers.web.eu.rate', unit: 'multiplier' }, 2);
    expect(rateIn(doubled, 'web.eu')).toBeCloseTo(40, 10);
    expect(rateIn(doubled, 'web')).toBeCloseTo(5, 10);
  });

  it('sets the consumers of the queue named with a dot, and an autoscale key beside it', () => {
    const [parameter] = parseParameters(scenario, ['queues.orders.v2.consumers=12,14']);
    const sized = applyParameter(scenario, parameter, 14);
    expect(sized.queues.map((q) => [q.name, q.consumers])).toEqual([
      ['orders.v2', 14],
      ['orders', 1],
      ['a.autoscale', 2],
    ]);
    const [autoscale] = parseParameters(scenario, ['queues.orders.autoscale.max=6']);
    expect(applyParameter(scenario, autoscale, 6).queues[1].autoscale?.max).toBe(6);
    const [dotted] = parseParameters(scenario, ['queues.a.autoscale.consumers=5']);
    expect(applyParameter(scenario, dotted, 5).queues[2].consumers).toBe(5);
  });

  it('applies a variant that names dotted paths', () => {
    const bigger = applyVariant(scenario, scenario.variants![0]);
    expect(bigger.queues[0].consumers).toBe(14);
    expect(rateIn(bigger, 'web.eu')).toBeCloseTo(40, 10);
  });

  it('refuses a path that names nothing as a located problem, not an internal error', () => {
    const paths = variablePaths(scenario);
    let caught: unknown;
    try {
      applyParameter(scenario, { path: 'queues.orders.v3.consumers', unit: 'integer' }, 3);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ScenarioError);
    expect((caught as ScenarioError).problems).toEqual([
      {
        file: '<command line>',
        line: 0,
        column: 0,
        path: 'queues.orders.v3.consumers',
        message: msg.varyPathUnknown('queues.orders.v3.consumers', paths, 'queues.orders.v2.consumers'),
        severity: 'error',
      },
    ]);
  });
});
