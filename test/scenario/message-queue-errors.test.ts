/** Values of the issue-3 keys that the schema refuses, each located at the value (or key) as written. */
import { describe, expect, it } from 'vitest';
import * as msg from '../../src/scenario/messages.js';
import { lines, positionOf, problemAt, problemsOf, scenarioText } from './helpers.js';

/** Expects an error at `path`, placed where `needle` is written (searched after `after`), with `message`. */
function expectErrorAt(text: string, path: string, needle: string, message: string, after = '') {
  const problem = problemAt(problemsOf(text), path);
  expect(problem).toMatchObject({ severity: 'error', message, ...positionOf(text, needle, after) });
}

describe('queue keys', () => {
  const text = (line: string) => scenarioText({ queue: `    service: 1ms\n    ${line}\n` });

  it.each([
    ['ttl: 0', 'ttl', '0', msg.durationOutOfRange('> 0', 0)],
    ['ttl: 0s', 'ttl', '0s', msg.durationOutOfRange('> 0', '0s')],
    ['ttl: forever', 'ttl', 'forever', msg.expectedDuration('forever')],
    ['timeout: 0ms', 'timeout', '0ms', msg.durationOutOfRange('> 0', '0ms')],
    ['timeout: -1', 'timeout', '-1', msg.durationOutOfRange('> 0', -1)],
    ['prefetch: 0', 'prefetch', '0', msg.expectedInteger('>= 1', 0)],
    ['prefetch: 2.5', 'prefetch', '2.5', msg.expectedInteger('>= 1', 2.5)],
    ['max-priority: 256', 'max-priority', '256', msg.expectedInteger('from 0 to 255', 256)],
    ['max-priority: -1', 'max-priority', '-1', msg.expectedInteger('from 0 to 255', -1)],
    ['max-priority: high', 'max-priority', 'high', msg.expectedInteger('from 0 to 255', 'high')],
    ['capacity-bytes: 10mb', 'capacity-bytes', '10mb', msg.expectedSize('10mb')],
    ['capacity-bytes: 1TB', 'capacity-bytes', '1TB', msg.expectedSize('1TB')],
    ['capacity-bytes: -5', 'capacity-bytes', '-5', msg.sizeOutOfRange('>= 0', -5)],
    ['dead-letter: my dlq', 'dead-letter', 'my dlq', msg.expectedName('my dlq')],
    ['failure: 0.02', 'failure', '0.02', msg.expectedMapping('a failure setting', 0.02)],
    ['failure: { probability: 1 }', 'failure.probability', '1 }', msg.failureAlwaysFails()],
    [
      'failure: { probability: 1.5 }',
      'failure.probability',
      '1.5',
      msg.expectedProbability('>= 0 and < 1', 1.5),
    ],
    [
      'failure: { probability: -0.1 }',
      'failure.probability',
      '-0.1',
      msg.expectedProbability('>= 0 and < 1', -0.1),
    ],
    ['failure: {}', 'failure.probability', '{}', msg.missingKey('probability')],
    ['retry: { max-attempts: 0 }', 'retry.max-attempts', '0', msg.expectedMaxAttempts(0)],
    ['retry: { max-attempts: 2.5 }', 'retry.max-attempts', '2.5', msg.expectedMaxAttempts(2.5)],
    ['retry: { max-attempts: forever }', 'retry.max-attempts', 'forever', msg.expectedMaxAttempts('forever')],
    ['retry: { multiplier: 0.5 }', 'retry.multiplier', '0.5', msg.expectedNumber('>= 1', 0.5)],
    ['retry: { backoff: -1s }', 'retry.backoff', '-1s', msg.expectedDuration('-1s')],
    ['retry: { max-backoff: 0 }', 'retry.max-backoff', '0', msg.durationOutOfRange('> 0', 0)],
    ['retry: { backof: 1s }', 'retry.backof', 'backof', "unknown key; did you mean 'backoff'?"],
    ['then: 5', 'then', '5', msg.expectedRoutes(5)],
    ['then: my queue', 'then', 'my queue', msg.expectedName('my queue')],
    ['then: []', 'then', '[]', msg.emptyList('routes')],
    ['then: [5]', 'then[0]', '5', msg.expectedRoute(5)],
    ['then: { to: q, probability: 0 }', 'then.probability', '0', msg.expectedProbability('> 0 and <= 1', 0)],
    [
      'then: [{ to: q, probability: 1.5 }]',
      'then[0].probability',
      '1.5',
      msg.expectedProbability('> 0 and <= 1', 1.5),
    ],
    [
      'then: { to: q, chance: 0.5 }',
      'then.chance',
      'chance',
      "unknown key; expected one of: 'to', 'probability'",
    ],
  ])('%s', (line, field, needle, message) => {
    // Values are searched after the key, so `0` is not found in `10m` or the like.
    expectErrorAt(text(line), `queues[0].${field}`, needle, message, `    ${line.split(':')[0]}:`);
  });

  it('a route without `to` points at the route', () => {
    const written = text('then: { probability: 0.5 }');
    expectErrorAt(written, 'queues[0].then.to', '{ probability', msg.missingKey('to'));
  });
});

