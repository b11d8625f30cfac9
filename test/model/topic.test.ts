/**
 * Kafka-style topics: partition ordering under failures, retries and rebalances (an ordering checker over
 * the processing order), assignment, retention exactness, rebalance pauses, conservation and determinism.
 */
import { describe, expect, it } from 'vitest';
import { Network } from '../../src/model/network.js';
import type { RunResult } from '../../src/model/run-result.js';
import { simulate } from '../../src/model/simulate.js';
import { parseScenario } from '../../src/scenario/index.js';
import type {
  DistributionSpec,
  QueueSpec,
  RetrySpec,
  Scenario,
  TopicSpec,
} from '../../src/scenario/types.js';
import { expectConserved } from '../helpers/conservation.js';
import { poissonProducer, queueSpec, scenarioOf, topicSpec } from '../helpers/scenarios.js';
import { checkFamily, expectPass, pearsonChiSquare } from '../helpers/statistical.js';
import { TopicOrderChecker } from '../helpers/topic-order.js';

const lognormal = (mean: number): DistributionSpec => ({ kind: 'lognormal', mean, cv: 1 });
const constant = (value: number): DistributionSpec => ({ kind: 'constant', value });
const retry = (fields: Partial<RetrySpec>): RetrySpec => ({
  maxAttempts: null,
  backoffSeconds: 0,
  multiplier: 1,
  maxBackoffSeconds: null,
  ...fields,
});

/** One Poisson producer feeding topic `orders` (plus `others`, e.g. a dead-letter queue). */
function topicScenario(
  rate: number,
  queue: Partial<QueueSpec> & Pick<QueueSpec, 'consumers' | 'service'>,
  topic: Partial<TopicSpec> & Pick<TopicSpec, 'partitions'>,
  others: QueueSpec[] = [],
): Scenario {
  return scenarioOf({
    durationSeconds: 600,
    producers: [poissonProducer('shop', 'orders', rate)],
    queues: [topicSpec({ name: 'orders', ...queue }, topic), ...others],
  });
}

/** An action on the running network at a simulated time (e.g. a consumer leaving). */
type Step = [time: number, act: (network: Network, now: number) => void];

const join: Step[1] = (network, now) => network.elasticConsumers('orders')!.addConsumer(now);
const leave: Step[1] = (network, now) => network.elasticConsumers('orders')!.removeConsumer(now);

/** Runs `scenario` as simulate() does, with the ordering checker on `orders` and `steps` applied on the way. */
function watchedRun(
  scenario: Scenario,
  steps: Step[] = [],
): { result: RunResult; checker: TopicOrderChecker } {
  const network = new Network(scenario);
  const checker = new TopicOrderChecker(network.topic('orders')!);
  const { simulation } = network;
  const end = scenario.warmupSeconds + scenario.durationSeconds;
  network.start();
  simulation.runUntil(scenario.warmupSeconds, network);
  network.startMeasuring();
  for (const [time, act] of steps) {
    simulation.runUntil(time, network);
    act(network, simulation.now);
  }
  simulation.runUntil(end, network);
  return { result: network.result(), checker };
}

/** Start times of the checker's log that fall strictly between `from` and `to`. */
const startsBetween = (checker: TopicOrderChecker, from: number, to: number) =>
  checker.startLog.filter(([, , , time]) => time > from && time < to);

