import { describe, expect, it } from 'vitest';
import { toJson, writeJson } from '../../src/report/json.js';

describe('toJson', () => {
  it('is JSON.stringify with two-space indent, but keeps arrays of plain values on one line', () => {
    const value = {
      name: 'q',
      empty: {},
      none: [],
      series: [1, 2.5, null],
      buckets: [
        [0, 0, 3],
        [1, 2, 4],
      ],
      nested: { ci95: { 'sojourn.p99': [0.1, 0.2] } },
    };
    expect(toJson(value)).toBe(
      [
        '{',
        '  "name": "q",',
        '  "empty": {},',
        '  "none": [],',
        '  "series": [1, 2.5, null],',
        '  "buckets": [',
        '    [0, 0, 3],',
        '    [1, 2, 4]',
        '  ],',
        '  "nested": {',
        '    "ci95": {',
        '      "sojourn.p99": [0.1, 0.2]',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('follows JSON semantics: NaN and Infinity become null, undefined properties vanish', () => {
    const text = toJson({ a: NaN, b: Infinity, c: undefined, d: [undefined, 1] });
    expect(JSON.parse(text)).toEqual({ a: null, b: null, d: [null, 1] });
  });

  it('parses back to the same data', () => {
    const value = { queues: { a: { wait: { mean: 0.1, p50: null } } }, time: [0, 1.2, 2.4] };
    expect(JSON.parse(toJson(value))).toEqual(value);
  });
});

/** The formatter toJson replaced (a recursive one over a parsed copy): the reference for the fuzz below. */
function referenceJson(value: unknown): string {
  const format = (item: unknown, indent: string): string => {
    if (Array.isArray(item)) {
      if (item.length === 0) return '[]';
      if (item.every((x) => x === null || typeof x !== 'object'))
        return `[${item.map((x) => JSON.stringify(x)).join(', ')}]`;
      const inner = indent + '  ';
      return `[\n${item.map((x) => inner + format(x, inner)).join(',\n')}\n${indent}]`;
    }
    if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      if (entries.length === 0) return '{}';
      const inner = indent + '  ';
      return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${format(x, inner)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(item);
  };
  return format(JSON.parse(JSON.stringify(value) ?? 'null'), '') + '\n';
}

describe('toJson against the recursive formatter it replaced', () => {
  // Strings that could fool a scanner: brackets, braces, commas, quotes, escapes, newlines, spaces.
  const awkward = [
    '',
    ' ',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    '\\',
    '\\"',
    'a, b',
    '[1, 2]',
    '\n',
    'é ✓',
    '\u0000',
  ];

  function randomValue(next: () => number, depth: number): unknown {
    const pick = next();
    if (depth > 4 || pick < 0.35) {
      const scalars = [
        () => awkward[Math.floor(next() * awkward.length)],
        () => Math.round(next() * 1e6) / 1e3,
        () => -next() * 1e-9,
        () => [NaN, Infinity, -Infinity, 0, -0][Math.floor(next() * 5)],
        () => null,
        () => next() < 0.5,
        () => undefined,
      ];
      return scalars[Math.floor(next() * scalars.length)]();
    }
    const size = Math.floor(next() * 5);
    if (pick < 0.6) return Array.from({ length: size }, () => randomValue(next, depth + 1));
    if (pick < 0.65) return Float64Array.from({ length: size }, () => next());
    if (pick < 0.7) {
      const replacement = randomValue(next, depth + 1);
      return { toJSON: () => replacement };
    }
    const entries = Array.from({ length: size }, (_, i) => [
      `${awkward[Math.floor(next() * awkward.length)]}${i}`,
      randomValue(next, depth + 1),
    ]);
    return Object.fromEntries(entries);
  }

  it('gives the same bytes on 3,000 random values (fixed seed)', () => {
    let state = 20261204;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    for (let n = 0; n < 3000; n++) {
      const value = randomValue(next, 0);
      expect(toJson(value), JSON.stringify(value)).toBe(referenceJson(value));
    }
  });
});

describe('writeJson', () => {
  it('hands the text on in chunks of about 64 KB as it is made, which join to toJson', () => {
    const queues = Object.fromEntries(
      Array.from({ length: 2000 }, (_, i) => [`q${i}`, { series: [i, i / 3, null], wait: { p99: i / 7 } }]),
    );
    const chunks: string[] = [];
    writeJson({ queues }, (chunk) => chunks.push(chunk));
    expect(chunks.join('')).toBe(toJson({ queues }));
    expect(chunks.length).toBeGreaterThan(3);
    // Every chunk but the last is at least 64 K characters and at most one piece (a line) more.
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.length).toBeGreaterThanOrEqual(64 * 1024);
      expect(chunk.length).toBeLessThan(64 * 1024 + 200);
    }
    expect(chunks[chunks.length - 1].endsWith('\n')).toBe(true);
  });
});
