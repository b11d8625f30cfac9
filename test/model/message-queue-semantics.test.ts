/**
 * Message-queue behaviour checked against something exact: closed forms (within confidence intervals over
 * replications, one family of checks per `describe` sharing FAMILY_ALPHA, see test/helpers/statistical.ts),
 * exact counts, exact equality where two paths must agree, and conservation.
 */
import { describe, expect, it } from 'vitest';
import { mm1Ttl, mmc, mmck } from '../../src/analysis/closed-forms/index.js';
import type { RunResult } from '../../src/model/run-result.js';
import { simulate } from '../../src/model/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { expectConserved } from '../helpers/conservation.js';
import { blockingQueue } from '../helpers/birth-death.js';
import { expectMatchesTheory, replicate, valuesOf } from '../helpers/replications.js';
import { checkFamily, expectAllPass, expectIdentical, expectPass } from '../helpers/statistical.js';
import {
  exponentialService,
  poissonProducer,
  queueSpec,
  scenarioOf,
  singleQueueScenario,
} from '../helpers/scenarios.js';

const REPLICATIONS = 10;

describe('overflow: drop-oldest', () => {
  const family = checkFamily('overflow: drop-oldest', 5);
  const options = {
    arrivalRate: 25,
    service: exponentialService(10),
    consumers: 2,
    capacity: 8,
    durationSeconds: 4_000,
    warmupSeconds: 50,
  };
  const theory = mmck({ arrivalRate: 25, serviceRate: 10, servers: 2, systemCapacity: 10 });
  const dropOldest = replicate(
    singleQueueScenario({ ...options, queue: { overflow: 'drop-oldest' } }),
    REPLICATIONS,
  );
  const rejectNew = replicate(singleQueueScenario(options), REPLICATIONS);

  it('loses the M/M/c/K blocking fraction, like reject-new, with the same queue-length process', () => {
    expectMatchesTheory(family, rejectNew, [
      ['P(loss)', (r) => r.dropRate, theory.blockingProbability],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
      ['throughput', (r) => r.throughput, theory.throughput],
    ]);
    // Same seeds, same random streams: which message is lost differs, how many are in the queue does not.
    for (const [index, result] of dropOldest.entries()) {
      const other = rejectNew[index];
      expectIdentical(
        [result.dropRate, result.meanQueueLength, result.meanInSystem, result.throughput],
        [other.dropRate, other.meanQueueLength, other.meanInSystem, other.throughput],
        `replication ${index}: drop-oldest vs reject-new [P(loss), Lq, L, throughput]`,
      );
      // Busy time is summed per message, and different messages are served: equal up to rounding.
      expect(Math.abs((result.utilization ?? NaN) - (other.utilization ?? NaN))).toBeLessThan(1e-12);
      expect(result.fates.rejected).toBe(0);
    }
  });

  it('gives the completed messages shorter waits than reject-new (the oldest are the ones lost)', () => {
    expectPass(
      family.pairedAbove(
        valuesOf(dropOldest, (r) => r.wait.mean),
        valuesOf(rejectNew, (r) => r.wait.mean),
        { label: 'Wq reject-new − Wq drop-oldest' },
      ),
    );
    expectMatchesTheory(family, rejectNew, [['W (reject-new)', (r) => r.sojourn.mean, theory.meanSojourn]]);
  });
});

