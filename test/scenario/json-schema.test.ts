import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseDurationSeconds, parseRatePerSecond, scenarioJsonSchema } from '../../src/scenario/index.js';

const committedPath = new URL('../../schema/scenario.schema.json', import.meta.url);

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema() as {
    properties: Record<string, { description?: string }>;
    required: string[];
    additionalProperties: boolean;
    $defs: Record<string, unknown>;
  };

  it('is committed and fresh: run `npm run schema` after changing the scenario schema', async () => {
    const committed = await readFile(committedPath, 'utf8');
    expect(committed).toBe(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  });

  it('describes the file as written: keys with defaults are optional, unknown keys are refused', () => {
    expect(schema.required.sort()).toEqual(['duration', 'name', 'producers', 'queues']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('has a description on every top-level key, for editor hover help', () => {
    for (const [key, property] of Object.entries(schema.properties)) {
      expect(property.description, key).toBeTruthy();
    }
  });

  it('defines the distribution once and names every kind', () => {
    const text = JSON.stringify(schema.$defs.Distribution);
    for (const kind of [
      'exponential',
      'constant',
      'uniform',
      'normal',
      'lognormal',
      'gamma',
      'erlang',
      'weibull',
      'empirical',
    ]) {
      expect(text).toContain(`"const":"${kind}"`);
    }
  });

  it('uses the same duration and rate grammar as the parser', () => {
    type Alternatives = { anyOf: { pattern?: string }[] };
    const patternOf = (node: Alternatives) =>
      new RegExp(node.anyOf.find((branch) => branch.pattern)!.pattern!);
    const duration = patternOf(schema.properties.duration as Alternatives);
    const producers = schema.properties.producers as unknown as {
      items: { properties: { rate: Alternatives } };
    };
    const rate = patternOf(producers.items.properties.rate);
    for (const sample of [
      '250ms',
      '30s',
      '10m',
      '10min',
      '2h',
      '1d',
      '20us',
      '20µs',
      '1.5 s',
      '30',
      '10 minutes',
      '10M',
      '-1s',
      '',
    ]) {
      expect(duration.test(sample), sample).toBe(parseDurationSeconds(sample) !== undefined);
    }
    for (const sample of [
      '50/s',
      '3000/min',
      '10/h',
      '50',
      '50 / s',
      '50/second',
      '50 per second',
      '-5/s',
      '',
    ]) {
      expect(rate.test(sample), sample).toBe(parseRatePerSecond(sample) !== undefined);
    }
  });
});
