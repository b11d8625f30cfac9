import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  parseBytes,
  parseDurationSeconds,
  parseRatePerSecond,
  scenarioJsonSchema,
} from '../../src/scenario/index.js';

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
      items: { properties: { rate: { anyOf: Alternatives[] } } };
    };
    // A constant rate is the first alternative (then a schedule list and a daily profile).
    const rate = patternOf(producers.items.properties.rate.anyOf[0]);
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

  it('has a description on every key at every depth (queues, exchanges, retry, distributions…)', () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => visit(item, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const { properties } = node as { properties?: Record<string, { description?: string }> };
      for (const [key, property] of Object.entries(properties ?? {})) {
        if (!property.description) missing.push(`${path}.${key}`);
      }
      for (const [key, child] of Object.entries(node)) visit(child, `${path}/${key}`);
    };
    visit(schema, '');
    expect(missing).toEqual([]);
  });

  it('lists every overflow policy, RabbitMQ names included', () => {
    const queues = schema.properties.queues as unknown as {
      items: { properties: { overflow: { enum: string[] } } };
    };
    expect(queues.items.properties.overflow.enum).toEqual([
      'reject-new',
      'drop-oldest',
      'block',
      'reject-publish',
      'drop-head',
      'reject-publish-dlx',
    ]);
  });

  it('defines size distributions and routes once', () => {
    expect(Object.keys(schema.$defs).sort()).toEqual(['Distribution', 'Route', 'SizeDistribution']);
    expect(JSON.stringify(schema.$defs.SizeDistribution)).not.toContain('"rate"');
  });

  it('uses the same size grammar as the parser', () => {
    type Alternatives = { anyOf: { pattern?: string }[] };
    const queues = schema.properties.queues as unknown as {
      items: { properties: { 'capacity-bytes': Alternatives } };
    };
    const size = new RegExp(
      queues.items.properties['capacity-bytes'].anyOf.find((branch) => branch.pattern)!.pattern!,
    );
    for (const sample of [
      '512',
      '512B',
      '2KB',
      '2kB',
      '2 KB',
      '1.5MB',
      '1GB',
      '4KiB',
      '1MiB',
      '1GiB',
      '2kb',
      '1TB',
      '-1KB',
      'KB',
      '',
    ]) {
      expect(size.test(sample), sample).toBe(parseBytes(sample) !== undefined);
    }
  });
});
