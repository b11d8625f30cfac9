/** Human formatting of numbers for terminal and HTML output. Times arrive in seconds. */

/** A duration with a unit that suits its size: 850µs, 12.3ms, 4.56s, 3.2min, 1.5h. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || Number.isNaN(seconds)) return '–';
  if (seconds === 0) return '0';
  const abs = Math.abs(seconds);
  if (abs < 1e-3) return `${significant(seconds * 1e6)}µs`;
  if (abs < 1) return `${significant(seconds * 1e3)}ms`;
  if (abs < 120) return `${significant(seconds)}s`;
  if (abs < 7200) return `${significant(seconds / 60)}min`;
  return `${significant(seconds / 3600)}h`;
}

/** A count with thousands separators. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A fraction as a percentage: 0.0312 → 3.12%. */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || Number.isNaN(fraction)) return '–';
  if (fraction === 0) return '0%';
  return `${significant(fraction * 100)}%`;
}

/** A rate or level with four significant digits (more when the integer part needs them). */
export function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '–';
  return significant(value, 4);
}

/** `value` rounded to `digits` significant digits, without trailing zeros; thousands separated. */
function significant(value: number, digits = 3): string {
  if (Math.abs(value) >= 10 ** digits) return Math.round(value).toLocaleString('en-US');
  return String(Number(value.toPrecision(digits)));
}
