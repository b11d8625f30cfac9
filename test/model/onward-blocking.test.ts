/**
 * A consumer that publishes onward into a full `overflow: block` queue keeps its message unacknowledged
 * until the publish goes through: it is busy all that time, the message's sojourn lasts until the
 * acknowledgement, and the upstream queue reports the time as `consumerBlockedSeconds`. Constant times
 * make every figure exact (worked out in the comments).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import { expectConserved } from '../helpers/conservation.js';
import { queueSpec, scenarioOf, topicSpec } from '../helpers/scenarios.js';

// One message a second (at 1, 2, …, 100) into `a` (0.1 s each), which feeds `b` (2 s each, room for 2).
const scenario = scenarioOf({
  durationSeconds: 100,
  producers: [
    { name: 'p', to: 'a', interarrival: { kind: 'constant', value: 1 }, types: [], messageBytes: null },
  ],
  queues: [
    queueSpec({
      name: 'a',
      consumers: 1,
      service: { kind: 'constant', value: 0.1 },
      then: [{ to: 'b', probability: 1 }],
    }),
    queueSpec({
      name: 'b',
      consumers: 1,
      service: { kind: 'constant', value: 2 },
      capacity: 2,
      overflow: 'block',
    }),
  ],
});

describe('a consumer blocked publishing onward', () => {
  const { result } = simulate(scenario);
  const { a, b } = result.queues;

  it('counts as busy, and its queue reports the blocked time', () => {
    // b takes one every 2 s from 3.1 on; a's consumer is first blocked at 6.1 (b's two places are full)
    // until 7.1, then processes 0.1 s and waits 1.9 s every 2 s: 46 cycles from 7.2, and 0.8 s open at
    // the end. Processing: 53 messages × 0.1 s. Idle: 1 s before the first arrival, 0.9 s in each of 5.
    expect(a.consumerBlockedSeconds).toBeCloseTo(1 + 46 * 1.9 + 0.8, 9);
    expect(a.consumerBlockedSeconds).toBeCloseTo(b.blockedSeconds, 9); // its only publisher
    expect(a.utilization).toBeCloseTo((53 * 0.1 + 89.2) / 100, 9);
    expect(b.consumerBlockedSeconds).toBe(0);
  });

  it('lasts the sojourn at the upstream queue until the acknowledgement', () => {
    // Message k ≥ 6 (arrived at k) is acknowledged at 7.1 + 2(k − 6): a sojourn of k − 4.9 s; the last
    // acknowledged in the run is k = 52, at 99.1.
    expect(a.completed).toBe(52);
    expect(a.sojourn.max).toBeCloseTo(47.1, 6);
    expect(a.inServiceAtEnd).toBe(1); // the one held at the end is still in a
    expectConserved('a', a);
    expectConserved('b', b);
  });
});

describe('a topic consumer blocked publishing onward', () => {
  // The same flow through a one-partition topic: a consumer takes one message at a time, as above.
  const upstream = topicSpec(
    {
      name: 'a',
      consumers: 1,
      service: { kind: 'constant', value: 0.1 },
      then: [{ to: 'b', probability: 1 }],
    },
    { partitions: 1 },
  );
  const { result } = simulate({ ...scenario, queues: [upstream, scenario.queues[1]] });
  const { a, b } = result.queues;

  it('counts as busy until the publish goes through, with the same exact figures as a queue', () => {
    expect(a.consumerBlockedSeconds).toBeCloseTo(89.2, 9);
    expect(b.blockedSeconds).toBeCloseTo(89.2, 9);
    expect(a.utilization).toBeCloseTo(0.945, 9);
    expect(a.completed).toBe(52);
    expect(a.sojourn.max).toBeCloseTo(47.1, 6);
  });
});
