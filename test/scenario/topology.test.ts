/**
 * Relations between producers, exchanges, queues and message types: names, references, bindings, types
 * that get routed, queues and exchanges that are fed, limits and consumer settings. Every problem is
 * checked with its path, line, column, severity and message.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioProblem } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { allProblems, lines, positionOf } from './helpers.js';

/** The problem expected at `path`, placed where `needle` is written (after `after`). */
function expected(
  text: string,
  path: string,
  severity: ScenarioProblem['severity'],
  message: string,
  needle: string,
  after = '',
): ScenarioProblem {
  return { file: 'test.yaml', path, severity, message, ...positionOf(text, needle, after) };
}

/** A scenario with a fanout exchange `orders` → billing, email and a ledger behind billing. */
const PIPELINE = lines(
  'name: t', // 1
  'duration: 1m', // 2
  'producers:', // 3
  '  - { name: checkout, to: orders, rate: 40/s }', // 4
  'exchanges:', // 5
  '  - { name: orders, type: fanout, to: [billing, email] }', // 6
  'queues:', // 7
  '  - { name: billing, service: 80ms, then: ledger, dead-letter: billing-dlq }', // 8
  '  - { name: billing-dlq }', // 9
  '  - { name: ledger, service: 5ms }', // 10
  '  - { name: email, service: 20ms }', // 11
);

describe('a valid topology', () => {
  it('loads without warnings: fed by a producer, a binding, a then and a dead-letter edge', () => {
    expect(parseScenario(PIPELINE, 't.yaml').warnings).toEqual([]);
  });
});

describe('names: queues and exchanges share one namespace', () => {
  it('an exchange named like a queue', () => {
    const text = PIPELINE.replace('name: orders, type: fanout', 'name: email, type: fanout').replace(
      'to: orders',
      'to: email',
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 6,
        column: 13,
        path: 'exchanges[0].name',
        severity: 'error',
        message: msg.sharedNameClash('exchange', 'email', 'queues[3]'),
      },
    ]);
  });

  it('two exchanges with one name', () => {
    const text = PIPELINE.replace(
      '  - { name: orders, type: fanout, to: [billing, email] }\n',
      '  - { name: orders, type: fanout, to: [billing, email] }\n  - { name: orders, type: fanout, to: [email] }\n',
    );
    expect(allProblems(text)).toEqual([
      expected(
        text,
        'exchanges[1].name',
        'error',
        msg.duplicateName('exchange', 'orders', 'exchanges[0]'),
        'orders',
        '  - { name: orders, type: fanout, to: [billing, email] }',
      ),
    ]);
  });
});

