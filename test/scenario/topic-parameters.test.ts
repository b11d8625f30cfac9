/** Sweeps and variants over a topic: its consumers, partitions and retention, and nothing a topic lacks. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';
import { applyParameter, parseParameters, variablePaths } from '../../src/scenario/parameters.js';

const text = `
name: t
duration: 2m
producers:
  - { name: p, to: orders, rate: 100/s }
  - { name: p2, to: plain, rate: 10/s }
queues:
  - name: orders
    partitions: 4
    keys: { count: 1000, skew: 1.1 }
    consumers: 4
    service: 20ms
  - name: plain
    service: 20ms
`;
const { scenario } = parseScenario(text, 'test.yaml');

describe('topic parameters', () => {
  it('lets a sweep vary a topic’s consumers, partitions and retention, not queue-only settings', () => {
    const paths = variablePaths(scenario);
    expect(paths.filter((path) => path.startsWith('queues.orders.'))).toEqual([
      'queues.orders.consumers',
      'queues.orders.partitions',
      'queues.orders.retention',
    ]);
    expect(paths).toContain('queues.plain.capacity');
    expect(paths).not.toContain('queues.plain.partitions');
  });

  it('parses and applies partitions and retention to the topic', () => {
    const [partitions, retention] = parseParameters(scenario, [
      'queues.orders.partitions=4..12:4',
      'queues.orders.retention=30s,1h',
    ]);
    expect(partitions).toEqual({ path: 'queues.orders.partitions', unit: 'integer', values: [4, 8, 12] });
    expect(retention.values).toEqual([30, 3600]);
    const applied = applyParameter(applyParameter(scenario, partitions, 8), retention, 30);
    expect(applied.queues[0].topic).toMatchObject({ partitions: 8, retentionSeconds: 30, keyCount: 1000 });
    expect(applied.queues[1]).toEqual(scenario.queues[1]);
  });

  it('refuses partitions 0, and partitions on a plain queue', () => {
    expect(() => parseParameters(scenario, ['queues.orders.partitions=0,4'])).toThrow(ScenarioError);
    expect(() => parseParameters(scenario, ['queues.plain.partitions=4'])).toThrow(ScenarioError);
  });

  it('changes the model: one partition makes the topic a single consumer’s queue, three of four idle', () => {
    const [partitions] = parseParameters(scenario, ['queues.orders.partitions=1,4']);
    const [one, four] = partitions.values.map(
      (value) => simulate(applyParameter(scenario, partitions, value)).result.queues.orders,
    );
    expect(one.partitions).toMatchObject({ count: 1, idleConsumers: 3 });
    expect(four.partitions).toMatchObject({ count: 4, idleConsumers: 0 });
    expect(four.wait.mean as number).toBeLessThan(one.wait.mean as number);
  });
});
