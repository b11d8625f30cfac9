/** Routing cycles: allowed when messages die out (spectral radius < 1), an error located at a `then` otherwise. */
import { describe, expect, it } from 'vitest';
import { isSubcritical, spectralRadius } from '../../src/scenario/checks/spectral-radius.js';
import * as msg from '../../src/scenario/messages.js';
import { allProblems, lines, positionOf } from './helpers.js';

describe('spectralRadius and isSubcritical', () => {
  it.each<[string, number[][], number]>([
    ['no edge', [[0]], 0],
    ['a self-loop that exits half the time', [[0.5]], 0.5],
    ['a self-loop without exit', [[1]], 1],
    [
      'a two-cycle without exit (periodic)',
      [
        [0, 1],
        [1, 0],
      ],
      1,
    ],
    [
      'a two-cycle with an exit',
      [
        [0, 1],
        [0.5, 0],
      ],
      Math.SQRT1_2,
    ],
    [
      'a three-cycle without exit (periodic)',
      [
        [0, 1, 0],
        [0, 0, 1],
        [1, 0, 0],
      ],
      1,
    ],
    [
      'fan-out to two queues that both publish back with 0.6 (queue-to-queue steps)',
      [
        [0.6, 0.6],
        [0.6, 0.6],
      ],
      1.2,
    ],
    [
      'a retry loop: 0.3 back, 0.7 onward',
      [
        [0, 1],
        [0.3, 0],
      ],
      Math.sqrt(0.3),
    ],
  ])('%s', (_, matrix, radius) => {
    expect(spectralRadius(matrix)).toBeCloseTo(radius, 9);
    expect(isSubcritical(matrix)).toBe(radius < 1);
  });

  it('a radius just below 1 is subcritical, exactly 1 is not, despite rounding', () => {
    const third = 1 / 3;
    expect(isSubcritical([[third * 3]])).toBe(false);
    const cycle = (p: number) => [
      [0, 0.1, 0],
      [0, 0, 10],
      [p, 0, 0],
    ];
    expect(isSubcritical(cycle(1))).toBe(false);
    expect(isSubcritical(cycle(0.999))).toBe(true);
    expect(spectralRadius(cycle(1))).toBeCloseTo(1, 9);
  });
});

/** A scenario in which `checkout` publishes to `to`, with these exchanges and queues (one line each). */
function scenario(exchanges: string[], queues: string[], to = 'billing'): string {
  return lines(
    'name: t',
    'duration: 1m',
    'producers:',
    `  - { name: checkout, to: ${to}, rate: 10/s }`,
    ...(exchanges.length > 0 ? ['exchanges:', ...exchanges.map((line) => `  - ${line}`)] : []),
    'queues:',
    ...queues.map((line) => `  - ${line}`),
  );
}

