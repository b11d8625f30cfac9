/** Unbounded queues offered more than they can serve are found before the run, with their growth. */
import { describe, expect, it } from 'vitest';
import { overloadedQueues } from '../../src/analysis/overload.js';
import { overloadWarnings } from '../../src/report/overload-text.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenario = (queues: string, rate = '1000/s') =>
  parseScenario(
    `name: s\nduration: 60s\nproducers:\n  - { name: p, to: billing, rate: ${rate} }\nqueues:\n${queues}`,
    's.yaml',
  ).scenario;

describe('overloadedQueues', () => {
  it('finds an unbounded queue offered 1000/s with one 1-second consumer', () => {
    const found = overloadedQueues(scenario('  - { name: billing, consumers: 1, service: 1s }\n'));
    expect(found).toEqual([{ queue: 'billing', offered: 1000, served: 1 }]);
    expect(overloadWarnings(found, 60, 10_000_000)).toEqual([
      'warning: billing: 1000/s offered, 1/s served at most: its backlog grows ~999/s, about 59,940 messages by the end of the run (60s). Add consumers, or bound it with capacity or ttl.',
    ]);
  });

  it('counts retries as work, and follows routes to the next queue', () => {
    const found = overloadedQueues(
      scenario(
        '  - { name: billing, consumers: 20, service: 10ms, failure: { probability: 0.5 }, retry: { max-attempts: 2 }, then: [{ to: mail }] }\n' +
          '  - { name: mail, consumers: 1, service: 10ms }\n',
        '1500/s',
      ),
    );
    // billing: 20 / (10 ms × 1.5 attempts) = 1333/s served of 1500/s; it completes 1333 × 0.75 = 1000/s for mail (100/s).
    expect(found.map((entry) => entry.queue)).toEqual(['mail', 'billing']);
    expect(found[1].served).toBeCloseTo(1333.33, 1);
  });

  it('is silent for a stable queue, a bounded one, one with a TTL, and a topic capped by its retention', () => {
    expect(overloadedQueues(scenario('  - { name: billing, consumers: 2, service: 1ms }\n'))).toEqual([]);
    expect(
      overloadedQueues(scenario('  - { name: billing, consumers: 1, service: 1s, capacity: 100 }\n')),
    ).toEqual([]);
    expect(
      overloadedQueues(scenario('  - { name: billing, consumers: 1, service: 1s, ttl: 10s }\n')),
    ).toEqual([]);
    expect(
      overloadedQueues(
        scenario('  - { name: billing, partitions: 2, consumers: 2, service: 1s, retention: 1m }\n'),
      ),
    ).toEqual([]);
  });

  it('caps a topic at its partitions and an autoscaled pool at its max', () => {
    const topic = overloadedQueues(
      scenario('  - { name: billing, partitions: 2, consumers: 8, service: 10ms }\n', '300/s'),
    );
    expect(topic).toEqual([{ queue: 'billing', offered: 300, served: 200 }]);
    const scaled = scenario(
      '  - { name: billing, service: 10ms, autoscale: { min: 1, max: 4, target: 10 } }\n',
      '300/s',
    );
    expect(overloadedQueues(scaled)).toEqual([]);
  });

  it('says where the run stops when the backlog passes max-backlog first', () => {
    const [line] = overloadWarnings([{ queue: 'q', offered: 1000, served: 1 }], 36_000, 10_000_000);
    expect(line).toContain(
      'reaches the max-backlog of 10,000,000 messages after about 2.78h, where the run stops',
    );
  });
});
