/** Compare: common random numbers make a scenario against itself differ by exactly zero. */
import { describe, expect, it } from 'vitest';
import { compareScenarios, pairedDifference } from '../../src/analysis/compare.js';
import { serialRunner } from '../../src/analysis/replications.js';
import type { RunResult } from '../../src/model/run-result.js';
import { parseScenario } from '../../src/scenario/index.js';
import { withVariants } from '../../src/scenario/parameters.js';
import { compareRoutesExample } from '../helpers/compare-example.js';

const text = (consumers: number, seed: number) => `name: c${consumers}
seed: ${seed}
duration: 1m
producers:
  - { name: orders, to: billing, rate: 30/s }
queues:
  - { name: billing, capacity: 50, consumers: ${consumers}, service: { distribution: exponential, mean: 50ms } }
`;
const scenario = (consumers: number, seed = 4) => parseScenario(text(consumers, seed), 'test.yaml').scenario;

describe('compareScenarios', () => {
  it('gives zero difference, not significant, for a scenario against itself', async () => {
    const compare = await compareScenarios([scenario(2), scenario(2)], {
      runner: serialRunner(),
      replications: 4,
    });
    const metrics = compare.differences[0].metrics;
    expect(metrics.length).toBeGreaterThan(5);
    for (const metric of metrics) {
      expect(metric.difference, metric.target).toBe(0);
      expect(metric.ci95, metric.target).toEqual([0, 0]);
      expect(metric.significant).toBe(false);
    }
  });

  it('uses the first seed for all (common random numbers): arrivals are paired exactly', async () => {
    const compare = await compareScenarios([scenario(2, 4), scenario(3, 99)], {
      runner: serialRunner(),
      replications: 4,
    });
    expect(compare.seed).toBe(4);
    const arrivals = compare.scenarios.map((entry) => entry.result.queues.billing.arrivals);
    expect(arrivals[1]).toBe(arrivals[0]);
    const utilization = compare.differences[0].metrics.find((m) => m.target === 'queues.billing.utilization');
    expect(utilization?.significant).toBe(true);
    expect(utilization?.difference).toBeLessThan(0); // three consumers are each less busy
  });
});

describe('pairedDifference', () => {
  const run = (value: number | null) =>
    ({ queues: { q: { sojourn: { p99: value } } } }) as unknown as RunResult;

  it('is the CI of the mean paired difference', () => {
    const d = pairedDifference('queues.q.sojourn.p99', [run(1), run(2), run(3)], [run(2), run(3.5), run(4)]);
    expect(d.difference).toBeCloseTo(7 / 6, 12); // mean of 1, 1.5 and 1
    expect(d.significant).toBe(true);
  });

  it('has no difference when a run lacks the metric', () => {
    const d = pairedDifference('queues.q.sojourn.p99', [run(1), run(null)], [run(2), run(3)]);
    expect(d).toMatchObject({ difference: null, significant: false, value: 2.5, baseline: 1 });
  });
});

describe('compareScenarios with variants', () => {
  const withVariantsText = `${text(2, 4)}variants:
  - { name: same, set: { queues.billing.consumers: 2 } }
  - { name: bigger-pool, set: { queues.billing.consumers: 4 } }
`;

  it('gives zero difference for a variant identical to the base and a significantly lower wait with more consumers', async () => {
    const { scenario: base } = parseScenario(withVariantsText, 'test.yaml');
    const compare = await compareScenarios(withVariants(base), { runner: serialRunner(), replications: 4 });
    expect(compare.scenarios.map((entry) => entry.name)).toEqual(['c2', 'same', 'bigger-pool']);
    const [same, bigger] = compare.differences;
    expect(same.scenario).toBe('same');
    for (const metric of same.metrics) {
      expect(metric.difference, metric.target).toBe(0);
      expect(metric.significant).toBe(false);
    }
    const wait = bigger.metrics.find((metric) => metric.target === 'queues.billing.wait.mean');
    expect(wait?.significant).toBe(true);
    expect(wait?.difference).toBeLessThan(0);
  });
});

describe('compareScenarios per route', () => {
  it('pairs each route’s end-to-end p50, p95 and p99, route and queue names with dots included', async () => {
    const compare = await compareRoutesExample();
    const targets = compare.differences[0].metrics.map((metric) => metric.target);
    for (const route of ['shop → intake → fast', 'shop → intake → slow.v2']) {
      for (const p of ['p50', 'p95', 'p99']) expect(targets).toContain(`routes.${route}.endToEnd.${p}`);
    }
    const at = (target: string) => compare.differences[0].metrics.find((m) => m.target === target)!;
    // A second intake consumer shortens the wait every route starts with.
    const fast = at('routes.shop → intake → fast.endToEnd.p50');
    expect(fast.significant).toBe(true);
    expect(fast.difference).toBeLessThan(0);
    expect(fast.ci95![1]).toBeLessThan(0);
    // The dotted queue is read as itself, not as queue "slow" with a field "v2".
    expect(at('queues.slow.v2.throughput').baseline).toBeGreaterThan(5);
    expect(at('routes.shop → intake → slow.v2.endToEnd.p99').baseline).toBeGreaterThan(0.2);
  });
});