describe('partition ordering', () => {
  it('keeps every partition in append order, one message at a time, with skewed keys', () => {
    const { result, checker } = watchedRun(
      topicScenario(
        150,
        { consumers: 4, service: lognormal(0.02) },
        { partitions: 6, keyCount: 500, keySkew: 1.2 },
      ),
    );
    expect(checker.violations).toEqual([]);
    expect(checker.messages.length).toBeGreaterThan(80_000);
    expectConserved('orders', result.queues.orders);
  });

  it('keeps order with failures retried in place (after a back-off or at once), exhaustion and dead-lettering', () => {
    for (const backoffSeconds of [0.05, 0]) {
      const scenario = topicScenario(
        100,
        {
          consumers: 3,
          service: lognormal(0.02),
          failureProbability: 0.2,
          retry: retry({ maxAttempts: 3, backoffSeconds, multiplier: 2 }),
          deadLetter: 'orders-dlq',
        },
        { partitions: 5, keyCount: 50, keySkew: 1 },
        [queueSpec({ name: 'orders-dlq' })],
      );
      const { result, checker } = watchedRun(scenario);
      expect(checker.violations).toEqual([]);
      const orders = result.queues.orders;
      expect(orders.redelivered).toBeGreaterThan(5000);
      expect(orders.deadLetteredBy.exhausted).toBeGreaterThan(200);
      expect(result.queues['orders-dlq'].arrivals).toBe(orders.deadLettered);
      expect(checker.messages.filter((m) => m.exit === 'exhausted')).toHaveLength(orders.deadLettered);
      expectConserved('orders', orders);
    }
  });

  it('keeps order through rebalances: consumers leave and join while messages are in processing', () => {
    const steps: Step[] = [];
    // 4 → 3 → 2 → 3 → 4 → 3 → …, off the event grid so changes land mid-service.
    for (let t = 20.0137, i = 0; t < 600; t += 20, i++) steps.push([t, i % 4 < 2 ? leave : join]);
    const { result, checker } = watchedRun(
      topicScenario(
        60,
        {
          consumers: 4,
          service: lognormal(0.03),
          failureProbability: 0.1,
          retry: retry({ backoffSeconds: 0.5 }),
        },
        { partitions: 7, keyCount: 1000, keySkew: 1, rebalancePauseSeconds: 2, maxPollRecords: 1 },
      ),
      steps,
    );
    expect(checker.violations).toEqual([]);
    const partitions = result.queues.orders.partitions!;
    expect(partitions.rebalances).toBe(steps.length);
    // One record per poll: each pause is the join time plus the wait for the records in processing
    // (~30 ms each, or a failed one's 0.5 s back-off); the wait for whole batches is in topic-rebalance.test.ts.
    expect(partitions.rebalancePausedSeconds).toBeGreaterThan(2 * steps.length);
    expect(partitions.rebalancePausedSeconds).toBeLessThan(2.5 * steps.length);
    expectConserved('orders', result.queues.orders);
  });
});

describe('partition assignment', () => {
  it('assigns partition p to consumer p mod n; consumers beyond the partitions sit idle', () => {
    const { result, checker } = watchedRun(
      topicScenario(40, { consumers: 5, service: lognormal(0.05) }, { partitions: 3 }),
    );
    const partitions = result.queues.orders.partitions!;
    expect(partitions.idleConsumers).toBe(2);
    expect(partitions.perPartition.map((p) => p.consumer)).toEqual([0, 1, 2]);
    const consumers = new Set(checker.startLog.map(([, , consumer]) => consumer));
    expect([...consumers].sort()).toEqual([0, 1, 2]);
    for (const [, partition, consumer] of checker.startLog) expect(consumer).toBe(partition % 5);
  });

  it('spreads messages without keys uniformly at random over the partitions', () => {
    const { result } = watchedRun(
      topicScenario(100, { consumers: 4, service: lognormal(0.01) }, { partitions: 4 }),
    );
    const arrivals = result.queues.orders.partitions!.perPartition.map((p) => p.arrivals);
    // Multinomial(≈ 60 000; ¼ each): one χ² check with 3 degrees of freedom.
    const statistic = pearsonChiSquare(arrivals, [0.25, 0.25, 0.25, 0.25]);
    expectPass(checkFamily('unkeyed partitions', 1).chiSquareBelow(statistic, 3, { label: 'arrivals' }));
  });
});

describe('retention', () => {
  // One slow consumer (10 s per message) behind a Poisson 1/s stream: most messages outlive 25 s.
  const scenario = topicScenario(
    1,
    { consumers: 1, service: constant(10) },
    { partitions: 1, retentionSeconds: 25 },
  );

  it('deletes an unstarted message at exactly appended + retention, never one that started', () => {
    const { result, checker } = watchedRun(scenario);
    expect(checker.violations).toEqual([]);
    const expired = checker.messages.filter((m) => m.exit === 'expired');
    expect(expired.length).toBeGreaterThan(400);
    for (const message of expired) {
      expect(message.leftAt).toBe(message.appendedAt + 25);
      expect(message.starts).toEqual([]);
    }
    for (const message of checker.messages.filter((m) => m.starts.length > 0)) {
      expect(message.starts[0] - message.appendedAt).toBeLessThanOrEqual(25);
      expect(message.exit === null || message.exit === 'completed').toBe(true);
    }
    // Nothing older than the retention is still waiting at the end.
    const stale = checker.messages.filter(
      (m) => m.exit === null && m.starts.length === 0 && m.appendedAt + 25 <= 600,
    );
    expect(stale).toEqual([]);
    const orders = result.queues.orders;
    expect(orders.expired).toBe(expired.length);
    expect(orders.partitions!.perPartition[0].expired).toBe(expired.length);
    expectConserved('orders', orders);
  });
});

