/** Topic binding patterns match as RabbitMQ documents, and bad patterns get located errors. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topicMatches, topicPatternProblem } from '../../src/scenario/topic-pattern.js';
import { problemAt, problemsOf } from './helpers.js';

/**
 * A reference matcher built differently from the one under test: a regular expression over the key with a
 * dot before every word, so `#` (zero or more words) is `(\.[^.]*)*` and `*` is `\.[^.]*`.
 */
function referenceMatches(pattern: string, key: string): boolean {
  const words = pattern === '' ? [] : pattern.split('.');
  const body = words
    .map((word) =>
      word === '#' ? '(?:\\.[^.]*)*' : word === '*' ? '\\.[^.]*' : `\\.${word.replace(/[-]/g, '\\-')}`,
    )
    .join('');
  const dotted = key === '' ? '' : `.${key}`;
  return new RegExp(`^${body}$`).test(dotted);
}

// The cases of https://www.rabbitmq.com/tutorials/tutorial-five (the animals' routing keys) and edge cases.
const cases: [pattern: string, key: string, matches: boolean][] = [
  ['*.orange.*', 'quick.orange.rabbit', true],
  ['*.*.rabbit', 'quick.orange.rabbit', true],
  ['lazy.#', 'lazy.orange.elephant', true],
  ['*.orange.*', 'quick.orange.fox', true],
  ['lazy.#', 'lazy.brown.fox', true],
  ['*.*.rabbit', 'lazy.pink.rabbit', true],
  ['lazy.#', 'lazy.pink.rabbit', true],
  ['*.orange.*', 'quick.brown.fox', false],
  ['*.*.rabbit', 'quick.brown.fox', false],
  ['lazy.#', 'quick.brown.fox', false],
  ['*.orange.*', 'orange', false],
  ['*.orange.*', 'quick.orange.new.rabbit', false],
  ['lazy.#', 'lazy.orange.new.rabbit', true],
  ['*.*.rabbit', 'lazy.orange.new.rabbit', false],
  ['lazy.#', 'lazy', true], // # matches zero words
  ['#', 'anything.at.all', true],
  ['#', 'one', true],
  ['#.failed', 'failed', true],
  ['#.failed', 'payment.card.failed', true],
  ['a.#.b', 'a.b', true],
  ['a.#.b', 'a.x.y.b', true],
  ['a.#.b', 'a.b.c', false],
  ['a.#.#.b', 'a.b', true],
  ['#.#', 'a', true],
  ['*', 'a.b', false],
  ['*.*', 'a', false],
  ['*', 'a', true],
  ['order.placed', 'order.placed', true],
  ['order.placed', 'order.placedx', false],
  ['order', 'order.placed', false],
  ['a..b', 'a..b', true], // an empty word is a word
  ['a.*.b', 'a..b', true],
  ['a.#', 'a.', true],
];

describe('topic pattern matching', () => {
  it.each(cases)('%s against %s is %s', (pattern, key, matches) => {
    expect(topicMatches(pattern, key)).toBe(matches);
    expect(referenceMatches(pattern, key)).toBe(matches);
  });

  const word = fc.constantFrom('a', 'b', 'c', '', 'order');
  const patternWord = fc.oneof(word, fc.constant('*'), fc.constant('#'));
  const key = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join('.'));
  const pattern = fc.array(patternWord, { minLength: 1, maxLength: 6 }).map((words) => words.join('.'));

  it('agrees with a regular-expression reference on random patterns and keys', () => {
    fc.assert(
      fc.property(pattern, key, (p, k) => topicMatches(p, k) === referenceMatches(p, k)),
      { seed: 16, numRuns: 5000 },
    );
  });

  it('a pattern without wildcards matches exactly itself, and # matches every key', () => {
    fc.assert(
      fc.property(key, key, (k1, k2) => topicMatches(k1, k2) === (k1 === k2) && topicMatches('#', k2)),
      { seed: 16, numRuns: 2000 },
    );
  });

  it('refuses wildcards inside words and characters a type cannot have', () => {
    expect(topicPatternProblem('order.*')).toBeUndefined();
    expect(topicPatternProblem('#.failed')).toBeUndefined();
    expect(topicPatternProblem('order*')).toMatch(/whole words/);
    expect(topicPatternProblem('a.b#')).toMatch(/whole words/);
    expect(topicPatternProblem('a b')).toMatch(/letters, digits/);
    expect(topicPatternProblem('x'.repeat(256))).toMatch(/longer than 255/);
  });
});

const TOPIC = (binding: string, type = 'topic') => `name: t
duration: 1m
producers:
  - { name: shop, to: events, rate: 10/s, types: { order.placed: 1 } }
exchanges:
  - name: events
    type: ${type}
    to:
      - ${binding}
queues:
  - { name: orders, consumers: 1, service: 10ms }
`;

describe('topic exchanges in a scenario', () => {
  it('locates a bad pattern', () => {
    const problem = problemAt(
      problemsOf(TOPIC('{ queue: orders, patterns: ["order*"] }')),
      'exchanges[0].to[0].patterns[0]',
    );
    expect([problem.line, problem.column]).toEqual([9, 37]);
    expect(problem.message).toMatch(/'\*' and '#' are wildcards only as whole words/);
  });

  it('wants patterns, not types, on a topic binding, and patterns only there', () => {
    expect(problemAt(problemsOf(TOPIC('{ queue: orders }')), 'exchanges[0].to[0]').message).toMatch(
      /without 'patterns'/,
    );
    expect(
      problemAt(problemsOf(TOPIC('{ queue: orders, types: [order.placed] }')), 'exchanges[0].to[0].types')
        .message,
    ).toMatch(/routes by 'patterns', not 'types'/);
    expect(
      problemAt(
        problemsOf(TOPIC('{ queue: orders, patterns: [order.*] }', 'direct')),
        'exchanges[0].to[0].patterns',
      ).message,
    ).toMatch(/direct exchange 'events' ignores 'patterns'/);
  });

  it('wants typed producers (the type is the routing key)', () => {
    const text = TOPIC('{ queue: orders, patterns: ["#"] }').replace(', types: { order.placed: 1 }', '');
    expect(problemAt(problemsOf(text), 'producers[0].to').message).toMatch(
      /topic exchange 'events' but has no 'types'/,
    );
  });
});
