import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/report/json.js';

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
