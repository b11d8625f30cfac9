/** The message-queue keys of issue 3, normalised: types, sizes, exchanges, overflow, TTL, retries, routes. */
import { describe, expect, it } from 'vitest';
import { parseScenario, type QueueSpec, type Scenario } from '../../src/scenario/index.js';
import { lines, PRODUCER_DEFAULTS, QUEUE_DEFAULTS, scenarioText } from './helpers.js';

/** The normalised scenario of a text that must load without warnings. */
function load(text: string): Scenario {
  const { scenario, warnings } = parseScenario(text, 't.yaml');
  expect(warnings).toEqual([]);
  return scenario;
}

/** Queue `q` written with these extra lines (it has a service, so one consumer). */
function queue(extra: string): QueueSpec {
  return load(scenarioText({ queue: `    service: 20ms\n${extra}` })).queues[0];
}

describe('the issue example, normalised', () => {
  const text = lines(
    'name: shop',
    'duration: 10m',
    'message-types:',
    '  vip_order: { priority: 9 }',
    'producers:',
    '  - { name: checkout, to: orders, rate: 40/s }',
    '  - name: shop',
    '    to: order-events',
    '    rate: 20/s',
    '    types: { order_placed: 0.5, vip_order: 0.3, order_cancelled: 0.2 }',
    '    message-size: { distribution: lognormal, mean: 4KB, cv: 1 }',
    'exchanges:',
    '  - { name: orders, type: fanout, to: [billing, email] }',
    '  - name: order-events',
    '    type: direct',
    '    to:',
    '      - { queue: billing, types: [order_placed, vip_order] }',
    '      - { queue: refunds, types: [order_cancelled] }',
    'queues:',
    '  - name: billing',
    '    capacity: 500',
    '    capacity-bytes: 10MB',
    '    overflow: drop-oldest',
    '    ttl: 30s',
    '    dead-letter: billing-dlq',
    '    consumers: 6',
    '    prefetch: 1',
    '    service: { distribution: lognormal, mean: 80ms, cv: 1.2 }',
    '    failure: { probability: 0.02 }',
    '    retry: { max-attempts: 5, backoff: 1s, multiplier: 2, max-backoff: 1m }',
    '    timeout: 30s',
    '    max-priority: 10',
    '    then: [{ to: ledger, probability: 0.9 }, { to: fraud-check, probability: 0.1 }]',
    '  - { name: billing-dlq }',
    '  - { name: ledger, consumers: 2, service: 5ms }',
    '  - { name: fraud-check, consumers: 1, service: 50ms }',
    '  - { name: refunds, consumers: 1, service: 50ms }',
    '  - { name: email, capacity: 2000, consumers: 2, service: { distribution: exponential, mean: 20ms } }',
  );

  it('loads without warnings into the normalised types', () => {
    // capacity-bytes on billing: checkout reaches it too and has no message-size, so give it one here.
    const sized = text.replace(
      '{ name: checkout, to: orders, rate: 40/s }',
      '{ name: checkout, to: orders, rate: 40/s, message-size: 512B }',
    );
    const scenario = load(sized);
    expect(scenario.messageTypes).toEqual([{ name: 'vip_order', priority: 9 }]);
    expect(scenario.producers).toEqual([
      {
        name: 'checkout',
        to: 'orders',
        interarrival: { kind: 'exponential', mean: 0.025 },
        types: [],
        messageBytes: { kind: 'constant', value: 512 },
      },
      {
        name: 'shop',
        to: 'order-events',
        interarrival: { kind: 'exponential', mean: 0.05 },
        types: [
          { type: 'order_placed', probability: 0.5 },
          { type: 'vip_order', probability: 0.3 },
          { type: 'order_cancelled', probability: 0.2 },
        ],
        messageBytes: { kind: 'lognormal', mean: 4000, cv: 1 },
      },
    ]);
    expect(scenario.exchanges).toEqual([
      {
        name: 'orders',
        type: 'fanout',
        bindings: [
          { queue: 'billing', types: null },
          { queue: 'email', types: null },
        ],
      },
      {
        name: 'order-events',
        type: 'direct',
        bindings: [
          { queue: 'billing', types: ['order_placed', 'vip_order'] },
          { queue: 'refunds', types: ['order_cancelled'] },
        ],
      },
    ]);
    expect(scenario.queues[0]).toEqual({
      name: 'billing',
      capacity: 500,
      capacityBytes: 10e6,
      overflow: 'drop-oldest',
      ttlSeconds: 30,
      deadLetter: 'billing-dlq',
      consumers: 6,
      service: { kind: 'lognormal', mean: 0.08, cv: 1.2 },
      prefetch: 1,
      failureProbability: 0.02,
      retry: { maxAttempts: 5, backoffSeconds: 1, multiplier: 2, maxBackoffSeconds: 60 },
      timeoutSeconds: 30,
      maxPriority: 10,
      then: [
        { to: 'ledger', probability: 0.9 },
        { to: 'fraud-check', probability: 0.1 },
      ],
    });
    expect(scenario.queues[1]).toEqual({
      name: 'billing-dlq',
      ...QUEUE_DEFAULTS,
      consumers: 0,
      service: null,
    });
  });

  it('returns plain JSON-safe data', () => {
    const { scenario } = parseScenario(text.replace('    capacity-bytes: 10MB\n', ''), 't.yaml');
    expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
  });
});

