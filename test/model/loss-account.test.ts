/**
 * The loss account (lost, lossRate, lostBy) against exact values: the expired share of M/M/1 with a TTL
 * (M/M/1+D), the dead-lettered share p^k of a failure probability p with k attempts, and conservation at
 * every queue and flow of a network that loses messages every way.
 */
import { describe, expect, it } from 'vitest';
import { mm1Ttl } from '../../src/analysis/closed-forms/index.js';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';
import { expectConserved } from '../helpers/conservation.js';
import { checkFamily, expectPass, meanAndStandardError } from '../helpers/statistical.js';

const scenarioFrom = (text: string) => parseScenario(text, 'loss.yaml').scenario;

describe('loss account', () => {
  const family = checkFamily('loss account', 2);
  it('M/M/1 with a TTL loses the M/M/1+D abandonment share, counted as expired (10 runs)', () => {
    const lambda = 8;
    const mu = 10;
    const ttl = 0.2;
    // M/M/1+D (Baccelli, Boyer & Hébuterne 1984): ρ(1 − ρ)a / (1 − ρ²a), a = e^{−(μ−λ)τ}: 0.1878.
    const expected = mm1Ttl({ arrivalRate: lambda, serviceRate: mu, ttlSeconds: ttl }).expiredFraction;
    const shares = Array.from({ length: 10 }, (_, i) => {
      const result = simulate(
        scenarioFrom(`name: mm1d
seed: ${100 + i}
duration: 2000
warmup: 50
producers: [{ name: p, to: q, rate: ${lambda} }]
queues:
  - { name: q, consumers: 1, ttl: ${ttl * 1000}ms, service: { distribution: exponential, mean: ${1 / mu} } }
`),
      ).result;
      const q = result.queues.q;
      expectConserved('q', q);
      expect(q.lostBy.expired).toBe(q.lost);
      expect(q.dropRate).toBe(0); // dropRate keeps its meaning: expiries are not drops
      expect(result.flows.p.lossRate).toBeCloseTo(q.lost / (q.lost + q.completed), 12);
      return q.lossRate;
    });
    expectPass(family.ciContains(shares, expected, { label: 'expired share' }));
    // Tight enough to tell 0.19 from 0.17 or 0.21.
    expect(
      family.standardErrors(shares.length - 1) * meanAndStandardError(shares).standardError,
    ).toBeLessThan(0.01);
  });

  it('a failure probability p with k attempts dead-letters p^k; the dead-letter queue loses nothing again', () => {
    const p = 0.3;
    const k = 3;
    const result = simulate(
      scenarioFrom(`name: retries
seed: 7
duration: 20000
warmup: 0
producers: [{ name: orders, to: work, rate: 5 }]
queues:
  - name: work
    consumers: 4
    service: { distribution: exponential, mean: 100ms }
    failure: { probability: ${p} }
    retry: { max-attempts: ${k} }
    dead-letter: dlq
  - { name: dlq, consumers: 1, service: { distribution: exponential, mean: 10ms } }
`),
    ).result;
    const work = result.queues.work;
    const dlq = result.queues.dlq;
    expectConserved('work', work);
    expectConserved('dlq', dlq);
    expect(work.dropRate).toBe(0);
    expect(work.lostBy.deadLettered).toBe(work.lost);
    // Each message independently exhausts its k attempts with probability p^k: a binomial share.
    const ended = work.lost + work.completed;
    const share = work.lost / ended;
    expectPass(family.binomialCount(work.lost, ended, p ** k, { label: `dead-lettered share ${share}` }));
    // The DLQ's own arrivals are dead letters: completed there, not lost again.
    expect(dlq.arrivals).toBe(work.deadLettered);
    expect(dlq.lost).toBe(0);
    expect(dlq.lossRate).toBe(0);
    // The flow: a dead-lettered copy is lost once (its completion at the DLQ does not count).
    const flow = result.flows.orders;
    expect(flow.lostBy.deadLettered).toBe(work.deadLettered);
    expect(flow.lost).toBe(work.lost);
    expect(flow.lossRate).toBeCloseTo(share, 12);
  });

  it('counts refusals, drops, expiries, exhaustion, dead letters and unroutable copies, summing to lost', () => {
    const result = simulate(
      scenarioFrom(`name: every-way
seed: 3
duration: 600
warmup: 30
exchanges:
  - { name: hub, type: direct, to: [{ queue: full, types: [a] }] }
producers:
  - { name: web, to: hub, rate: 30, types: { a: 0.9, b: 0.1 } }
  - { name: batch, to: heads, rate: 30 }
queues:
  - name: full
    capacity: 5
    consumers: 1
    service: { distribution: exponential, mean: 40ms }
    failure: { probability: 0.2 }
    retry: { max-attempts: 2 }
    ttl: 150ms
  - name: heads
    capacity: 5
    overflow: drop-oldest
    dead-letter: parked
    consumers: 1
    service: { distribution: exponential, mean: 40ms }
  - { name: parked }
`),
    ).result;
    for (const [name, queue] of Object.entries(result.queues)) expectConserved(name, queue);
    const full = result.queues.full.lostBy;
    expect(full.rejected).toBeGreaterThan(0);
    expect(full.expired).toBeGreaterThan(0);
    expect(full.exhausted).toBeGreaterThan(0);
    expect(result.queues.heads.lostBy.deadLettered).toBeGreaterThan(0);
    const web = result.flows.web;
    expect(web.lostBy.unroutable).toBeGreaterThan(0);
    expect(web.lost).toBe(Object.values(web.lostBy).reduce((sum, count) => sum + count, 0));
    expect(web.lossRate).toBeCloseTo(web.lost / (web.lost + web.completed), 12);
    expect(result.flows.batch.lostBy.deadLettered).toBe(result.queues.heads.deadLettered);
  });
});

describe('lossRate as an SLO metric', () => {
  it('fails a queue and a flow that dead-letter what dropRate does not see', async () => {
    const { scenario } = parseScenario(
      `name: dead-letters
seed: 2
duration: 2000
warmup: 0
producers: [{ name: orders, to: work, rate: 5 }]
queues:
  - name: work
    consumers: 4
    service: { distribution: exponential, mean: 100ms }
    failure: { probability: 0.5 }
    retry: { max-attempts: 2 }
    dead-letter: dlq
  - { name: dlq }
slo:
  - { queue: work, metric: dropRate, max: 0.1% }
  - { queue: work, metric: lossRate, max: 0.1% }
  - { flow: orders, metric: lossRate, max: 0.1% }
`,
      'slo.yaml',
    );
    const { result } = await runStudy(scenario, { runner: serialRunner() });
    const verdicts = result.slo ?? [];
    expect(verdicts.map((verdict) => [verdict.target, verdict.verdict])).toEqual([
      ['queues.work.dropRate', 'pass'],
      ['queues.work.lossRate', 'fail'],
      ['flows.orders.lossRate', 'fail'],
    ]);
    expect(verdicts[1].value).toBeCloseTo(0.25, 1);
  });
});
