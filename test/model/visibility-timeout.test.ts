/**
 * Visibility timeouts shorter than the service time: every delivery counts towards `max-attempts`, the
 * ones a timeout makes included (SQS counts every receive in ApproximateReceiveCount and moves a message
 * to its dead-letter queue past maxReceiveCount), so a message is delivered at most `max-attempts` times.
 * Constant service times make every count exact.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.js';
import type { QueueSpec } from '../../src/scenario/types.js';
import { expectConserved } from '../helpers/conservation.js';
import { queueSpec, scenarioOf } from '../helpers/scenarios.js';

/** One message (the producer's next one would come after the run) into queue `q` with `fields`. */
function oneMessage(fields: Partial<QueueSpec>, extraQueues: QueueSpec[] = []) {
  return scenarioOf({
    durationSeconds: 60,
    producers: [
      {
        name: 'once',
        to: 'q',
        interarrival: { kind: 'constant', value: 50 },
        types: [],
        messageBytes: null,
      },
    ],
    queues: [
      queueSpec({
        name: 'q',
        consumers: 1,
        service: { kind: 'constant', value: 0.2 },
        timeoutSeconds: 0.1,
        retry: { maxAttempts: 3, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null },
        ...fields,
      }),
      ...extraQueues,
    ],
  });
}

describe('visibility timeout shorter than the service time', () => {
  it('delivers one message at most max-attempts times, then exhausts it (one consumer)', () => {
    const { result } = simulate(oneMessage({}));
    const q = result.queues.q;
    expect(q.arrivals).toBe(1);
    // Deliveries at 0, 0.2, 0.4 (each times out 0.1 s in); the third timeout reaches the limit.
    expect(q.completed).toBe(3);
    expect(q.duplicates).toBe(2);
    expect(q.timeouts).toBe(3);
    expect(q.lostBy.exhausted).toBe(1);
    expect(q.utilization).toBeCloseTo(0.6 / 60, 12);
    // The first completion came before the limit: the flow completed once, and lost nothing.
    expect(result.flows.once.completed).toBe(1);
    expect(result.flows.once.lost).toBe(0);
    expectConserved('q', q);
  });

  it('dead-letters a message whose deliveries all time out before any completes (four consumers)', () => {
    const dlq = queueSpec({ name: 'dlq' });
    const { result } = simulate(oneMessage({ consumers: 4, timeoutSeconds: 0.01, deadLetter: 'dlq' }, [dlq]));
    const q = result.queues.q;
    // Deliveries at 0, 0.01, 0.02 to three consumers; the timeout at 0.03 is past the limit.
    expect(q.completed).toBe(3);
    expect(q.duplicates).toBe(3);
    expect(q.timeouts).toBe(3);
    expect(q.deadLettered).toBe(1);
    expect(q.deadLetteredBy.exhausted).toBe(1);
    expect(result.queues.dlq.arrivals).toBe(1);
    expect(result.flows.once.completed).toBe(0);
    expect(result.flows.once.lostBy.deadLettered).toBe(1);
    expectConserved('q', q);
    expectConserved('dlq', result.queues.dlq);
  });

  it('keeps the delivery limit under load: deliveries never exceed max-attempts per message', () => {
    const scenario = scenarioOf({
      durationSeconds: 300,
      producers: [
        {
          name: 'p',
          to: 'q',
          interarrival: { kind: 'exponential', mean: 1 },
          types: [],
          messageBytes: null,
        },
      ],
      queues: [
        queueSpec({
          name: 'q',
          consumers: 4,
          service: { kind: 'constant', value: 0.2 },
          timeoutSeconds: 0.1,
          deadLetter: 'dlq',
          retry: { maxAttempts: 3, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null },
        }),
        queueSpec({ name: 'dlq' }),
      ],
    });
    const { result } = simulate(scenario);
    const q = result.queues.q;
    // Every delivery outlasts the timeout, so every message is delivered exactly 3 times and exhausted at
    // the third timeout; only messages still in the queue at the end have fewer timeouts.
    const inFlight = q.queuedAtEnd + q.inServiceAtEnd;
    expect(q.deadLettered).toBeGreaterThan(250);
    expect(q.timeouts - 3 * q.deadLettered).toBeGreaterThanOrEqual(0);
    expect(q.timeouts - 3 * q.deadLettered).toBeLessThanOrEqual(2 * inFlight);
    expect(q.completed + q.inServiceAtEnd).toBeLessThanOrEqual(3 * q.arrivals);
    // Busy time is 0.2 s per delivery (those in processing at the end partly): no endless copies.
    const busySeconds = (q.utilization as number) * 4 * 300;
    expect(Math.abs(busySeconds - 0.2 * q.completed)).toBeLessThanOrEqual(0.2 * 4);
    expect(q.utilization as number).toBeLessThan(0.2);
    expectConserved('q', q);
    const flow = result.flows.p;
    expect(flow.completed + flow.lost).toBeLessThanOrEqual(flow.published);
  });
});