describe('producers: types and message sizes', () => {
  const producer = (extra: string) =>
    load(scenarioText({ producer: `    rate: 10/s\n${extra}` })).producers[0];

  it('type weights become probabilities summing to 1, in the order written', () => {
    const { types } = producer('    types: { b: 3, a: 1, c: 4 }\n');
    expect(types.map((share) => share.type)).toEqual(['b', 'a', 'c']);
    expect(types.map((share) => share.probability)).toEqual([0.375, 0.125, 0.5]);
  });

  it('weights already summing to 1 are kept', () => {
    expect(producer('    types: { order_placed: 0.7, order_cancelled: 0.3 }\n').types).toEqual([
      { type: 'order_placed', probability: 0.7 },
      { type: 'order_cancelled', probability: 0.3 },
    ]);
  });

  it('a single type has probability 1', () => {
    expect(producer('    types: { only: 5 }\n').types).toEqual([{ type: 'only', probability: 1 }]);
  });

  it('without types or message-size: untyped messages of no modelled size', () => {
    expect(producer('')).toMatchObject(PRODUCER_DEFAULTS);
  });

  it.each([
    ['2KB', 2000],
    ['2 KB', 2000],
    ['4KiB', 4096],
    ['1.5MB', 1.5e6],
    ['1MiB', 1048576],
    ['1GB', 1e9],
    ['1GiB', 1073741824],
    ['300B', 300],
    ['300', 300],
  ])('message-size: %s is a constant of %d bytes', (written, bytes) => {
    expect(producer(`    message-size: ${written}\n`).messageBytes).toEqual({
      kind: 'constant',
      value: bytes,
    });
  });

  it.each<[string, unknown]>([
    ['{ distribution: lognormal, mean: 4KB, cv: 1 }', { kind: 'lognormal', mean: 4000, cv: 1 }],
    ['{ distribution: exponential, mean: 1KiB }', { kind: 'exponential', mean: 1024 }],
    ['{ distribution: uniform, min: 1KB, max: 1MB }', { kind: 'uniform', min: 1000, max: 1e6 }],
    ['{ distribution: normal, mean: 2KB, sd: 200B }', { kind: 'normal', mean: 2000, sd: 200 }],
    ['{ distribution: gamma, mean: 8KB, cv: 0.5 }', { kind: 'gamma', mean: 8000, cv: 0.5 }],
    ['{ distribution: erlang, k: 2, mean: 1KB }', { kind: 'erlang', k: 2, mean: 1000 }],
    ['{ distribution: weibull, shape: 2, scale: 1KB }', { kind: 'weibull', shape: 2, scale: 1000 }],
    ['{ distribution: constant, value: 2KiB }', { kind: 'constant', value: 2048 }],
    [
      '{ distribution: empirical, values: [1KB, 2KB, 64KB] }',
      { kind: 'empirical', values: [1000, 2000, 64000] },
    ],
  ])('message-size: %s is in bytes', (written, spec) => {
    expect(producer(`    message-size: ${written}\n`).messageBytes).toEqual(spec);
  });
});

