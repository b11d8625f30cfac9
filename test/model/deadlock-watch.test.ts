/**
 * Deadlocks of `block` queues: found when they form (and only then: no false alarms on heavily blocked
 * networks that still move), reported with the time they began and the queues of the cycle; blocked time
 * counts blocks still open at the end.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlockWatch, type WaitedOnQueue } from '../../src/model/deadlock-watch.js';
import { Network } from '../../src/model/network.js';
import { simulate } from '../../src/model/simulate.js';
import type { QueueSpec, Scenario } from '../../src/scenario/types.js';
import { exponentialService, poissonProducer, queueSpec, scenarioOf } from '../helpers/scenarios.js';

afterEach(() => {
  vi.restoreAllMocks();
});

/** A block queue with one consumer (20 ms exponential service) and room for `capacity` ready messages. */
function blockQueue(name: string, capacity: number, fields: Partial<QueueSpec> = {}): QueueSpec {
  return queueSpec({
    name,
    capacity,
    overflow: 'block',
    consumers: 1,
    service: exponentialService(50),
    ...fields,
  });
}

/** The example: a → b, b → a half the time, capacity 1 each, 20/s offered. */
function twoQueueCycle(durationSeconds: number): Scenario {
  return scenarioOf({
    durationSeconds,
    producers: [poissonProducer('source', 'a', 20)],
    queues: [
      blockQueue('a', 1, { then: [{ to: 'b', probability: 1 }] }),
      blockQueue('b', 1, { then: [{ to: 'a', probability: 0.5 }] }),
    ],
  });
}

describe('a cycle of block queues that deadlocks', () => {
  const { result } = simulate(twoQueueCycle(1_000));
  const deadlock = result.deadlock!;

  it('is reported with the queues of the cycle and the time it began', () => {
    expect(deadlock.queues).toEqual(['a', 'b']);
    expect(deadlock.at).toBeGreaterThan(0);
    expect(deadlock.at).toBeLessThan(10);
  });

  it('began exactly then: a run that ends just before has none, and nothing moves after it', () => {
    expect(simulate(twoQueueCycle(deadlock.at * (1 - 1e-9))).result.deadlock).toBeUndefined();
    const justAfter = simulate(twoQueueCycle(deadlock.at * (1 + 1e-9))).result;
    expect(justAfter.deadlock).toEqual(deadlock);
    for (const name of ['a', 'b']) {
      expect(result.queues[name].completed).toBe(justAfter.queues[name].completed);
    }
    // The producer publishes once more, and that message blocks it for good.
    expect(result.flows.source.published).toBe(justAfter.flows.source.published + 1);
  });

  it('counts the blocks still open at the end: each open block adds the whole extra time', () => {
    const longer = simulate(twoQueueCycle(1_100)).result;
    // Blocked on a: the producer and b's consumer; on b: a's consumer. The producer waits throughout.
    expect(longer.queues.a.blockedSeconds - result.queues.a.blockedSeconds).toBeCloseTo(2 * 100, 6);
    expect(longer.queues.b.blockedSeconds - result.queues.b.blockedSeconds).toBeCloseTo(100, 6);
    expect(longer.flows.source.blockedSeconds - result.flows.source.blockedSeconds).toBeCloseTo(100, 6);
    expect(result.flows.source.blockedSeconds).toBeLessThan(1_000 - deadlock.at);
    expect(result.flows.source.blockedSeconds).toBeGreaterThan(1_000 - deadlock.at - 1);
  });

  it('is found the same way again (deterministic)', () => {
    expect(simulate(twoQueueCycle(1_000)).result).toEqual(result);
  });
});

describe('other deadlocks', () => {
  it('a queue whose consumer publishes back into it, full', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('source', 'a', 20)],
      queues: [blockQueue('a', 2, { then: [{ to: 'a', probability: 0.5 }] })],
    });
    expect(simulate(scenario).result.deadlock?.queues).toEqual(['a']);
  });

  it('a cycle of three queues, with a queue feeding it that is stuck too but not named', () => {
    const scenario = scenarioOf({
      producers: [poissonProducer('source', 'entry', 40)],
      queues: [
        blockQueue('entry', 1, { then: [{ to: 'a', probability: 1 }] }),
        blockQueue('a', 1, { consumers: 2, then: [{ to: 'b', probability: 1 }] }),
        blockQueue('b', 1, { then: [{ to: 'c', probability: 1 }] }),
        blockQueue('c', 1, { then: [{ to: 'a', probability: 0.6 }] }),
      ],
    });
    expect(simulate(scenario).result.deadlock?.queues).toEqual(['a', 'b', 'c']);
  });
});

