/** Headroom against theory: an M/M/1 queue at λ = 5/s, μ = 10/s is 80 % busy at 1.6× the load. */
import { describe, expect, it } from 'vitest';
import { findHeadroom } from '../../src/analysis/headroom.js';
import { serialRunner } from '../../src/analysis/replications.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenario = (slo: string) =>
  parseScenario(
    `name: mm1
seed: 9
duration: 2000
warmup: 100
replications: 5
producers:
  - { name: p, to: q, rate: 5/s }
queues:
  - { name: q, consumers: 1, service: { distribution: exponential, mean: 100ms } }
slo:
${slo}`,
    'test.yaml',
  ).scenario;

describe('findHeadroom', () => {
  it('finds the load at which utilisation reaches its limit, and names that SLO', async () => {
    const headroom = await findHeadroom(
      scenario(
        '  - { queue: q, metric: utilization, max: 80% }\n  - { queue: q, metric: sojourn.mean, max: 10s }\n',
      ),
      { runner: serialRunner() },
    );
    // ρ = 0.5 × load ≤ 0.8: 1.6, less the CI's half-width (a significant pass is needed).
    expect(headroom.headroom).toBeGreaterThan(1.45);
    expect(headroom.headroom).toBeLessThanOrEqual(1.6);
    expect(headroom.failsAt! / headroom.headroom!).toBeLessThanOrEqual(1.02 + 1e-9);
    expect(headroom.breaksFirst.map((verdict) => verdict.target)).toEqual(['queues.q.utilization']);
    expect(headroom.evaluations).toBeLessThan(12);
  });

  it('searches below today when the SLOs already fail', async () => {
    // Mean sojourn 1/(μ − λ·load) ≤ 0.125 s: load ≤ 0.4.
    const headroom = await findHeadroom(scenario('  - { queue: q, metric: sojourn.mean, max: 125ms }\n'), {
      runner: serialRunner(),
    });
    expect(headroom.headroom).toBeGreaterThan(0.3);
    expect(headroom.headroom).toBeLessThanOrEqual(0.4);
  });
});