describe('exchanges', () => {
  it('fanout bindings listed by name route every message (types null); a mapping without types too', () => {
    const text = lines(
      'name: t',
      'duration: 1m',
      'producers:',
      '  - { name: p, to: x, rate: 1/s }',
      'exchanges:',
      '  - { name: x, type: fanout, to: [a, { queue: b }] }',
      'queues:',
      '  - { name: a, service: 1ms }',
      '  - { name: b, service: 1ms }',
    );
    expect(load(text).exchanges).toEqual([
      {
        name: 'x',
        type: 'fanout',
        bindings: [
          { queue: 'a', types: null },
          { queue: 'b', types: null },
        ],
      },
    ]);
  });

  it('no exchanges key: an empty list', () => {
    expect(load(scenarioText()).exchanges).toEqual([]);
  });
});

describe('queues: limits, overflow, TTL, dead-lettering, consumers', () => {
  it.each([
    ['reject-new', 'reject-new'],
    ['drop-oldest', 'drop-oldest'],
    ['block', 'block'],
    ['reject-publish', 'reject-new'],
    ['drop-head', 'drop-oldest'],
  ])('overflow: %s is reported as %s', (written, canonical) => {
    expect(queue(`    capacity: 10\n    overflow: ${written}\n`).overflow).toBe(canonical);
  });

  it('overflow: reject-publish-dlx is reject-new with a dead-letter queue', () => {
    const text =
      scenarioText({
        queue: '    service: 1ms\n    capacity: 10\n    overflow: reject-publish-dlx\n    dead-letter: dlq\n',
      }) + '  - { name: dlq }\n';
    expect(load(text).queues[0]).toMatchObject({ overflow: 'reject-new', deadLetter: 'dlq' });
  });

  it.each([
    ['10MB', 1e7],
    ['10MiB', 10 * 1024 ** 2],
    ['64KB', 64000],
    ['1000000', 1e6],
    ['0', 0],
  ])('capacity-bytes: %s is %d bytes', (written, bytes) => {
    const text = scenarioText({
      producer: '    rate: 1/s\n    message-size: 1KB\n',
      queue: `    service: 1ms\n    capacity-bytes: ${written}\n`,
    });
    expect(load(text).queues[0].capacityBytes).toBe(bytes);
  });

  it('ttl, timeout and prefetch in their units', () => {
    expect(queue('    ttl: 1.5m\n    timeout: 250ms\n    prefetch: 20\n')).toMatchObject({
      ttlSeconds: 90,
      timeoutSeconds: 0.25,
      prefetch: 20,
    });
  });

  it('max-priority, with a message type that has a priority', () => {
    const text = scenarioText({
      top: 'message-types:\n  vip: { priority: 255 }\n',
      producer: '    rate: 1/s\n    types: { vip: 1, plain: 9 }\n',
      queue: '    service: 1ms\n    max-priority: 255\n',
    });
    expect(load(text).queues[0].maxPriority).toBe(255);
  });

  it('failure: { probability } becomes failureProbability; 0 is allowed', () => {
    expect(queue('    failure: { probability: 0.05 }\n').failureProbability).toBe(0.05);
    expect(queue('    failure: { probability: 0 }\n').failureProbability).toBe(0);
  });

  it('a holding queue without consumers keeps every default', () => {
    const text = scenarioText() + '  - { name: dlq }\n';
    const withDeadLetter = text.replace('    service: 20ms\n', '    service: 20ms\n    dead-letter: dlq\n');
    expect(load(withDeadLetter).queues[1]).toEqual({
      name: 'dlq',
      ...QUEUE_DEFAULTS,
      consumers: 0,
      service: null,
    });
  });
});

