/**
 * Message-queue behaviour checked against something exact: closed forms (within 99 % confidence
 * intervals over replications, see test/helpers/replications.ts), exact counts, and conservation.
 */
import { describe, expect, it } from 'vitest';
import { mmc, mmck } from '../../src/analysis/closed-forms/index.js';
import { confidenceInterval } from '../../src/analysis/confidence-interval.js';
import type { RunResult } from '../../src/model/run-result.js';
import { simulate } from '../../src/model/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { expectConserved } from '../helpers/conservation.js';
import { expectMatchesTheory, expectWithin, interval, replicate } from '../helpers/replications.js';
import {
  exponentialService,
  poissonProducer,
  queueSpec,
  scenarioOf,
  singleQueueScenario,
} from '../helpers/scenarios.js';

const REPLICATIONS = 10;

describe('overflow: drop-oldest', () => {
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
    expectMatchesTheory(dropOldest, [
      ['P(loss)', (r) => r.dropRate, theory.blockingProbability],
      ['Lq', (r) => r.meanQueueLength, theory.meanQueueLength],
      ['throughput', (r) => r.throughput, theory.throughput],
    ]);
    for (const result of dropOldest) expect(result.fates.rejected).toBe(0);
  });

  it('gives the completed messages shorter waits than reject-new (the oldest are the ones lost)', () => {
    const dropped = interval(dropOldest, (r) => r.wait.mean);
    const rejected = interval(rejectNew, (r) => r.wait.mean);
    expect(dropped.high).toBeLessThan(rejected.low);
    expectMatchesTheory(rejectNew, [['Wq (reject-new)', (r) => r.sojourn.mean, theory.meanSojourn]]);
  });
});

describe('overflow: block', () => {
  const scenario = singleQueueScenario({
    arrivalRate: 30,
    service: exponentialService(10),
    consumers: 2,
    capacity: 5,
    durationSeconds: 2_000,
    queue: { overflow: 'block' },
  });

  it('never loses a message: the producer is slowed down instead, and its blocked time is reported', () => {
    const { result } = simulate(scenario);
    const queue = result.queues.station;
    expect(queue.dropped).toBe(0);
    expect(queue.dropRate).toBe(0);
    expect(queue.blockedSeconds).toBeGreaterThan(100);
    expect(result.flows.source.blockedSeconds).toBeGreaterThan(100);
    // Capacity bounds the ready list; throughput is capped by the consumers (20/s), not the offered 30/s.
    expect(queue.throughput).toBeLessThan(20.5);
    expect(queue.throughput).toBeGreaterThan(18);
    expect(result.flows.source.published).toBeLessThan(2_000 * 21);
    expectConserved('station', queue);
  });
});

/** Runs a scenario over `REPLICATIONS` seeds and returns the whole results. */
function runs(scenario: Scenario): RunResult[] {
  return Array.from({ length: REPLICATIONS }, (_, i) => simulate({ ...scenario, seed: 100 + i }).result);
}

/** The 99 % CI of a per-run value. */
function ci99(values: number[]) {
  return confidenceInterval(values, 0.99);
}

describe('pipelines: a tandem of two M/M/1 queues (Jackson network)', () => {
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
    expectWithin(
      ci99(results.map((r) => r.flows.orders.endToEnd.mean as number)),
      analytic,
      0,
      'end-to-end W',
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
    // Binomial counts: allow 4.5 standard deviations.
    for (const [queue, p] of [
      ['ledger', 0.6],
      ['fraud', 0.1],
    ] as const) {
      const sd = Math.sqrt(completedAtBilling * p * (1 - p));
      expect(Math.abs(result.queues[queue].arrivals - completedAtBilling * p)).toBeLessThan(4.5 * sd + 2);
    }
    const leftAtBilling = completedAtBilling - result.queues.ledger.arrivals - result.queues.fraud.arrivals;
    expect(result.flows.orders.completed).toBe(
      leftAtBilling + result.queues.ledger.completed + result.queues.fraud.completed,
    );
  });
});

describe('exchanges', () => {
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
    for (const [count, p] of [
      [refunds.arrivals, 0.2],
      [unroutable, 0.1],
    ] as const) {
      expect(Math.abs(count - published * p)).toBeLessThan(4.5 * Math.sqrt(published * p * (1 - p)));
    }
  });
});

describe('failures and retries', () => {
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
    expectMatchesTheory(results, [
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
    expect(Math.abs(work.deadLetteredBy.exhausted - n * 0.027)).toBeLessThan(
      4.5 * Math.sqrt(n * 0.027 * 0.973),
    );
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
  it('capacity-bytes with constant sizes behaves as the equivalent message capacity (M/M/1/K)', () => {
    const scenario = scenarioOf({
      durationSeconds: 5_000,
      warmupSeconds: 50,
      producers: [poissonProducer('p', 'q', 9, { messageBytes: { kind: 'constant', value: 1000 } })],
      queues: [queueSpec({ name: 'q', consumers: 1, service: exponentialService(10), capacityBytes: 5000 })],
    });
    const theory = mmck({ arrivalRate: 9, serviceRate: 10, servers: 1, systemCapacity: 6 });
    expectMatchesTheory(replicate(scenario, REPLICATIONS, 'q'), [
      ['P(block)', (r) => r.dropRate, theory.blockingProbability],
    ]);
  });
});

describe('prefetch', () => {
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
    const fairSojourn = interval(fair, (r) => r.sojourn.mean);
    const greedySojourn = interval(greedy, (r) => r.sojourn.mean);
    expect(greedySojourn.low).toBeGreaterThan(1.2 * fairSojourn.high);
    for (const result of greedy) expectConserved('station', result);
  });
});

describe('priorities (non-preemptive, Cobham)', () => {
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
    expectWithin(ci99(results.map((r) => r.flows.high.endToEnd.mean as number)), waitHigh + 0.1, 0, 'W high');
    expectWithin(ci99(results.map((r) => r.flows.low.endToEnd.mean as number)), waitLow + 0.1, 0, 'W low');
  });
});
