/**
 * Power checks: the statistical assertions of the suite can fail. Each case perturbs a model the way a bug
 * would (a 5 % faster service than the theory assumes; a retry counted twice) and asserts that the same
 * family of checks, at the same run length and replications as the real test, reports a failure.
 */
import { describe, expect, it } from 'vitest';
import { mm1Ttl, mmc } from '../../src/analysis/closed-forms/index.js';
import type { QueueResult } from '../../src/model/run-result.js';
import { expectConserved } from '../helpers/conservation.js';
import { replicate, theoryVerdicts } from '../helpers/replications.js';
import { checkFamily } from '../helpers/statistical.js';
import { exponentialService, singleQueueScenario } from '../helpers/scenarios.js';

const REPLICATIONS = 10;

/** For each verdict, whether it failed. */
function failedLabels(verdicts: { pass: boolean; message: string }[]): boolean[] {
  return verdicts.map((verdict) => !verdict.pass);
}

describe('service rate × 1.05 while the theory keeps μ (test/model/queueing-theory.test.ts, M/M/1)', () => {
  it('fails Wq, W, Lq, L and ρ (the real test shows the unperturbed model passes them)', () => {
    const theory = mmc({ arrivalRate: 8, serviceRate: 10, servers: 1 });
    const run = (serviceRate: number) =>
      replicate(
        singleQueueScenario({
          arrivalRate: 8,
          service: exponentialService(serviceRate),
          consumers: 1,
          durationSeconds: 20_000,
          warmupSeconds: 200,
        }),
        REPLICATIONS,
      );
    const checks = (results: QueueResult[]) =>
      theoryVerdicts(checkFamily('M/M/1', 9), results, [
        ['Wq', (r) => r.wait.mean, theory.meanWait],
        ['W', (r) => r.sojourn.mean, theory.meanSojourn],
        ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
        ['L', (r) => r.meanInSystem, theory.meanInSystem],
        ['ρ', (r) => r.utilization, theory.utilization],
      ]);
    expect(failedLabels(checks(run(10 * 1.05)))).toEqual([true, true, true, true, true]);
  });

  it('fails the M/M/1+D expired share and utilisation (test/model/message-queue-semantics.test.ts, TTL)', () => {
    const theory = mm1Ttl({ arrivalRate: 12, serviceRate: 10, ttlSeconds: 0.5 });
    const results = replicate(
      singleQueueScenario({
        arrivalRate: 12,
        service: exponentialService(10 * 1.05),
        consumers: 1,
        durationSeconds: 2_000,
        warmupSeconds: 50,
        queue: { ttlSeconds: 0.5 },
      }),
      REPLICATIONS,
    );
    const verdicts = theoryVerdicts(checkFamily('TTL (M/M/1+D)', 4), results, [
      ['expired share', (r) => r.expired / r.arrivals, theory.expiredFraction],
      ['utilisation', (r) => r.utilization, theory.utilization],
    ]);
    expect(failedLabels(verdicts)).toEqual([true, true]);
  });
});

describe('a retry counted twice (test/model/message-queue-semantics.test.ts, failures and retries)', () => {
  const p = 0.2;
  const results = replicate(
    singleQueueScenario({
      arrivalRate: 20,
      service: exponentialService(10),
      consumers: 4,
      durationSeconds: 5_000,
      warmupSeconds: 100,
      queue: { failureProbability: p },
    }),
    REPLICATIONS,
  );
  const attempts = (results: QueueResult[]) =>
    theoryVerdicts(checkFamily('failures and retries', 4), results, [
      ['attempts/s', (r) => (r.arrivals + r.redelivered) / 5_000, 20 / (1 - p)],
    ]);

  it('fails the attempt rate λ/(1 − p) when each redelivery is counted twice', () => {
    expect(failedLabels(attempts(results))).toEqual([false]);
    const doubled = results.map((r) => ({ ...r, redelivered: 2 * r.redelivered }));
    expect(failedLabels(attempts(doubled))).toEqual([true]);
  });

  it('fails conservation when a dead-lettered message is counted twice', () => {
    const queue = results[0];
    expectConserved('station', queue);
    const twice = { ...queue, deadLettered: queue.deadLettered + 1, lost: queue.lost + 1 };
    expect(() => expectConserved('station', twice)).toThrow(/conservation/);
  });
});