describe('references name both sides, with a suggestion', () => {
  it.each([
    [
      'a producer sending to a misspelt exchange',
      ['to: orders,', 'to: ordrs,'],
      'producers[0].to',
      'ordrs',
      msg.producerTargetUnknown('checkout', 'ordrs', 'orders'),
    ],
    [
      'a binding to a misspelt queue',
      ['[billing, email]', '[billing, emal]'],
      'exchanges[0].to[1]',
      'emal',
      msg.bindingQueueUnknown('orders', 'emal', 'email'),
    ],
    [
      'a then to a misspelt queue',
      ['then: ledger', 'then: ledgr'],
      'queues[0].then',
      'ledgr',
      msg.thenTargetUnknown('billing', 'ledgr', 'ledger'),
    ],
    [
      'a dead-letter to a misspelt queue',
      ['dead-letter: billing-dlq', 'dead-letter: billing-dql'],
      'queues[0].dead-letter',
      'billing-dql',
      msg.deadLetterUnknown('billing', 'billing-dql', 'billing-dlq'),
    ],
    [
      'a binding to an exchange',
      ['[billing, email]', '[billing, orders]'],
      'exchanges[0].to[1]',
      'orders]',
      msg.bindingToExchange('orders', 'orders'),
    ],
    [
      'a dead-letter to an exchange',
      ['dead-letter: billing-dlq', 'dead-letter: orders'],
      'queues[0].dead-letter',
      'orders }',
      msg.deadLetterToExchange('billing', 'orders'),
    ],
    [
      'a dead-letter to the queue itself',
      ['dead-letter: billing-dlq', 'dead-letter: billing'],
      'queues[0].dead-letter',
      'billing }',
      msg.deadLetterToItself('billing'),
    ],
  ])('%s', (_, [from, to], path, needle, message) => {
    const text = PIPELINE.replace(from, to);
    expect(allProblems(text)).toContainEqual(expected(text, path, 'error', message, needle));
    expect(allProblems(text).filter((problem) => problem.severity === 'error')).toHaveLength(1);
  });

  it('a then in list form points at the route that is wrong', () => {
    const text = PIPELINE.replace(
      'then: ledger',
      'then: [{ to: ledger, probability: 0.5 }, { to: fraud, probability: 0.1 }]',
    );
    expect(allProblems(text)).toEqual([
      expected(
        text,
        'queues[0].then[1].to',
        'error',
        msg.thenTargetUnknown('billing', 'fraud', undefined),
        'fraud',
      ),
    ]);
  });

  it('a binding mapping points at its queue', () => {
    const text = PIPELINE.replace('[billing, email]', '[billing, { queue: mail }]');
    expect(allProblems(text)).toEqual([
      expected(
        text,
        'exchanges[0].to[1].queue',
        'error',
        msg.bindingQueueUnknown('orders', 'mail', 'email'),
        'mail',
      ),
    ]);
  });
});

/** Producer `shop` → direct exchange `events` → billing (order_placed) and refunds (order_cancelled). */
const DIRECT = lines(
  'name: t', // 1
  'duration: 1m', // 2
  'producers:', // 3
  '  - name: shop', // 4
  '    to: events', // 5
  '    rate: 20/s', // 6
  '    types: { order_placed: 0.7, order_cancelled: 0.3 }', // 7
  'exchanges:', // 8
  '  - name: events', // 9
  '    type: direct', // 10
  '    to:', // 11
  '      - { queue: billing, types: [order_placed] }', // 12
  '      - { queue: refunds, types: [order_cancelled] }', // 13
  'queues:', // 14
  '  - { name: billing, service: 80ms }', // 15
  '  - { name: refunds, service: 50ms }', // 16
);

