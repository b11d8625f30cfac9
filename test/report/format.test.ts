/** Human formatting: values below a format's resolution print as 0 (issue 18: floating-point residue). */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatSeconds } from '../../src/report/format.js';

describe('format', () => {
  it('prints residue below the resolution as 0', () => {
    expect(formatNumber(2.85e-16)).toBe('0');
    expect(formatNumber(-3e-12)).toBe('0');
    expect(formatSeconds(2.85e-17)).toBe('0'); // was "2.85e-11µs"
    expect(formatSeconds(-4e-13)).toBe('0');
    expect(formatPercent(1e-12)).toBe('0%');
  });

  it('keeps values at or above the resolution, in plain notation', () => {
    expect(formatNumber(1e-6)).toBe('0.000001');
    expect(formatNumber(2.5e-5)).toBe('0.000025');
    expect(formatSeconds(1e-9)).toBe('0.001µs');
    expect(formatSeconds(2.5e-7)).toBe('0.25µs');
    expect(formatPercent(1e-6)).toBe('0.0001%');
  });

  it('formats ordinary values as before', () => {
    expect(formatSeconds(0)).toBe('0');
    expect(formatSeconds(850e-6)).toBe('850µs');
    expect(formatSeconds(0.0123)).toBe('12.3ms');
    expect(formatSeconds(4.561)).toBe('4.56s');
    expect(formatSeconds(192)).toBe('3.2min');
    expect(formatSeconds(9000)).toBe('2.5h');
    expect(formatPercent(0.0312)).toBe('3.12%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatNumber(1234.56)).toBe('1235');
    expect(formatNumber(12345.6)).toBe('12,346');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-1.5)).toBe('-1.5');
    expect(formatNumber(null)).toBe('–');
  });
});
