import { describe, expect, it } from 'vitest';
import { parseTimestampMs } from '../../src/trace/index.js';

describe('parseTimestampMs', () => {
  const base = Date.UTC(2026, 10, 23, 9, 0, 0);

  it('reads ISO-8601 date-times, UTC when no offset is given', () => {
    expect(parseTimestampMs('2026-11-23T09:00:00Z')).toBe(base);
    expect(parseTimestampMs('2026-11-23T09:00:00')).toBe(base);
    expect(parseTimestampMs('2026-11-23 09:00:00.250Z')).toBe(base + 250);
    expect(parseTimestampMs('2026-11-23T10:30:00+01:30')).toBe(base);
    expect(parseTimestampMs('2026-11-23T04:00:00-0500')).toBe(base);
    expect(parseTimestampMs('2026-11-23T09:00Z')).toBe(base);
    expect(parseTimestampMs('2026-11-23')).toBe(Date.UTC(2026, 10, 23));
  });

  it('keeps fractions finer than a millisecond', () => {
    expect(parseTimestampMs('2026-11-23T09:00:00.0005Z')).toBeCloseTo(base + 0.5, 6);
  });

  it('reads epoch milliseconds, as text or as a number', () => {
    expect(parseTimestampMs(String(base))).toBe(base);
    expect(parseTimestampMs(base + 0.25)).toBe(base + 0.25);
    expect(parseTimestampMs(' 1500.5 ')).toBe(1500.5);
  });

  it('rejects anything else, impossible dates included', () => {
    for (const bad of [
      '',
      'yesterday',
      '2026-13-01T00:00:00Z',
      '2026-02-30',
      '2026-11-23T25:00:00Z',
      '12:00',
    ]) {
      expect(parseTimestampMs(bad), bad).toBeUndefined();
    }
    expect(parseTimestampMs(Number.NaN)).toBeUndefined();
    expect(parseTimestampMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });
});