describe('overflow: block', () => {
  const family = checkFamily('overflow: block', 2);
  const duration = 2_000;
  const scenario = singleQueueScenario({
    arrivalRate: 30,
    service: exponentialService(10),
    consumers: 2,
    capacity: 5,
    durationSeconds: duration,
    queue: { overflow: 'block' },
  });
  // The birth–death chain on 0…8 (2 in service + 5 waiting + the producer's held message):
  // throughput ≈ 19.66/s, the producer blocked ≈ 34.4 % of the time (≈ 689 s of 2,000).
  const exact = blockingQueue({ arrivalRate: 30, serviceRate: 10, consumers: 2, capacity: 5 });

  it('never loses a message: the producer is slowed down instead, for the blocked time of the exact chain', () => {
    const runs = Array.from(
      { length: REPLICATIONS },
      (_, i) => simulate({ ...scenario, seed: 100 + i }).result,
    );
    for (const result of runs) {
      const queue = result.queues.station;
      expect(queue.dropped).toBe(0);
      expect(queue.dropRate).toBe(0);
      expect(result.flows.source.blockedSeconds).toBe(queue.blockedSeconds);
      expectConserved('station', queue);
    }
    // The run starts empty: the first seconds are not blocked, a bias of well under a second against a
    // standard error of several seconds.
    expectAllPass([
      family.ciContains(
        runs.map((r) => r.queues.station.throughput),
        exact.throughput,
        { label: 'throughput' },
      ),
      family.ciContains(
        runs.map((r) => r.queues.station.blockedSeconds),
        exact.blockedFraction * duration,
        { label: 'blocked seconds' },
      ),
    ]);
  });
});

/** Runs a scenario over `REPLICATIONS` seeds and returns the whole results. */
function runs(scenario: Scenario): RunResult[] {
  return Array.from({ length: REPLICATIONS }, (_, i) => simulate({ ...scenario, seed: 100 + i }).result);
}

describe('pipelines: a tandem of two M/M/1 queues (Jackson network)', () => {
  const family = checkFamily('pipelines', 3);
  const scenario = scenarioOf({
    durationSeconds: 20_000,
    warmupSeconds: 200,
    producers: [poissonProducer('orders', 'first', 6)],
    queues: [
      queueSpec({
        name: 'first',
        consumers: 1,
        service: exponentialService(10),
        then: [{ to: 'second', probability: 1 }],
      }),
      queueSpec({ name: 'second', consumers: 1, service: exponentialService(8) }),
    ],
  });

  it('has end-to-end mean sojourn equal to the sum of the two M/M/1 sojourns', () => {
    const results = runs(scenario);
    const analytic =
      mmc({ arrivalRate: 6, serviceRate: 10, servers: 1 }).meanSojourn +
      mmc({ arrivalRate: 6, serviceRate: 8, servers: 1 }).meanSojourn;
    expectPass(
      family.ciContains(
        valuesOf(results, (r) => r.flows.orders.endToEnd.mean),
        analytic,
        { label: 'end-to-end W' },
      ),
    );
    for (const result of results) {
      expect(result.flows.orders.completed).toBe(result.queues.second.completed);
      expectConserved('first', result.queues.first);
      expectConserved('second', result.queues.second);
    }
  });

  it('splits onward traffic by the route probabilities; the remainder leaves the network', () => {
    const split = scenarioOf({
      durationSeconds: 2_000,
      producers: [poissonProducer('orders', 'billing', 20)],
      queues: [
        queueSpec({
          name: 'billing',
          consumers: 4,
          service: exponentialService(10),
          then: [
            { to: 'ledger', probability: 0.6 },
            { to: 'fraud', probability: 0.1 },
          ],
        }),
        queueSpec({ name: 'ledger', consumers: 2, service: exponentialService(20) }),
        queueSpec({ name: 'fraud', consumers: 1, service: exponentialService(10) }),
      ],
    });
    const { result } = simulate(split);
    const completedAtBilling = result.queues.billing.completed;
    // Binomial counts (± the messages in flight to them at the end).
    expectAllPass(
      (
        [
          ['ledger', 0.6],
          ['fraud', 0.1],
        ] as const
      ).map(([queue, p]) =>
        family.binomialCount(result.queues[queue].arrivals, completedAtBilling, p, {
          label: `${queue} arrivals`,
          absoluteSlack: 2,
        }),
      ),
    );
    const leftAtBilling = completedAtBilling - result.queues.ledger.arrivals - result.queues.fraud.arrivals;
    expect(result.flows.orders.completed).toBe(
      leftAtBilling + result.queues.ledger.completed + result.queues.fraud.completed,
    );
  });
});