describe('direct and fanout exchanges', () => {
  it('a direct exchange with a binding per type loads without warnings', () => {
    expect(parseScenario(DIRECT, 't.yaml').warnings).toEqual([]);
  });

  it('a direct binding without types, as a name or a mapping', () => {
    for (const binding of ['refunds', '{ queue: refunds }']) {
      const text = DIRECT.replace('{ queue: refunds, types: [order_cancelled] }', binding);
      expect(allProblems(text)).toContainEqual({
        file: 'test.yaml',
        line: 13,
        column: 9,
        path: 'exchanges[0].to[1]',
        severity: 'error',
        message: msg.directBindingNeedsTypes('events', 'refunds'),
      });
    }
  });

  it('a fanout binding with types points at the key', () => {
    const text = DIRECT.replace('type: direct', 'type: fanout');
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 12,
        column: 27,
        path: 'exchanges[0].to[0].types',
        severity: 'error',
        message: msg.fanoutBindingHasTypes('events'),
      },
      {
        file: 'test.yaml',
        line: 13,
        column: 27,
        path: 'exchanges[0].to[1].types',
        severity: 'error',
        message: msg.fanoutBindingHasTypes('events'),
      },
    ]);
  });

  it('a queue bound twice', () => {
    const text = DIRECT.replace(
      '{ queue: refunds, types: [order_cancelled] }',
      '{ queue: billing, types: [order_cancelled] }',
    );
    expect(allProblems(text)).toContainEqual(
      expected(
        text,
        'exchanges[0].to[1].queue',
        'error',
        msg.duplicateBinding('events', 'billing', 'exchanges[0].to[0]'),
        'billing',
        '      - { queue: billing, types: [order_placed] }',
      ),
    );
  });

  it('a producer without types publishing to a direct exchange', () => {
    const text = DIRECT.replace('    types: { order_placed: 0.7, order_cancelled: 0.3 }\n', '');
    expect(allProblems(text)).toContainEqual({
      file: 'test.yaml',
      line: 5,
      column: 9,
      path: 'producers[0].to',
      severity: 'error',
      message: msg.directExchangeNeedsTypes('shop', 'events'),
    });
  });

  it('a bound type that no producer emits: a warning with a suggestion', () => {
    const text = DIRECT.replace('types: [order_cancelled]', 'types: [order_canceled]');
    expect(allProblems(text)).toEqual([
      expected(
        text,
        'exchanges[0].to',
        'warning',
        msg.typeUnroutable('events', 'order_cancelled', ['shop']),
        '- { queue: billing',
      ),
      expected(
        text,
        'exchanges[0].to[1].types[0]',
        'warning',
        msg.boundTypeNeverArrives('events', 'order_canceled', false, 'order_cancelled'),
        'order_canceled',
      ),
    ]);
  });

  it('a bound type emitted only by producers that publish elsewhere', () => {
    const text = DIRECT.replace('[order_placed] }', '[order_placed, refund] }').replace(
      'exchanges:',
      '  - { name: bank, to: refunds, rate: 1/s, types: { refund: 1 } }\nexchanges:',
    );
    expect(allProblems(text)).toEqual([
      expected(
        text,
        'exchanges[0].to[0].types[1]',
        'warning',
        msg.boundTypeNeverArrives('events', 'refund', true, undefined),
        'refund',
        '[order_placed, ',
      ),
    ]);
  });

  it('untyped messages reaching a direct exchange through a then', () => {
    const text = lines(
      'name: t', // 1
      'duration: 1m', // 2
      'producers:', // 3
      '  - { name: p, to: intake, rate: 1/s }', // 4
      'exchanges:', // 5
      '  - { name: events, type: direct, to: [{ queue: billing, types: [order] }] }', // 6
      'queues:', // 7
      '  - { name: intake, service: 1ms, then: events }', // 8
      '  - { name: billing, service: 1ms }', // 9
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 6,
        column: 39,
        path: 'exchanges[0].to',
        severity: 'warning',
        message: msg.untypedUnroutable('events', ['p']),
      },
      expected(
        text,
        'exchanges[0].to[0].types[0]',
        'warning',
        msg.boundTypeNeverArrives('events', 'order', false, undefined),
        'order',
      ),
    ]);
  });

  it('an exchange nothing publishes to', () => {
    const text = PIPELINE.replace(
      '  - { name: orders, type: fanout, to: [billing, email] }\n',
      '  - { name: orders, type: fanout, to: [billing, email] }\n  - { name: spare, type: fanout, to: [email] }\n',
    );
    expect(allProblems(text)).toEqual([
      expected(text, 'exchanges[1].name', 'warning', msg.exchangeNeverPublished('spare'), 'spare'),
    ]);
  });

  it('an exchange fed only by a then is published to', () => {
    const text = PIPELINE.replace('to: orders, rate', 'to: intake, rate').replace(
      'queues:\n',
      'queues:\n  - { name: intake, service: 1ms, then: orders }\n',
    );
    expect(allProblems(text)).toEqual([]);
  });
});

describe('message types', () => {
  it('a declared type nobody emits: a warning at its key, with a suggestion', () => {
    const text = DIRECT.replace('producers:', 'message-types:\n  order_placd: { priority: 1 }\nproducers:');
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 4,
        column: 3,
        path: 'message-types.order_placd',
        severity: 'warning',
        message: msg.messageTypeNeverEmitted('order_placd', 'order_placed'),
      },
    ]);
  });
});