describe('producer keys', () => {
  const text = (line: string) => scenarioText({ producer: `    rate: 1/s\n    ${line}\n` });

  it.each([
    ['types: {}', 'types', '{}', msg.emptyMapping('types')],
    ['types: [a, b]', 'types', '[a, b]', msg.expectedMapping('types', ['a', 'b'])],
    ['types: { a: 0 }', 'types.a', '0', msg.expectedNumber('> 0', 0)],
    ['types: { a: -1, b: 1 }', 'types.a', '-1', msg.expectedNumber('> 0', -1)],
    ['types: { a: lots }', 'types.a', 'lots', msg.expectedNumber('> 0', 'lots')],
    ['types: { "a b": 1 }', 'types["a b"]', '"a b"', msg.expectedName('a b')],
    ['message-size: big', 'message-size', 'big', msg.expectedSizeDistribution('big')],
    ['message-size: 2kb', 'message-size', '2kb', msg.expectedSizeDistribution('2kb')],
    ['message-size: -1', 'message-size', '-1', msg.sizeOutOfRange('>= 0', -1)],
    [
      'message-size: { distribution: lognormal, mean: 4kb, cv: 1 }',
      'message-size.mean',
      '4kb',
      msg.expectedSize('4kb'),
    ],
    [
      'message-size: { distribution: lognormal, mean: 0KB, cv: 1 }',
      'message-size.mean',
      '0KB',
      msg.sizeOutOfRange('> 0', '0KB'),
    ],
    [
      'message-size: { distribution: lognormal, mean: 20ms, cv: 1 }',
      'message-size.mean',
      '20ms',
      msg.expectedSize('20ms'),
    ],
    [
      'message-size: { distribution: exponential, mean: 1KB, rate: 5/s }',
      'message-size.rate',
      'rate',
      "unknown key; expected one of: 'distribution', 'mean'",
    ],
    [
      'message-size: { distribution: lognormall, mean: 1KB, cv: 1 }',
      'message-size.distribution',
      'lognormall',
      msg.unknownDistribution(
        'lognormall',
        [
          'exponential',
          'constant',
          'uniform',
          'normal',
          'lognormal',
          'gamma',
          'erlang',
          'weibull',
          'empirical',
        ],
        'lognormal',
      ),
    ],
  ])('%s', (line, field, needle, message) => {
    expectErrorAt(text(line), `producers[0].${field}`, needle, message, `    ${line.split(':')[0]}:`);
  });

  it('a time distribution rejects sizes', () => {
    const written = scenarioText({ producer: '    interarrival: 2KB\n' });
    expectErrorAt(written, 'producers[0].interarrival', '2KB', msg.expectedDistribution('2KB'));
  });
});

describe('exchange keys', () => {
  const text = (type: string, to: string) =>
    lines(
      'name: t',
      'duration: 1m',
      'producers:',
      '  - { name: p, to: x, rate: 1/s }',
      'exchanges:',
      '  - name: x',
      ...(type === '' ? [] : [`    type: ${type}`]),
      ...(to === '' ? [] : [`    to: ${to}`]),
      'queues:',
      '  - { name: a, service: 1ms }',
    );

  it.each([
    [
      'headers',
      '[a]',
      'exchanges[0].type',
      'headers',
      msg.expectedOneOf(['fanout', 'direct', 'topic'], 'headers', undefined),
    ],
    [
      'fanuot',
      '[a]',
      'exchanges[0].type',
      'fanuot',
      msg.expectedOneOf(['fanout', 'direct', 'topic'], 'fanuot', 'fanout'),
    ],
    ['', '[a]', 'exchanges[0].type', 'name: x', msg.missingKey('type')],
    ['fanout', '', 'exchanges[0].to', 'name: x', msg.missingKey('to')],
    ['fanout', '[]', 'exchanges[0].to', '[]', msg.emptyList('bindings')],
    ['fanout', 'a', 'exchanges[0].to', 'a\n', msg.expectedList('bindings', 'a')],
    ['fanout', '[5]', 'exchanges[0].to[0]', '5', msg.expectedBinding(5)],
    ['direct', '[{ queue: a, types: [] }]', 'exchanges[0].to[0].types', '[]', msg.emptyList('types')],
    ['direct', '[{ queue: a, types: [x y] }]', 'exchanges[0].to[0].types[0]', 'x y', msg.expectedName('x y')],
    [
      'direct',
      '[{ queue: a, typs: [t] }]',
      'exchanges[0].to[0].typs',
      'typs',
      "unknown key; did you mean 'types'?",
    ],
  ])('type: %j, to: %j', (type, to, path, needle, message) => {
    expectErrorAt(text(type, to), path, needle, message, 'exchanges:');
  });

  it('exchanges must be a non-empty list when given', () => {
    const written = scenarioText({ top: 'exchanges: []\n' });
    expectErrorAt(written, 'exchanges', '[]', msg.emptyList('exchanges'));
  });
});

describe('message types', () => {
  const text = (block: string) =>
    scenarioText({ top: `message-types:${block}\n`, producer: '    rate: 1/s\n    types: { vip: 1 }\n' });

  it.each([
    [
      ' { vip: { priority: 256 } }',
      'message-types.vip.priority',
      '256',
      msg.expectedInteger('from 0 to 255', 256),
    ],
    [
      ' { vip: { priority: 1.5 } }',
      'message-types.vip.priority',
      '1.5',
      msg.expectedInteger('from 0 to 255', 1.5),
    ],
    [' { vip: 9 }', 'message-types.vip', '9', msg.expectedMapping('a message type', 9)],
    [' { vip: {} }', 'message-types.vip.priority', '{}', msg.missingKey('priority')],
    [' {}', 'message-types', '{}', msg.emptyMapping('message-types')],
    [' [vip]', 'message-types', '[vip]', msg.expectedMapping('message-types', ['vip'])],
    [
      ' { vip: { priority: 1 }, "bad key": { priority: 1 } }',
      'message-types["bad key"]',
      '"bad key"',
      msg.expectedName('bad key'),
    ],
    [
      ' { vip: { priorty: 1 } }',
      'message-types.vip.priorty',
      'priorty',
      "unknown key; did you mean 'priority'?",
    ],
  ])('message-types:%s', (block, path, needle, message) => {
    expectErrorAt(text(block), path, needle, message, 'message-types:');
  });
});