describe('rebalances', () => {
  // Overloaded so every consumer is always busy and a backlog waits on every partition.
  // One record per poll (max-poll-records 1): the eager pause waits for the records in processing only.
  const overloaded = (pause: number) =>
    topicScenario(
      30,
      { consumers: 2, service: constant(0.1) },
      { partitions: 4, rebalancePauseSeconds: pause, maxPollRecords: 1 },
    );
  /** When the last record in processing at `t` ends (what an eager rebalance at `t` waits for). */
  const drainedAt = (checker: TopicOrderChecker, t: number) =>
    Math.max(
      t,
      ...checker.messages
        .filter((m) => m.starts.some((s) => s < t) && (m.leftAt ?? Infinity) > t)
        .map((m) => m.leftAt ?? t),
    );

  it('pause the whole group until the records in processing end, plus rebalance-pause; a removed consumer finishes its message, then leaves', () => {
    const { result, checker } = watchedRun(overloaded(3), [
      [100, leave],
      [200, join],
    ]);
    expect(checker.violations).toEqual([]);
    const [first, second] = [drainedAt(checker, 100), drainedAt(checker, 200)];
    expect(first).toBeGreaterThan(100);
    expect(second).toBeGreaterThan(200);
    expect(startsBetween(checker, 100, first + 3)).toEqual([]);
    expect(startsBetween(checker, 200, second + 3)).toEqual([]);
    expect(checker.startLog.some(([, , , time]) => time === first + 3)).toBe(true);
    expect(checker.startLog.some(([, , consumer, time]) => consumer === 1 && time === second + 3)).toBe(true);
    // Consumer 1 took nothing new between leaving and rejoining, but completed what it held.
    expect(startsBetween(checker, 100, 203).filter(([, , consumer]) => consumer === 1)).toEqual([]);
    const held = checker.messages.filter(
      (m) => m.startedBy.includes(1) && m.starts[0] < 100 && (m.leftAt ?? 0) > 100,
    );
    expect(held).toHaveLength(1);
    expect(held[0].exit).toBe('completed');
    const partitions = result.queues.orders.partitions!;
    expect(partitions.rebalances).toBe(2);
    expect(partitions.rebalancePausedSeconds).toBeCloseTo(first + 3 - 100 + (second + 3 - 200), 9);
    // With one consumer left every partition was reassigned to consumer 0; now back to p mod 2.
    expect(partitions.perPartition.map((p) => p.consumer)).toEqual([0, 1, 0, 1]);
  });

  it('restart the join time when the group changes again during one', () => {
    const { result, checker } = watchedRun(overloaded(3), [
      [100, leave],
      [101.5, join],
    ]);
    expect(startsBetween(checker, 100, 104.5)).toEqual([]);
    expect(checker.startLog.some(([, , , time]) => time === 104.5)).toBe(true);
    expect(result.queues.orders.partitions!.rebalances).toBe(2);
    expect(result.queues.orders.partitions!.rebalancePausedSeconds).toBeCloseTo(4.5, 9);
  });

  it('make one rebalance of changes at the same instant (an autoscaler adding or removing several)', () => {
    for (const pause of [3, 0]) {
      const { result, checker } = watchedRun(overloaded(pause), [
        [100, leave],
        [100, leave],
        [200, join],
        [200, join],
      ]);
      expect(checker.violations).toEqual([]);
      const partitions = result.queues.orders.partitions!;
      expect(partitions.rebalances).toBe(2);
      // The group left empty at 100 rejoins at 200: the initial delay (3 s), not the join time.
      const drained = drainedAt(checker, 100);
      expect(partitions.rebalancePausedSeconds).toBeCloseTo(drained - 100 + pause + 3, 9);
      expect(partitions.perPartition.map((p) => p.consumer)).toEqual([0, 1, 0, 1]);
      // No consumer between the two changes: nothing started then.
      expect(startsBetween(checker, drained, 203)).toEqual([]);
    }
  });

  it('with rebalance-pause 0 reassign at once', () => {
    const { result, checker } = watchedRun(overloaded(0), [[100, leave]]);
    expect(checker.violations).toEqual([]);
    expect(startsBetween(checker, 100, 100.2).length).toBeGreaterThan(0);
    // Only the wait for the records in processing.
    expect(result.queues.orders.partitions!.rebalancePausedSeconds).toBeCloseTo(
      drainedAt(checker, 100) - 100,
      9,
    );
    expect(result.queues.orders.partitions!.perPartition.map((p) => p.consumer)).toEqual([0, 0, 0, 0]);
  });

  it('scale on the total lag and ignore changes beyond the group bounds', () => {
    const network = new Network(overloaded(3));
    network.start();
    network.simulation.runUntil(50, network);
    const topic = network.elasticConsumers('orders')!;
    const orders = network.result().queues.orders;
    const lag = orders.queuedAtEnd + orders.inServiceAtEnd + orders.delayedAtEnd;
    expect(topic.waitingMessages() + topic.unacknowledgedMessages()).toBe(lag);
    expect(topic.waitingMessages()).toBe(orders.queuedAtEnd);
    expect(topic.arrivalCount()).toBe(orders.arrivals);
    expect(lag).toBeGreaterThan(500);
    topic.addConsumer(50); // at the maximum (the scenario's consumers): ignored
    expect(network.topic('orders')!.consumerCount).toBe(2);
    topic.removeConsumer(50);
    topic.removeConsumer(50);
    topic.removeConsumer(50); // already empty: ignored
    expect(network.topic('orders')!.consumerCount).toBe(0);
    network.simulation.runUntil(60, network);
    expect(network.result().queues.orders.partitions!.perPartition.every((p) => p.consumer === null)).toBe(
      true,
    );
  });
});