describe('retry: every key optional, defaults filled in', () => {
  it.each<[string, QueueSpec['retry']]>([
    ['{}', { maxAttempts: null, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null }],
    [
      '{ max-attempts: unlimited }',
      { maxAttempts: null, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null },
    ],
    ['{ max-attempts: 1 }', { maxAttempts: 1, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null }],
    [
      '{ backoff: 500ms }',
      { maxAttempts: null, backoffSeconds: 0.5, multiplier: 1, maxBackoffSeconds: null },
    ],
    [
      '{ backoff: 1s, multiplier: 2 }',
      { maxAttempts: null, backoffSeconds: 1, multiplier: 2, maxBackoffSeconds: null },
    ],
    ['{ max-backoff: 1m }', { maxAttempts: null, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: 60 }],
    [
      '{ max-attempts: 5, backoff: 1s, multiplier: 2, max-backoff: 1m }',
      { maxAttempts: 5, backoffSeconds: 1, multiplier: 2, maxBackoffSeconds: 60 },
    ],
  ])('retry: %s', (written, retry) => {
    expect(queue(`    failure: { probability: 0.1 }\n    retry: ${written}\n`).retry).toEqual(retry);
  });

  it('no retry key: unlimited immediate redelivery', () => {
    expect(queue('').retry).toEqual(QUEUE_DEFAULTS.retry);
  });
});

describe('then: every form becomes a list of routes', () => {
  const routes = (written: string) => {
    const text =
      scenarioText({ queue: `    service: 1ms\n    then: ${written}\n` }) +
      '  - { name: ledger, service: 1ms }\n  - { name: fraud, service: 1ms }\n';
    return parseScenario(text, 't.yaml').scenario.queues[0].then; // a queue left out is unfed: a warning
  };

  it.each<[string, QueueSpec['then']]>([
    ['ledger', [{ to: 'ledger', probability: 1 }]],
    ['{ to: ledger }', [{ to: 'ledger', probability: 1 }]],
    ['{ to: ledger, probability: 0.9 }', [{ to: 'ledger', probability: 0.9 }]],
    ['[ledger]', [{ to: 'ledger', probability: 1 }]],
    [
      '[{ to: ledger, probability: 0.9 }, { to: fraud, probability: 0.1 }]',
      [
        { to: 'ledger', probability: 0.9 },
        { to: 'fraud', probability: 0.1 },
      ],
    ],
    [
      '[{ to: ledger, probability: 0.5 }, { to: fraud, probability: 0.25 }]',
      [
        { to: 'ledger', probability: 0.5 },
        { to: 'fraud', probability: 0.25 },
      ],
    ],
  ])('then: %s', (written, expected) => {
    expect(routes(written)).toEqual(expected);
  });

  it('then may name an exchange', () => {
    const text = lines(
      'name: t',
      'duration: 1m',
      'producers:',
      '  - { name: p, to: a, rate: 1/s }',
      'exchanges:',
      '  - { name: x, type: fanout, to: [b, c] }',
      'queues:',
      '  - { name: a, service: 1ms, then: x }',
      '  - { name: b, service: 1ms }',
      '  - { name: c, service: 1ms }',
    );
    expect(load(text).queues[0].then).toEqual([{ to: 'x', probability: 1 }]);
  });

  it('no then: the message leaves the system', () => {
    expect(queue('').then).toEqual([]);
  });
});

describe('message types', () => {
  it('declared types keep the order written', () => {
    const text = scenarioText({
      top: 'message-types:\n  low: { priority: 0 }\n  vip: { priority: 9 }\n',
      producer: '    rate: 1/s\n    types: { vip: 1, low: 1 }\n',
    });
    expect(load(text).messageTypes).toEqual([
      { name: 'low', priority: 0 },
      { name: 'vip', priority: 9 },
    ]);
  });
});