describe('exchanges', () => {
  const family = checkFamily('exchanges', 2);
  it('fanout copies every message to each bound queue, exactly', () => {
    const scenario = scenarioOf({
      durationSeconds: 500,
      producers: [poissonProducer('checkout', 'orders', 40)],
      exchanges: [
        {
          name: 'orders',
          type: 'fanout',
          bindings: [
            { queue: 'billing', types: null },
            { queue: 'email', types: null },
            { queue: 'audit', types: null },
          ],
        },
      ],
      queues: [
        queueSpec({ name: 'billing', consumers: 6, service: exponentialService(10) }),
        queueSpec({ name: 'email', consumers: 2, capacity: 5, service: exponentialService(25) }),
        queueSpec({ name: 'audit' }),
      ],
    });
    const { result } = simulate(scenario);
    const published = result.flows.checkout.published;
    expect(result.exchanges.orders).toEqual({ published, routed: 3 * published, unroutable: 0 });
    for (const name of ['billing', 'email', 'audit']) {
      expect(result.queues[name].arrivals).toBe(published);
      expectConserved(name, result.queues[name]);
    }
    // A fanned-out message completes once per branch that completes.
    const queues = result.queues;
    expect(result.flows.checkout.completed).toBe(queues.billing.completed + queues.email.completed);
    expect(result.flows.checkout.fates.rejected).toBe(queues.email.fates.rejected);
  });

  it('direct routes by message type and counts types nobody is bound to as unroutable', () => {
    const scenario = scenarioOf({
      durationSeconds: 2_000,
      producers: [
        poissonProducer('shop', 'events', 50, {
          types: [
            { type: 'order_placed', probability: 0.7 },
            { type: 'order_cancelled', probability: 0.2 },
            { type: 'page_viewed', probability: 0.1 },
          ],
        }),
      ],
      exchanges: [
        {
          name: 'events',
          type: 'direct',
          bindings: [
            { queue: 'billing', types: ['order_placed', 'order_cancelled'] },
            { queue: 'refunds', types: ['order_cancelled'] },
          ],
        },
      ],
      queues: [
        queueSpec({ name: 'billing', consumers: 8, service: exponentialService(10) }),
        queueSpec({ name: 'refunds', consumers: 2, service: exponentialService(20) }),
      ],
    });
    const { result } = simulate(scenario);
    const published = result.flows.shop.published;
    const { billing, refunds } = result.queues;
    const unroutable = result.exchanges.events.unroutable;
    expect(billing.arrivals + unroutable).toBe(published);
    expect(result.flows.shop.fates.unroutable).toBe(unroutable);
    expectAllPass([
      family.binomialCount(refunds.arrivals, published, 0.2, { label: 'refunds arrivals' }),
      family.binomialCount(unroutable, published, 0.1, { label: 'unroutable' }),
    ]);
  });
});