describe('routing cycles', () => {
  it('a pipeline without cycles', () => {
    const text = scenario(
      [],
      [
        '{ name: billing, service: 1ms, then: [{ to: ledger, probability: 0.9 }, { to: fraud, probability: 0.1 }] }',
        '{ name: ledger, service: 1ms }',
        '{ name: fraud, service: 1ms }',
      ],
    );
    expect(allProblems(text)).toEqual([]);
  });

  it('a cycle with an exit probability (a retry loop: 0.3 back, 0.7 onward) is fine', () => {
    const text = scenario(
      [],
      [
        '{ name: billing, service: 1ms, then: check }',
        '{ name: check, service: 1ms, then: [{ to: billing, probability: 0.3 }, { to: done, probability: 0.7 }] }',
        '{ name: done, service: 1ms }',
      ],
    );
    expect(allProblems(text)).toEqual([]);
  });

  it('a cycle without exit is an error at the then of its first queue, naming the cycle', () => {
    const text = scenario(
      [],
      [
        '{ name: intake, service: 1ms, then: billing }', // not on the cycle
        '{ name: billing, service: 1ms, then: ledger }',
        '{ name: ledger, service: 1ms, then: billing }',
      ],
      'intake',
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 7,
        column: 42,
        path: 'queues[1].then',
        severity: 'error',
        message: msg.routingCycleNoExit(['billing', 'ledger', 'billing']),
      },
    ]);
    expect(msg.routingCycleNoExit(['billing', 'ledger', 'billing'])).toBe(
      'routing cycle billing → ledger → billing never lets messages leave (every cycle needs an exit probability: make the then-probabilities sum to less than 1 somewhere on it)',
    );
  });

  it('a queue that publishes to itself with probability 1', () => {
    const text = scenario([], ['{ name: billing, service: 1ms, then: billing }']);
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        ...positionOf(text, 'billing }'),
        path: 'queues[0].then',
        severity: 'error',
        message: msg.routingCycleNoExit(['billing', 'billing']),
      },
    ]);
  });

  it('a cycle through an exchange names the exchange too', () => {
    const text = scenario(
      ['{ name: orders, type: fanout, to: [billing] }'],
      ['{ name: billing, service: 1ms, then: ledger }', '{ name: ledger, service: 1ms, then: orders }'],
      'orders',
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        ...positionOf(text, 'ledger }'),
        path: 'queues[0].then',
        severity: 'error',
        message: msg.routingCycleNoExit(['billing', 'ledger', 'orders', 'billing']),
      },
    ]);
  });

  it('fan-out to two queues that both publish back with probability 0.6 multiplies messages (1.2 per round)', () => {
    const text = scenario(
      ['{ name: orders, type: fanout, to: [billing, email] }'],
      [
        '{ name: billing, service: 1ms, then: { to: orders, probability: 0.6 } }',
        '{ name: email, service: 1ms, then: { to: orders, probability: 0.6 } }',
      ],
      'orders',
    );
    const problems = allProblems(text);
    expect(problems).toEqual([
      {
        file: 'test.yaml',
        ...positionOf(text, '{ to: orders'),
        path: 'queues[0].then',
        severity: 'error',
        message: msg.routingCyclesMultiply(['billing', 'email', 'orders'], 1.2),
      },
    ]);
    expect(problems[0].message).toContain("routing cycles through 'billing', 'email' and 'orders' multiply");
    expect(problems[0].message).toContain('into 1.2 copies per round');
  });

  it('fan-out to two queues where only one publishes back with 0.6 is fine (0.6 per round)', () => {
    const text = scenario(
      ['{ name: orders, type: fanout, to: [billing, email] }'],
      [
        '{ name: billing, service: 1ms, then: { to: orders, probability: 0.6 } }',
        '{ name: email, service: 1ms }',
      ],
      'orders',
    );
    expect(allProblems(text)).toEqual([]);
  });

  it('fan-out that exactly balances the exits never lets messages die out', () => {
    const text = scenario(
      ['{ name: orders, type: fanout, to: [billing, email] }'],
      [
        '{ name: billing, service: 1ms, then: { to: orders, probability: 0.5 } }',
        '{ name: email, service: 1ms, then: { to: orders, probability: 0.5 } }',
      ],
      'orders',
    );
    expect(allProblems(text).map((problem) => problem.message)).toEqual([
      msg.routingCyclesMultiply(['billing', 'email', 'orders'], 1),
    ]);
    expect(msg.routingCyclesMultiply(['a'], 1)).toContain('never let messages die out');
  });

  it('dead-letter edges are not routing cycles (a message is dead-lettered at most once)', () => {
    const text = scenario(
      [],
      [
        '{ name: billing, service: 1ms, capacity: 5, dead-letter: parking }',
        '{ name: parking, service: 1ms, then: billing }',
      ],
    );
    expect(allProblems(text)).toEqual([]);
  });

  describe('a direct exchange routes by type, and a message keeps its type', () => {
    const direct = (back: string) =>
      lines(
        'name: t',
        'duration: 1m',
        'producers:',
        '  - { name: shop, to: events, rate: 10/s, types: { a: 1, b: 1 } }',
        'exchanges:',
        '  - { name: events, type: direct, to: [{ queue: qa, types: [a] }, { queue: qb, types: [b] }] }',
        'queues:',
        `  - { name: qa, service: 1ms, then: ${back} }`,
        `  - { name: qb, service: 1ms, then: ${back} }`,
      );

    it('two loops of 0.7 for different types never meet: fine', () => {
      expect(allProblems(direct('{ to: events, probability: 0.7 }'))).toEqual([]);
    });

    it('a loop without exit is reported once, for the first type on it', () => {
      const text = direct('events');
      expect(allProblems(text)).toEqual([
        {
          file: 'test.yaml',
          ...positionOf(text, 'events }', '  - { name: qa'),
          path: 'queues[0].then',
          severity: 'error',
          message: msg.routingCycleNoExit(['qa', 'events', 'qa'], 'a'),
        },
        {
          file: 'test.yaml',
          ...positionOf(text, 'events }', '  - { name: qb'),
          path: 'queues[1].then',
          severity: 'error',
          message: msg.routingCycleNoExit(['qb', 'events', 'qb'], 'b'),
        },
      ]);
      expect(msg.routingCycleNoExit(['qa', 'events', 'qa'], 'a')).toContain(
        "routing cycle qa → events → qa for messages of type 'a' never lets",
      );
    });
  });
});
