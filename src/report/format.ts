/**
 * Human formatting of numbers for terminal and HTML output. Times arrive in seconds. Each format has a
 * resolution (0.001µs, 0.0001 %, 0.000001): a value below half of it prints as 0, so floating-point residue
 * (a queue length of 2.85e-16 where the exact value is 0) never shows as a number.
 */
import { groupThousands } from '../math/thousands.js';

/** Decimals kept in the smallest unit of each format: its resolution. */
const MICROSECOND_DECIMALS = 3;
const PERCENT_DECIMALS = 4;
const NUMBER_DECIMALS = 6;

/** A duration with a unit that suits its size: 850µs, 12.3ms, 4.56s, 3.2min, 1.5h. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || Number.isNaN(seconds)) return '–';
  if (roundTo(seconds * 1e6, MICROSECOND_DECIMALS) === 0) return '0';
  const abs = Math.abs(seconds);
  if (abs < 1e-3) return `${significant(seconds * 1e6, 3, MICROSECOND_DECIMALS)}µs`;
  if (abs < 1) return `${significant(seconds * 1e3)}ms`;
  if (abs < 120) return `${significant(seconds)}s`;
  if (abs < 7200) return `${significant(seconds / 60)}min`;
  return `${significant(seconds / 3600)}h`;
}

/** A count with thousands separators. */
export function formatCount(value: number): string {
  return groupThousands(Math.round(value));
}

/** A size in decimal units, as `capacity-bytes` is usually written: 8000000 → "8 MB". */
export function formatBytes(bytes: number): string {
  const [unit, size] =
    bytes >= 1e9 ? ['GB', 1e9] : bytes >= 1e6 ? ['MB', 1e6] : bytes >= 1e3 ? ['kB', 1e3] : ['B', 1];
  return `${significant(bytes / size)} ${unit}`;
}

/** A fraction as a percentage: 0.0312 → 3.12%. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || Number.isNaN(fraction)) return '–';
  const percent = significant(fraction * 100, 3, PERCENT_DECIMALS);
  return percent === '0' ? '0%' : `${percent}%`;
}

/** A rate or level with four significant digits (more when the integer part needs them). */
export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '–';
  return significant(value, 4, NUMBER_DECIMALS);
}

/** `value` rounded to `decimals` decimal places (−0 becomes 0). */
function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale + 0;
}

/**
 * `value` rounded to `digits` significant digits and at most `decimals` decimals (the display's
 * resolution; 0 below it), without trailing zeros, in plain notation; thousands separated.
 */
function significant(value: number, digits = 3, decimals = 3): string {
  if (Math.abs(value) >= 10 ** digits) return groupThousands(Math.round(value));
  const rounded = roundTo(Number(value.toPrecision(digits)), decimals);
  return rounded === 0 ? '0' : rounded.toFixed(decimals).replace(/\.?0+$/, '');
}