describe('failures and retries', () => {
  const family = checkFamily('failures and retries', 4);
  it('raise the effective arrival rate to λ/(1−p) when attempts are unlimited', () => {
    const p = 0.2;
    const scenario = singleQueueScenario({
      arrivalRate: 20,
      service: exponentialService(10),
      consumers: 4,
      durationSeconds: 5_000,
      warmupSeconds: 100,
      queue: { failureProbability: p },
    });
    const results = replicate(scenario, REPLICATIONS);
    expectMatchesTheory(family, results, [
      ['attempts/s', (r) => (r.arrivals + r.redelivered) / 5_000, 20 / (1 - p)],
      ['utilisation', (r) => r.utilization, 20 / (1 - p) / 10 / 4],
      ['throughput', (r) => r.throughput, 20],
    ]);
    for (const result of results) {
      expect(result.dropped).toBe(0);
      expectConserved('station', result);
    }
  });

  it('back off exponentially, then dead-letter exhausted messages into the DLQ', () => {
    const scenario = scenarioOf({
      durationSeconds: 3_000,
      producers: [poissonProducer('jobs', 'work', 10)],
      queues: [
        queueSpec({
          name: 'work',
          consumers: 3,
          service: exponentialService(10),
          failureProbability: 0.3,
          retry: { maxAttempts: 3, backoffSeconds: 1, multiplier: 2, maxBackoffSeconds: 1.5 },
          deadLetter: 'work-dlq',
        }),
        queueSpec({ name: 'work-dlq' }),
      ],
    });
    const { result } = simulate(scenario);
    const work = result.queues.work;
    // A message is exhausted after 3 failed attempts: probability 0.3³ = 0.027.
    const n = result.flows.jobs.published;
    expectPass(family.binomialCount(work.deadLetteredBy.exhausted, n, 0.027, { label: 'exhausted' }));
    expect(work.deadLettered).toBe(work.deadLetteredBy.exhausted);
    expect(result.queues['work-dlq'].arrivals).toBe(work.deadLettered);
    expect(result.flows.jobs.fates.deadLettered).toBe(work.deadLettered);
    expect(work.delayedAtEnd + work.redelivered).toBeGreaterThan(0);
    expectConserved('work', work);
    expectConserved('work-dlq', result.queues['work-dlq']);
  });

  it('count duplicates when a visibility timeout redelivers a message still in processing', () => {
    const scenario = singleQueueScenario({
      arrivalRate: 2,
      service: { kind: 'uniform', min: 0.5, max: 1.5 },
      consumers: 4,
      durationSeconds: 5_000,
      queue: { timeoutSeconds: 1 },
    });
    const { result } = simulate(scenario);
    const queue = result.queues.station;
    expect(queue.timeouts).toBeGreaterThan(0);
    expect(queue.duplicates).toBeGreaterThan(0);
    expect(queue.duplicates).toBeLessThanOrEqual(queue.timeouts);
    // Each message completes its flow once, however often it was processed.
    expect(result.flows.source.completed).toBe(queue.completed - queue.duplicates);
    expectConserved('station', queue);
  });
});

describe('TTL', () => {
  const family = checkFamily('TTL (M/M/1+D)', 4);

  it('matches M/M/1 with deterministic patience: expired share, served wait, utilisation, Lq', () => {
    // λ = 12/s > μ = 10/s: only the TTL keeps the queue stable. About 22 % expire.
    const theory = mm1Ttl({ arrivalRate: 12, serviceRate: 10, ttlSeconds: 0.5 });
    const scenario = singleQueueScenario({
      arrivalRate: 12,
      service: exponentialService(10),
      consumers: 1,
      durationSeconds: 2_000,
      warmupSeconds: 50,
      queue: { ttlSeconds: 0.5 },
    });
    expectMatchesTheory(family, replicate(scenario, REPLICATIONS), [
      ['expired share', (r) => r.expired / r.arrivals, theory.expiredFraction],
      ['Wq of the served', (r) => r.wait.mean, theory.meanWaitServed],
      ['utilisation', (r) => r.utilization, theory.utilization],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
    ]);
  });

  it('expires messages that wait longer than the TTL: no completed message waited longer', () => {
    const scenario = singleQueueScenario({
      arrivalRate: 12,
      service: exponentialService(10),
      consumers: 1,
      durationSeconds: 2_000,
      queue: { ttlSeconds: 0.5 },
    });
    const { result } = simulate(scenario);
    const queue = result.queues.station;
    expect(queue.expired).toBeGreaterThan(100);
    expect(queue.wait.max as number).toBeLessThanOrEqual(0.5);
    expect(result.flows.source.fates.expired).toBe(queue.expired);
    expectConserved('station', queue);
  });

  it('dead-letters expired messages when the queue has a dead-letter queue', () => {
    const scenario = scenarioOf({
      durationSeconds: 1_000,
      producers: [poissonProducer('p', 'q', 12)],
      queues: [
        queueSpec({
          name: 'q',
          consumers: 1,
          service: exponentialService(10),
          ttlSeconds: 0.5,
          deadLetter: 'dlq',
        }),
        queueSpec({ name: 'dlq' }),
      ],
    });
    const { result } = simulate(scenario);
    expect(result.queues.q.expired).toBe(0);
    expect(result.queues.q.deadLetteredBy.expired).toBeGreaterThan(50);
    expect(result.queues.dlq.arrivals).toBe(result.queues.q.deadLettered);
  });
});

