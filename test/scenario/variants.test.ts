/** `variants:` in a scenario file: validated with located errors, applied to the base scenario. */
import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';
import { withVariants } from '../../src/scenario/parameters.js';

const base = `name: shop
duration: 1m
producers:
  - { name: checkout, to: billing, rate: 30/s }
queues:
  - { name: billing, consumers: 2, service: { distribution: exponential, mean: 50ms } }
`;

function problems(variants: string): string[] {
  try {
    parseScenario(`${base}variants:\n${variants}`, 'v.yaml');
  } catch (error) {
    if (error instanceof ScenarioError)
      return error.problems.map((p) => `${p.line}:${p.column} ${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('variants', () => {
  it('normalises each setting to its unit and applies them in order', () => {
    const { scenario } = parseScenario(
      `${base}variants:
  - name: bigger-pool
    set: { queues.billing.consumers: 8, producers.checkout.rate: 60/s, queues.billing.ttl: 2s }
  - { name: busier, set: { load: x1.5 } }
`,
      'v.yaml',
    );
    expect(scenario.variants?.[0].settings).toEqual([
      { path: 'queues.billing.consumers', unit: 'integer', value: 8 },
      { path: 'producers.checkout.rate', unit: 'perSecond', value: 60 },
      { path: 'queues.billing.ttl', unit: 'seconds', value: 2 },
    ]);
    const [plain, bigger, busier] = withVariants(scenario);
    expect(plain.name).toBe('shop');
    expect(plain.variants).toBeUndefined();
    expect(bigger.name).toBe('bigger-pool');
    expect(bigger.queues[0]).toMatchObject({ consumers: 8, ttlSeconds: 2 });
    expect(bigger.producers[0].interarrival).toEqual({ kind: 'exponential', mean: 1 / 60 });
    expect(busier.producers[0].interarrival.kind).toBe('exponential');
    expect((busier.producers[0].interarrival as { mean: number }).mean).toBeCloseTo(1 / 45, 12);
    expect(busier.queues[0].consumers).toBe(2);
  });

  it('refuses an unknown path with its place and the nearest path', () => {
    const found = problems('  - { name: a, set: { queues.biling.consumers: 3 } }\n');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^8:\d+ variants\[0\]\.set/);
    expect(found[0]).toContain("did you mean 'queues.billing.consumers'");
  });

  it('refuses a value in the wrong unit', () => {
    const found = problems(
      '  - { name: a, set: { queues.billing.ttl: 5/s, queues.billing.consumers: 2.5, producers.checkout.rate: 2s } }\n',
    );
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toContain('expected a duration > 0');
    expect(found.join('\n')).toContain('expected an integer from 0 to 1,000,000');
    expect(found.join('\n')).toContain('expected a rate like 50/s');
  });

  it('refuses duplicate variant names, and one named like the scenario', () => {
    const found = problems(
      '  - { name: a, set: { load: x2 } }\n  - { name: a, set: { load: x3 } }\n  - { name: shop, set: { load: x3 } }\n',
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^9:\d+ variants\[1\]\.name: variant name 'a' is already used by variants\[0\]/);
    expect(found[1]).toContain("'shop' is the scenario's own name");
  });

  it('refuses a variant without settings or with an unknown key', () => {
    const found = problems('  - { name: a, set: {} }\n  - { name: b, sett: { load: x2 } }\n');
    expect(found.join('\n')).toContain('at least one entry in set');
    expect(found.join('\n')).toMatch(/sett/);
  });
});