describe('no false alarms', () => {
  it('a heavily loaded pipeline of block queues without a cycle, its consumers often all blocked', () => {
    const stalls = vi.spyOn(Network.prototype, 'consumersStalled');
    const scenario = scenarioOf({
      durationSeconds: 500,
      producers: [poissonProducer('source', 'a', 30)],
      queues: [
        blockQueue('a', 2, {
          consumers: 2,
          service: exponentialService(20),
          then: [{ to: 'b', probability: 1 }],
        }),
        blockQueue('b', 1, { service: exponentialService(25), then: [{ to: 'c', probability: 1 }] }),
        blockQueue('c', 1, { service: exponentialService(22) }),
      ],
    });
    const { result } = simulate(scenario);
    expect(stalls.mock.calls.length).toBeGreaterThan(100); // the watch looked, many times
    expect(result.deadlock).toBeUndefined();
    // It kept moving to the end: the last stage stayed busy (about 22/s × 500 s, slowed by back-pressure).
    expect(result.queues.c.completed).toBeGreaterThan(5_000);
    expect(result.queues.a.blockedSeconds).toBeGreaterThan(0);
  });

  it('a cycle of block queues with room to drain', () => {
    const stalls = vi.spyOn(Network.prototype, 'consumersStalled');
    const scenario = scenarioOf({
      durationSeconds: 500,
      producers: [poissonProducer('source', 'a', 8)],
      queues: [
        blockQueue('a', 100, {
          consumers: 2,
          service: exponentialService(200),
          then: [{ to: 'b', probability: 1 }],
        }),
        blockQueue('b', 1, { then: [{ to: 'a', probability: 0.3 }] }),
      ],
    });
    const { result } = simulate(scenario);
    expect(stalls.mock.calls.length).toBeGreaterThan(10); // both of a's consumers waited on b at times
    expect(result.deadlock).toBeUndefined();
    const flow = result.flows.source;
    expect(flow.published - flow.completed).toBeLessThan(10); // everything published got through
  });

  it('a cycle whose queue has a TTL: waiting messages expire and make room', () => {
    const scenario = scenarioOf({
      durationSeconds: 200,
      producers: [poissonProducer('source', 'a', 20)],
      queues: [
        blockQueue('a', 1, { then: [{ to: 'b', probability: 1 }] }),
        blockQueue('b', 1, { ttlSeconds: 0.5, then: [{ to: 'a', probability: 0.5 }] }),
      ],
    });
    const { result } = simulate(scenario);
    expect(result.deadlock).toBeUndefined();
    expect(result.queues.b.expired).toBeGreaterThan(0);
    expect(result.queues.a.completed).toBeGreaterThan(1_000);
  });
});

describe('blocked time of a block still open at the end', () => {
  /** One message a second into a queue without consumers that holds 2: the third blocks for good. */
  const stuck = (warmupSeconds: number) =>
    scenarioOf({
      durationSeconds: 10,
      warmupSeconds,
      producers: [poissonProducer('source', 'full', 1, { interarrival: { kind: 'constant', value: 1 } })],
      queues: [queueSpec({ name: 'full', capacity: 2, overflow: 'block' })],
    });

  it('counts from when it began to the end of the run', () => {
    const { result } = simulate(stuck(0)); // blocked from t = 3 s to the end at 10 s
    expect(result.queues.full.blockedSeconds).toBe(7);
    expect(result.flows.source.blockedSeconds).toBe(7);
  });

  it('counts only the measured part of a block that began in the warm-up', () => {
    const { result } = simulate(stuck(5)); // blocked throughout the measured 10 s
    expect(result.queues.full.blockedSeconds).toBe(10);
    expect(result.flows.source.blockedSeconds).toBe(10);
  });
});

describe('DeadlockWatch', () => {
  /** A fake queue: stalled or not, consumers, and the publisher codes blocked on it. */
  const fake = (stalled: boolean, consumers: number, blocked: number[]): WaitedOnQueue => ({
    isStalled: () => stalled,
    consumerCount: () => consumers,
    blockedPublisherCodes: () => blocked,
  });
  // Publisher codes: 0 a producer; 10 + q × 10 + worker for consumers of queue q.
  const ownerOf = (publisher: number) => (publisher < 10 ? -1 : Math.floor(publisher / 10) - 1);

  it('needs every consumer of a queue waiting inside the dead set', () => {
    // q0 (2 consumers) → q1 and q1 → q0, but q0's second consumer waits on q2, which is not stalled.
    const queues = [fake(true, 2, [20]), fake(true, 1, [10]), fake(false, 1, [11])];
    const watch = new DeadlockWatch(queues, ['q0', 'q1', 'q2'], ownerOf);
    watch.consumersStalled(1, 5);
    expect(watch.deadlock).toBeNull();
  });

  it('names only the queues of the cycle, and keeps the first deadlock', () => {
    // q2 → q0 ⇄ q1: q2 is stuck behind the cycle.
    const queues = [fake(true, 1, [20, 30]), fake(true, 1, [10]), fake(true, 1, [0])];
    const watch = new DeadlockWatch(queues, ['q0', 'q1', 'q2'], ownerOf);
    watch.consumersStalled(1, 5);
    expect(watch.deadlock).toEqual({ at: 5, queues: ['q0', 'q1'] });
    watch.consumersStalled(0, 9);
    expect(watch.deadlock?.at).toBe(5);
  });

  it('leaves out queues it is given as null (topics, autoscaled queues)', () => {
    const watch = new DeadlockWatch([fake(true, 1, [20]), null], ['q0', 'q1'], ownerOf);
    watch.consumersStalled(0, 1);
    expect(watch.deadlock).toBeNull();
  });
});