describe('queues fed and consumed', () => {
  it('a queue nothing sends to', () => {
    const text = PIPELINE + '  - { name: spare, service: 1ms }\n';
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 12,
        column: 13,
        path: 'queues[4].name',
        severity: 'warning',
        message: msg.queueNeverFed('spare'),
      },
    ]);
  });

  it('a queue without service fed by a binding or a then is never consumed; a dead-letter queue is fine', () => {
    const text = PIPELINE.replace('{ name: ledger, service: 5ms }', '{ name: ledger }').replace(
      '{ name: email, service: 20ms }',
      '{ name: email }',
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 10,
        column: 5,
        path: 'queues[2]',
        severity: 'warning',
        message: msg.queueNeverConsumed('ledger'),
      },
      {
        file: 'test.yaml',
        line: 11,
        column: 5,
        path: 'queues[3]',
        severity: 'warning',
        message: msg.queueNeverConsumed('email'),
      },
    ]);
  });

  it('then-probabilities above 1 in sum', () => {
    const text = PIPELINE.replace(
      'then: ledger',
      'then: [{ to: ledger, probability: 0.9 }, { to: email, probability: 0.2 }]',
    );
    expect(allProblems(text)).toEqual([
      expected(text, 'queues[0].then', 'error', msg.thenSumAboveOne('billing', 1.1), '[{ to: ledger'),
    ]);
    expect(msg.thenSumAboveOne('billing', 0.9 + 0.2)).toContain('sum to 1.1;');
  });

  it('then-probabilities summing to exactly 1 are fine', () => {
    const text = PIPELINE.replace(
      'then: ledger',
      'then: [{ to: ledger, probability: 0.7 }, { to: email, probability: 0.2 }, { to: ledger, probability: 0.1 }]',
    );
    expect(allProblems(text)).toEqual([]);
  });
});

describe('limits, overflow and dead-lettering', () => {
  const queue = (settings: string) =>
    lines(
      'name: t', // 1
      'duration: 1m', // 2
      'producers:', // 3
      '  - { name: p, to: q, rate: 1/s }', // 4
      'queues:', // 5
      '  - name: q', // 6
      '    service: 1ms', // 7
      ...settings.split('\n').map((line) => `    ${line}`), // 8…
      '  - { name: dlq, consumers: 0 }',
    );

  it('reject-publish-dlx without a dead-letter queue', () => {
    const text = queue('capacity: 5\noverflow: reject-publish-dlx').replace(
      '  - { name: dlq, consumers: 0 }\n',
      '',
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 9,
        column: 15,
        path: 'queues[0].overflow',
        severity: 'error',
        message: msg.dlxNeedsDeadLetter('q'),
      },
    ]);
  });

  it('reject-publish-dlx with a dead-letter queue is fine', () => {
    expect(allProblems(queue('capacity: 5\noverflow: reject-publish-dlx\ndead-letter: dlq'))).toEqual([]);
  });

  it.each(['drop-oldest', 'block', 'reject-new', 'drop-head'])(
    'overflow: %s on a queue that is never full',
    (policy) => {
      const text = queue(`overflow: ${policy}\ndead-letter: dlq`);
      expect(allProblems(text)).toEqual([
        {
          file: 'test.yaml',
          line: 8,
          column: 15,
          path: 'queues[0].overflow',
          severity: 'warning',
          message: msg.overflowWithoutLimit('q', policy),
        },
      ]);
    },
  );

  it('overflow with only a byte limit is fine', () => {
    const text = queue('capacity-bytes: 1MB\noverflow: block\ndead-letter: dlq').replace(
      'rate: 1/s }',
      'rate: 1/s, message-size: 1KB }',
    );
    expect(allProblems(text)).toEqual([]);
  });
});

