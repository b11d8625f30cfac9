/**
 * `headroom` and `plan --load` against exact utilisation for an on-off source (issue 18, item 6): a load
 * multiple reaches its simulated arrivals, so utilisation λ̄·k·E[S]/c grows with k as theory says.
 */
import { describe, expect, it } from 'vitest';
import { findHeadroom } from '../../src/analysis/headroom.js';
import { planCapacity } from '../../src/analysis/plan.js';
import { serialRunner } from '../../src/analysis/replications.js';
import { parseScenario } from '../../src/scenario/index.js';

// on = off = 100 ms, rate-on 2λ̄, rate-off 0: long-run rate λ̄; exponential service, mean 100 ms.
const scenario = (mean: number, consumers: number, duration: number) =>
  parseScenario(
    `name: bursts
seed: 9
duration: ${duration}
warmup: 50
replications: 5
producers:
  - { name: p, to: q, arrival: { process: on-off, on: 100ms, off: 100ms, rate-on: ${2 * mean}/s, rate-off: 0 } }
queues:
  - { name: q, consumers: ${consumers}, service: { distribution: exponential, mean: 100ms } }
slo:
  - { queue: q, metric: utilization, max: 80% }
`,
    'test.yaml',
  ).scenario;

describe('load multiples of an on-off source', () => {
  it('headroom: ρ = 0.5 × load ≤ 0.8 gives 1.6, less about one CI half-width (was 64× before)', async () => {
    const headroom = await findHeadroom(scenario(5, 1, 500), { runner: serialRunner() });
    expect(headroom.headroom).toBeGreaterThan(1.45);
    expect(headroom.headroom).toBeLessThanOrEqual(1.6);
  });

  it('plan --load x2: the fewest consumers with 50·2·0.1/c ≤ 0.8 is 13 (was 7 before)', async () => {
    const plan = await planCapacity(
      scenario(50, 1, 400),
      { path: 'queues.q.consumers' },
      { runner: serialRunner(), load: 2 },
    );
    // At 13 consumers ρ = 0.769, at 12 it is 0.833: both CIs (5 × 400 s, half-width about 0.02) are far narrower than the gaps.
    expect(plan.recommended).toEqual({ 'queues.q.consumers': 13 });
  });
});