describe('topic results', () => {
  const scenario = topicScenario(
    120,
    {
      consumers: 6,
      service: lognormal(0.025),
      failureProbability: 0.05,
      retry: retry({ backoffSeconds: 0.2 }),
    },
    { partitions: 12, keyCount: 50_000, keySkew: 1.1, retentionSeconds: 60 },
    [],
  );

  it('are deterministic and conserve messages overall and per partition', () => {
    const first = simulate({ ...scenario, warmupSeconds: 30 }).result;
    const second = simulate({ ...scenario, warmupSeconds: 30 }).result;
    expect(JSON.stringify(first)).toBe(JSON.stringify(second));
    const orders = first.queues.orders;
    expectConserved('orders', orders);
    const perPartition = orders.partitions!.perPartition;
    const sum = (pick: (p: (typeof perPartition)[number]) => number) =>
      perPartition.reduce((s, p) => s + pick(p), 0);
    expect(sum((p) => p.arrivals)).toBe(orders.arrivals);
    expect(sum((p) => p.completed)).toBe(orders.completed);
    expect(sum((p) => p.expired)).toBe(orders.expired);
  });

  it('name the hot partition of skewed keys, its share of arrivals and lag ratio', () => {
    const { partitions } = simulate(scenario).result.queues.orders;
    const hot = partitions!.hotPartition;
    const lags = partitions!.perPartition.map((p) => p.lag.mean);
    expect(lags[hot.partition]).toBe(Math.max(...lags));
    expect(hot.shareOfArrivals).toBeGreaterThan(1.5 / 12);
    expect(hot.lagRatio).toBeGreaterThan(1);
  });

  it('leave plain queues without a partitions block', () => {
    const plain = scenarioOf({
      producers: [poissonProducer('shop', 'orders', 5)],
      queues: [queueSpec({ name: 'orders', consumers: 1, service: constant(0.01) })],
    });
    expect(simulate(plain).result.queues.orders).not.toHaveProperty('partitions');
  });
});

describe('a topic in a network', () => {
  // Fed by a fanout exchange, with a backlog, failures exhausted into a dead-letter queue, and onward
  // publishing into a small blocking queue that holds its consumers back; a second topic has no consumers.
  const text = `
name: topic-net
duration: 10m
producers:
  - name: shop
    to: events
    rate: 50/s
exchanges:
  - { name: events, type: fanout, to: [orders, audit] }
queues:
  - name: orders
    partitions: 4
    keys: { count: 100, skew: 1 }
    backlog: 500
    retention: 30s
    consumers: 3
    service: { distribution: exponential, mean: 20ms }
    failure: { probability: 0.05 }
    retry: { max-attempts: 2, backoff: 100ms }
    dead-letter: dlq
    then: { to: shipping, probability: 0.5 }
  - name: audit
    partitions: 2
    consumers: 0
  - name: shipping
    capacity: 5
    overflow: block
    consumers: 1
    service: { distribution: exponential, mean: 35ms }
  - name: dlq
    consumers: 0
`;

  it('conserves messages at every queue and topic', () => {
    const { scenario, warnings } = parseScenario(text, 'network.yaml');
    expect(warnings).toEqual([]);
    const { result } = simulate(scenario);
    for (const [name, queue] of Object.entries(result.queues)) expectConserved(name, queue);
    const { orders, audit, shipping, dlq } = result.queues;
    expect(orders.queuedAtStart + orders.inServiceAtStart).toBe(500); // the backlog, 3 of it started at once…
    expect(orders.completed).toBeGreaterThan(orders.arrivals); // …and is worked off
    expect(audit.queuedAtEnd).toBe(audit.arrivals);
    expect(shipping.blockedSeconds).toBeGreaterThan(0);
    expect(dlq.arrivals).toBe(orders.deadLettered);
    // The default assignor is range: contiguous ranges, the first consumer one more.
    expect(orders.partitions!.perPartition.map((p) => p.consumer)).toEqual([0, 0, 1, 2]);
    expect(audit.partitions!.perPartition.map((p) => p.consumer)).toEqual([null, null]);
  });
});
