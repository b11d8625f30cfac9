import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoscaleBlock, mergeAutoscale } from '../../src/import/autoscale-yaml.js';
import { importKedaScaledObject } from '../../src/import/keda-scaled-object.js';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';

const imported = importKedaScaledObject(
  readFileSync('scenarios/imports/keda-scaledobject.yaml', 'utf8'),
  'keda-scaledobject.yaml',
);
const header = ['Imported from keda-scaledobject.yaml.'];

const SCENARIO = `# The shop's order flow
name: shop # one queue
duration: 10m
producers:
  - name: web
    to: orders
    rate: 20/s # measured at the edge
queues:
  - name: orders # the RabbitMQ queue
    service: { distribution: exponential, mean: 50ms }
    prefetch: 4 # as the consumer sets it
  - name: audit
    service: 5ms
`;

describe('autoscale YAML', () => {
  it('a standalone block comments every value with its source and parses under a queue', () => {
    const block = autoscaleBlock(imported.settings, header);
    expect(block).toMatch(
      /^autoscale:\n {2}# Imported from keda-scaledobject\.yaml\.\n {2}min: 0 # spec\.minReplicaCount\n/,
    );
    for (const line of block.split('\n').filter((l) => /^\s+[a-z-]+: \S/.test(l)))
      expect(line).toMatch(/ # \S/);
    const pasted = SCENARIO.replace(
      '    prefetch: 4 # as the consumer sets it\n',
      `    prefetch: 4\n${block.trimEnd().replace(/^/gm, '    ')}\n`,
    );
    const { scenario } = parseScenario(pasted, 'pasted.yaml');
    const autoscale = scenario.queues.find((queue) => queue.name === 'orders')!.autoscale!;
    expect(autoscale).toMatchObject({ min: 0, max: 24, target: 100, metric: 'lag', activation: 5 });
  });

  it('merging adds the block to the queue and leaves every other line as written', () => {
    const merged = mergeAutoscale(SCENARIO, 'shop.yaml', 'orders', imported.settings, header);
    expect(merged.replaced).toBe(false);
    const original = SCENARIO.split('\n');
    const lines = merged.text.split('\n');
    const added = lines.length - original.length;
    // The block goes in right after the queue's last key; everything before and after is untouched.
    expect(lines.slice(0, 11)).toEqual(original.slice(0, 11));
    expect(lines.slice(11 + added)).toEqual(original.slice(11));
    expect(lines[11]).toBe('    autoscale:');
    const { scenario } = parseScenario(merged.text, 'shop.yaml');
    expect(scenario.queues[0].autoscale).toMatchObject({ min: 0, max: 24, pollingSeconds: 10 });
    expect(scenario.queues[1].autoscale).toBeUndefined();
  });

  it('merging replaces an existing block, keeping its startup-time, and merging twice gives the same scenario', () => {
    const withBlock = SCENARIO.replace(
      '    prefetch: 4 # as the consumer sets it\n',
      '    autoscale: # old\n      max: 3\n      startup-time: 40s # measured in staging\n    prefetch: 4 # as the consumer sets it\n',
    );
    const once = mergeAutoscale(withBlock, 'shop.yaml', 'orders', imported.settings, header);
    expect(once.replaced).toBe(true);
    expect(once.text).not.toContain('max: 3');
    expect(once.text).toContain('startup-time: 40s # kept from shop.yaml (not in a ScaledObject)');
    expect(once.text).toContain('    prefetch: 4 # as the consumer sets it\n');
    const twice = mergeAutoscale(once.text, 'shop.yaml', 'orders', imported.settings, header);
    expect(parseScenario(twice.text, 'shop.yaml').scenario).toEqual(
      parseScenario(once.text, 'shop.yaml').scenario,
    );
    expect(twice.text.split('\n')).toHaveLength(once.text.split('\n').length);
    expect(parseScenario(once.text, 'shop.yaml').scenario.queues[0].autoscale?.startupSeconds).toBe(40);
  });

  it('a queue written in flow style is merged too', () => {
    const flow = SCENARIO.replace(
      '  - name: audit\n    service: 5ms\n',
      '  - { name: audit, service: 5ms }\n',
    );
    const merged = mergeAutoscale(flow, 'shop.yaml', 'audit', imported.settings, header);
    expect(parseScenario(merged.text, 'shop.yaml').scenario.queues[1].autoscale?.max).toBe(24);
    expect(merged.text).toContain('# the RabbitMQ queue');
  });

  it('a queue not in the scenario is an error naming the queues there are', () => {
    expect(() => mergeAutoscale(SCENARIO, 'shop.yaml', 'payments', imported.settings, header)).toThrow(
      ScenarioError,
    );
    try {
      mergeAutoscale(SCENARIO, 'shop.yaml', 'payments', imported.settings, header);
    } catch (error) {
      expect((error as ScenarioError).problems[0]).toMatchObject({
        path: '--queue',
        message: "no queue named 'payments' in shop.yaml; its queues are orders, audit",
      });
    }
  });
});
