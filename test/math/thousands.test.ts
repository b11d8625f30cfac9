import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands } from '../../src/math/thousands.js';

const icu = (value: number) => value.toLocaleString('en-US');

describe('groupThousands', () => {
  it('writes what toLocaleString("en-US") writes, for integers', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.maxSafeInteger()),
        (integer) => groupThousands(integer) === icu(integer),
      ),
      { numRuns: 5000 },
    );
  });

  it('writes what toLocaleString("en-US") writes, for decimals and any double', () => {
    const decimals = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(1, 10, 100, 1000, 1e4))
      .map(([units, scale]) => units / scale);
    fc.assert(
      fc.property(
        fc.oneof(decimals, fc.double({ noNaN: false })),
        (value) => groupThousands(value) === icu(value),
      ),
      { numRuns: 5000 },
    );
  });

  it('places the commas at every length and sign', () => {
    const cases = [0, 7, 12, 123, 1234, 12_345, 123_456, 1_234_567, 1e9, 2 ** 53 - 1, 0.35, 1234.5, 0.001];
    for (const value of [...cases, ...cases.map((v) => -v)]) expect(groupThousands(value)).toBe(icu(value));
    expect(groupThousands(1_234_567)).toBe('1,234,567');
    expect(groupThousands(-1000.25)).toBe('-1,000.25');
  });

  it('leaves −0, huge, long and non-finite values to ICU', () => {
    for (const value of [-0, 2 ** 53, 1e21, 3.14159, 1e-7, Infinity, -Infinity, NaN]) {
      expect(groupThousands(value)).toBe(icu(value));
    }
  });
});
