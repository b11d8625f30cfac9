/** The scenario check warns of `then` cycles of block queues, which can deadlock, and of nothing else. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';

/** Two consumed queues, a → b and b → a half the time, with the given extra keys on each. */
function cycleOf(a: string, b: string, route = 'then: a'): string {
  return `name: t
duration: 10s
producers:
  - { name: p, to: a, rate: 20/s }
queues:
  - { name: a, consumers: 1, service: 20ms, then: b, ${a} }
  - name: b
    consumers: 1
    service: 20ms
    ${b === '' ? '' : `${b}\n    `}${route === '' ? '' : route.replace('then: a', 'then: [{ to: a, probability: 0.5 }]')}
`;
}

describe('block queues on a cycle', () => {
  it('warn, at the first queue of the cycle, naming the cycle', () => {
    const { warnings } = parseScenario(
      cycleOf('capacity: 1, overflow: block', 'capacity: 1\n    overflow: block'),
      't.yaml',
    );
    expect(warnings).toEqual([
      {
        file: 't.yaml',
        line: 6, // the first queue, a
        column: expect.any(Number),
        path: 'queues[0].overflow',
        message: msg.blockCycleMayDeadlock(['a', 'b', 'a']),
        severity: 'warning',
      },
    ]);
  });

  it('warn for a queue that publishes back into itself', () => {
    const text = `name: t
duration: 10s
producers:
  - { name: p, to: a, rate: 5/s }
queues:
  - { name: a, consumers: 1, service: 20ms, capacity: 3, overflow: block, then: [{ to: a, probability: 0.3 }] }
`;
    expect(parseScenario(text, 't.yaml').warnings.map((w) => w.message)).toEqual([
      msg.blockCycleMayDeadlock(['a', 'a']),
    ]);
  });

  it('warn through an exchange bound to a block queue', () => {
    const text = `name: t
duration: 10s
producers:
  - { name: p, to: a, rate: 5/s }
exchanges:
  - { name: back, type: fanout, to: [a] }
queues:
  - { name: a, consumers: 1, service: 20ms, capacity: 3, overflow: block, then: b }
  - { name: b, consumers: 1, service: 20ms, capacity: 3, overflow: block, then: [{ to: back, probability: 0.5 }] }
`;
    expect(parseScenario(text, 't.yaml').warnings.map((w) => w.message)).toEqual([
      msg.blockCycleMayDeadlock(['a', 'b', 'a']),
    ]);
  });

  it.each([
    ['one queue of the cycle is reject-new', 'capacity: 1, overflow: block', 'capacity: 1'],
    ['one queue has no limit (never full)', 'capacity: 1, overflow: block', 'overflow: block'],
    [
      'one queue has a TTL (waiting messages expire and make room)',
      'capacity: 1, overflow: block',
      'capacity: 1\n    overflow: block\n    ttl: 1s',
    ],
  ])('do not warn when %s', (_, a, b) => {
    const { warnings } = parseScenario(cycleOf(a, b), 't.yaml');
    expect(warnings.filter((w) => w.message.includes('deadlock'))).toEqual([]);
  });

  it('do not warn for a pipeline of block queues without a cycle', () => {
    const { warnings } = parseScenario(
      cycleOf('capacity: 1, overflow: block', 'capacity: 1\n    overflow: block', ''),
      't.yaml',
    );
    expect(warnings).toEqual([]);
  });
});