describe('byte limits', () => {
  const family = checkFamily('byte limits', 1);
  it('capacity-bytes with constant sizes behaves as the equivalent message capacity (M/M/1/K)', () => {
    const scenario = scenarioOf({
      durationSeconds: 5_000,
      warmupSeconds: 50,
      producers: [poissonProducer('p', 'q', 9, { messageBytes: { kind: 'constant', value: 1000 } })],
      queues: [queueSpec({ name: 'q', consumers: 1, service: exponentialService(10), capacityBytes: 5000 })],
    });
    const theory = mmck({ arrivalRate: 9, serviceRate: 10, servers: 1, systemCapacity: 6 });
    expectMatchesTheory(family, replicate(scenario, REPLICATIONS, 'q'), [
      ['P(block)', (r) => r.dropRate, theory.blockingProbability],
    ]);
  });
});

describe('prefetch', () => {
  const family = checkFamily('prefetch', 1);
  it('a large prefetch with uneven service times costs latency; prefetch 1 is fair dispatch', () => {
    const base = {
      arrivalRate: 28,
      service: { kind: 'lognormal' as const, mean: 0.1, cv: 2 },
      consumers: 4,
      durationSeconds: 5_000,
      warmupSeconds: 100,
    };
    const fair = replicate(singleQueueScenario(base), 5);
    const greedy = replicate(singleQueueScenario({ ...base, queue: { prefetch: 20 } }), 5);
    expectPass(
      family.pairedAbove(
        valuesOf(fair, (r) => r.sojourn.mean),
        valuesOf(greedy, (r) => r.sojourn.mean),
        { label: 'W prefetch 20 above 1.2 × W prefetch 1', factor: 1.2 },
      ),
    );
    for (const result of greedy) expectConserved('station', result);
  });
});

describe('priorities (non-preemptive, Cobham)', () => {
  const family = checkFamily('priorities', 2);
  it('matches the per-class mean waits of the M/M/1 non-preemptive priority queue', () => {
    // Two classes into one queue, both exponential 100 ms service; high: 3/s, low: 4/s (ρ = 0.7).
    const scenario = scenarioOf({
      durationSeconds: 20_000,
      warmupSeconds: 200,
      messageTypes: [{ name: 'urgent', priority: 5 }],
      producers: [
        poissonProducer('high', 'q', 3, { types: [{ type: 'urgent', probability: 1 }] }),
        poissonProducer('low', 'q', 4, { types: [{ type: 'routine', probability: 1 }] }),
      ],
      queues: [queueSpec({ name: 'q', consumers: 1, service: exponentialService(10), maxPriority: 10 })],
    });
    // Cobham: W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), W0 = Σ λ_i E[S²]/2 = 7 · 0.02 / 2 = 0.07.
    const w0 = (7 * 2 * 0.1 ** 2) / 2;
    const waitHigh = w0 / (1 - 0.3);
    const waitLow = w0 / ((1 - 0.3) * (1 - 0.7));
    const results = runs(scenario);
    expectAllPass([
      family.ciContains(
        valuesOf(results, (r) => r.flows.high.endToEnd.mean),
        waitHigh + 0.1,
        { label: 'W high' },
      ),
      family.ciContains(
        valuesOf(results, (r) => r.flows.low.endToEnd.mean),
        waitLow + 0.1,
        { label: 'W low' },
      ),
    ]);
  });
});