describe('capacity-bytes needs the size of every message that can reach the queue', () => {
  const text = lines(
    'name: t', // 1
    'duration: 1m', // 2
    'producers:', // 3
    '  - { name: sized, to: fan, rate: 1/s, message-size: 1KB }', // 4
    '  - { name: direct, to: a, rate: 1/s }', // 5
    '  - { name: later, to: b, rate: 1/s }', // 6
    '  - { name: failing, to: c, rate: 1/s }', // 7
    'exchanges:', // 8
    '  - { name: fan, type: fanout, to: [a, d] }', // 9
    'queues:', // 10
    '  - { name: a, service: 1ms, capacity-bytes: 1MB }', // 11: sized and direct
    '  - { name: b, service: 1ms, then: a }', // 12
    '  - { name: c, service: 1ms, capacity: 1, dead-letter: d }', // 13
    '  - { name: d, consumers: 0, capacity-bytes: 10MB }', // 14: sized via fan, failing via dead-letter
  );

  it('names the producers without message-size, reached directly, through a then or a dead-letter edge', () => {
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 11,
        column: 46,
        path: 'queues[0].capacity-bytes',
        severity: 'error',
        message: msg.capacityBytesNeedsSize('a', ['direct', 'later']),
      },
      {
        file: 'test.yaml',
        line: 14,
        column: 46,
        path: 'queues[3].capacity-bytes',
        severity: 'error',
        message: msg.capacityBytesNeedsSize('d', ['failing']),
      },
    ]);
  });

  it('names one producer in the singular', () => {
    expect(msg.capacityBytesNeedsSize('d', ['failing'])).toContain("from producer 'failing' can reach");
    expect(msg.capacityBytesNeedsSize('a', ['direct', 'later'])).toContain(
      "from producers 'direct' and 'later' can",
    );
  });
});

describe('consumer settings on a queue without consumers', () => {
  it.each([
    ['prefetch: 5', 'prefetch'],
    ['failure: { probability: 0.1 }', 'failure'],
    ['retry: { max-attempts: 3 }', 'retry'],
    ['timeout: 30s', 'timeout'],
    ['then: q', 'then'],
  ])('%s', (setting, key) => {
    const text = lines(
      'name: t', // 1
      'duration: 1m', // 2
      'producers:', // 3
      '  - { name: p, to: q, rate: 1/s }', // 4
      'queues:', // 5
      '  - { name: q, service: 1ms, dead-letter: dlq }', // 6
      '  - name: dlq', // 7
      `    ${setting}`, // 8
    );
    expect(allProblems(text)).toEqual([
      {
        file: 'test.yaml',
        line: 8,
        column: 7 + key.length,
        path: `queues[1].${key}`,
        severity: 'warning',
        message: msg.unusedWithoutConsumers('dlq', key),
      },
    ]);
  });
});

describe('max-priority', () => {
  const text = (types: string) =>
    lines(
      'name: t', // 1
      'duration: 1m', // 2
      'message-types:', // 3
      '  vip: { priority: 9 }', // 4
      'producers:', // 5
      `  - { name: p, to: q, rate: 1/s, types: ${types} }`, // 6
      'queues:', // 7
      '  - { name: q, service: 1ms, max-priority: 10 }', // 8
    );

  it('is used when a message type with a priority reaches the queue', () => {
    expect(allProblems(text('{ vip: 1, plain: 9 }'))).toEqual([]);
  });

  it('is unused when none does', () => {
    expect(allProblems(text('{ plain: 1 }'))).toEqual([
      {
        file: 'test.yaml',
        line: 4,
        column: 3,
        path: 'message-types.vip',
        severity: 'warning',
        message: msg.messageTypeNeverEmitted('vip', undefined),
      },
      {
        file: 'test.yaml',
        line: 8,
        column: 44,
        path: 'queues[0].max-priority',
        severity: 'warning',
        message: msg.maxPriorityUnused('q', 10),
      },
    ]);
  });
});
