/**
 * A load or rate multiple k scales every kind of arrival process in the simulation, not only in the estimate
 * (issue 18, item 6): Poisson, rate schedules, on-off sources, batches and traces publish k times as much.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { loadScenarioFile, parseScenario, type Scenario } from '../../src/scenario/index.js';
import { applyParameter, applyVariant } from '../../src/scenario/parameters.js';
import { checkFamily, expectPass } from '../helpers/statistical.js';
import { traceScenario } from '../helpers/traces.js';

/** Messages the producer `p` published in the measured run. */
const published = (scenario: Scenario) => simulate(scenario).result.flows.p.published;
const load = (scenario: Scenario, k: number) =>
  applyParameter(scenario, { path: 'load', unit: 'multiplier' }, k);
const rate = (scenario: Scenario, k: number) =>
  applyParameter(scenario, { path: 'producers.p.rate', unit: 'multiplier' }, k);

function oneProducer(producer: string, duration = '400s'): Scenario {
  return parseScenario(
    `name: scaled
seed: 11
duration: ${duration}
producers:
  - { name: p, to: q, ${producer} }
queues:
  - { name: q, consumers: 50, service: 1ms }
variants:
  - { name: doubled, set: { load: x2 } }
`,
    'test.yaml',
  ).scenario;
}

describe('load multiples reach the simulated arrivals', () => {
  const family = checkFamily('load multiples', 10);
  /** A Poisson count within the family's standard errors (√mean). */
  const expectPoisson = (count: number, mean: number, label: string) =>
    expectPass(family.withinStandardErrors(count, mean, Math.sqrt(mean), { label }));
  it("on-off: x2 and x3 multiply the published count within the MMPP count's standard errors", () => {
    // on = off = 100 ms (switching rates 10/s each), rate-on 100/s: mean 50/s, 20,000 in 400 s. The count's
    // index of dispersion is 1 + 2·a·b·(λon − λoff)² / ((a + b)³·λ̄) = 1 + 2·100·(100k)² / (8000·50k) = 1 + 5k.
    const base = oneProducer(
      'arrival: { process: on-off, on: 100ms, off: 100ms, rate-on: 100/s, rate-off: 0 }',
    );
    for (const k of [1, 2, 3]) {
      const mean = 20_000 * k;
      const sd = Math.sqrt((1 + 5 * k) * mean);
      for (const scaled of [load(base, k), rate(base, k)]) {
        expect(scaled.producers[0].onOff?.rateOnPerSecond).toBeCloseTo(100 * k, 10);
        expect(scaled.producers[0].onOff?.onSeconds).toBe(0.1); // bursts keep their length
        expectPass(family.withinStandardErrors(published(scaled), mean, sd, { label: `x${k} published` }));
      }
    }
    // A variant's load: reaches the simulation too.
    const doubled = applyVariant(base, base.variants![0]);
    expectPass(
      family.withinStandardErrors(published(doubled), 40_000, Math.sqrt(11 * 40_000), {
        label: 'variant x2',
      }),
    );
  });

  it('Poisson: x2 multiplies the count within its standard errors (Poisson)', () => {
    const base = oneProducer('rate: 50/s');
    expectPoisson(published(load(base, 2)), 40_000, 'Poisson x2');
  });

  it('rate schedule: x2 doubles every piece (10/s then 40/s for 200 s each: 10,000 → 20,000)', () => {
    const base = oneProducer('rate: [{ until: 200s, rate: 10/s }, { rate: 40/s }]');
    expectPoisson(published(base), 10_000, 'schedule');
    expectPoisson(published(load(base, 2)), 20_000, 'schedule x2');
  });

  it('batches at constant gaps: exactly k times the events, each with its batch of 4', () => {
    const base = oneProducer('interarrival: { distribution: constant, value: 100ms }, batch: 4', '100s');
    const counts = [1, 2, 3].map((k) => published(load(base, k)));
    // 1,000 events (±1 at the boundary) of 4 messages each, times k.
    counts.forEach((count, i) => expect(Math.abs(count - 4000 * (i + 1))).toBeLessThanOrEqual(4));
  });

  it('a looping trace: x2 replays it twice as fast, exactly twice the records', async () => {
    // 10 records 1 s apart, looping every 10 s (span 9 s + one mean gap): 1 per second, 60 in 60 s.
    const records = Array.from({ length: 10 }, (_, i) => `${i * 1000}`).join('\n');
    const dir = traceScenario(
      `name: replay
seed: 5
duration: 60s
producers:
  - { name: p, to: q, trace: { file: t.csv, loop: true } }
queues:
  - { name: q, consumers: 1, service: 1ms }
`,
      { 't.csv': `timestamp\n${records}\n` },
    );
    const { scenario } = await loadScenarioFile(join(dir, 'scenario.yaml'));
    expect(Math.abs(published(scenario) - 60)).toBeLessThanOrEqual(1);
    expect(Math.abs(published(load(scenario, 2)) - 120)).toBeLessThanOrEqual(1);
    expect(Math.abs(published(rate(scenario, 3)) - 180)).toBeLessThanOrEqual(1);
  });
});
