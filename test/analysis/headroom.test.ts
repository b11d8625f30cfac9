/** Headroom against theory: an M/M/1 queue at λ = 5/s, μ = 10/s is 80 % busy at 1.6× the load. */
import { describe, expect, it } from 'vitest';
import { findHeadroom } from '../../src/analysis/headroom.js';
import { serialRunner } from '../../src/analysis/replications.js';
import { parseScenario } from '../../src/scenario/index.js';

const parse = (text: string) => parseScenario(text, 'test.yaml').scenario;
const scenarioText = (slo: string) =>
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
${slo}`;
const scenario = (slo: string) => parse(scenarioText(slo));

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
    expect(headroom.evaluations).toBeLessThan(14);
    expect(headroom.cannotTell).toBeNull(); // the band of uncertain loads is within 10 %
  });

  it('says "cannot tell", and how many replications would, when the CIs do not separate pass from fail', async () => {
    // Two short replications: Student-t with 1 degree of freedom (12.7) makes every CI wide. Mean sojourn
    // 1/(μ − λ·load) ≤ 0.4 s holds up to load 1.5, but the band of uncertain loads is far wider than 10 %.
    const noisy = scenarioText('  - { queue: q, metric: sojourn.mean, max: 400ms }\n')
      .replace('duration: 2000', 'duration: 200')
      .replace('replications: 5', 'replications: 2');
    const headroom = await findHeadroom(parse(noisy), { runner: serialRunner() });
    expect(headroom.headroom).toBeNull();
    const undecided = headroom.cannotTell!;
    expect(undecided.replications).toBe(2);
    expect(undecided.passesAt).toBeLessThan(1.5);
    expect(undecided.failsAt).toBeGreaterThan(1.5);
    expect(undecided.failsAt! / undecided.passesAt!).toBeGreaterThan(1.1);
    // n·(ln(failsAt / passesAt) / ln 1.1)², more than the two used.
    const expected = 2 * (Math.log(undecided.failsAt! / undecided.passesAt!) / Math.log(1.1)) ** 2;
    expect(undecided.replicationsToDecide).toBe(Math.ceil(expected));
    expect(headroom.result?.slo?.[0].verdict).toBe('pass'); // the result shown is the one at passesAt
  });

  it('searches below today when the SLOs already fail', async () => {
    // Mean sojourn 1/(μ − λ·load) ≤ 0.125 s: load ≤ 0.4.
    const headroom = await findHeadroom(scenario('  - { queue: q, metric: sojourn.mean, max: 125ms }\n'), {
      runner: serialRunner(),
    });
    // Mean sojourn is flat in the load here: a CI of ±1 % spans loads ±5 % around 0.4, so the band of
    // uncertain loads is wider than 10 % and the answer is a bracket around 0.4, not a multiple.
    const passes = headroom.headroom ?? headroom.cannotTell?.passesAt ?? null;
    expect(passes).toBeGreaterThan(0.3);
    expect(passes).toBeLessThanOrEqual(0.4);
    if (headroom.cannotTell) expect(headroom.cannotTell.failsAt).toBeGreaterThan(0.4);
  });

  it('says the SLOs are not met even at the lowest load only when one fails there for sure', async () => {
    // Mean sojourn is at least the 100 ms service, whatever the load: a sure fail at every load.
    const headroom = await findHeadroom(scenario('  - { queue: q, metric: sojourn.mean, max: 50ms }\n'), {
      runner: serialRunner(),
    });
    expect(headroom.headroom).toBeNull();
    expect(headroom.cannotTell).toBeNull();
    expect(headroom.failsAt).toBe(1 / 64);
    expect(headroom.breaksFirst[0]).toMatchObject({ verdict: 'fail', significant: true });
  });

  it('says "cannot tell", not "not met even at 1/64×", when runs too short for a CI leave every load uncertain', async () => {
    // 20 s runs: at low loads a handful of messages, no p99 CI, so the p99 SLO is uncertain down to 1/64.
    const short = scenarioText('  - { queue: q, metric: sojourn.p99, max: 1s }\n')
      .replace('duration: 2000', 'duration: 20')
      .replace('warmup: 100', 'warmup: 0')
      .replace('replications: 5', 'replications: 3');
    const headroom = await findHeadroom(parse(short), { runner: serialRunner() });
    expect(headroom.headroom).toBeNull();
    const lowest = headroom.evaluated[0];
    expect(lowest.load).toBe(1 / 64);
    expect(lowest.slo[0]).toMatchObject({ verdict: 'uncertain', significant: false });
    const undecided = headroom.cannotTell!;
    expect(undecided).not.toBeNull();
    expect(undecided.passesAt).toBeNull();
    expect(undecided.replicationsToDecide).toBeNull(); // no band to shrink: nothing passes for sure
    // The search went on up to where the p99 surely fails (an overloaded M/M/1), or to the limit searched.
    if (undecided.failsAt !== null) {
      const atFail = headroom.evaluated.find((point) => point.load === undecided.failsAt)!;
      expect(atFail.slo[0]).toMatchObject({ verdict: 'fail', significant: true });
      expect(undecided.failsAt).toBeGreaterThan(1);
    }
  });
});
