/**
 * Units as written in scenario files: durations (`250ms`, `30s`, `10m`, `2h`), rates (`50/s`, `3000/min`)
 * and sizes (`512B`, `4KB`, `1MiB`).
 * The patterns are exported as strings so the zod schema, and through it the JSON Schema, use exactly the
 * grammar that the parsers below accept.
 */

/** Seconds per time unit; `m` is minutes (never metres or months), `us`/`µs` microseconds. */
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  min: 60,
  m: 60,
  h: 3600,
  d: 86400,
};

// Longest units first so the alternation reads unambiguously (the anchors would make it correct anyway).
const UNIT = '(us|µs|ms|s|min|m|h|d)';
const DECIMAL = '(\\d+(?:\\.\\d+)?|\\.\\d+)';

/** Grammar of a duration string: a non-negative decimal, an optional space, an optional unit (seconds). */
export const DURATION_PATTERN = `^${DECIMAL} ?${UNIT}?$`;
/** Grammar of a rate string: a non-negative decimal, optionally `/unit` (per second when absent). */
export const RATE_PATTERN = `^${DECIMAL}(?: ?/ ?${UNIT})?$`;

const DURATION_RE = new RegExp(DURATION_PATTERN);
const RATE_RE = new RegExp(RATE_PATTERN);

/** A plain number is accepted when it is finite and not negative. */
function plainNumber(value: number): number | undefined {
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Seconds in a duration (`250ms`, `30s`, `10m`, `2h`, `1d`, `20us`, or a number of seconds); undefined if not one. */
export function parseDurationSeconds(value: string | number): number | undefined {
  if (typeof value === 'number') return plainNumber(value);
  const match = DURATION_RE.exec(value);
  if (!match) return undefined;
  const unit = match[2] ?? 's';
  return plainNumber(Number(match[1]) * SECONDS_PER_UNIT[unit]);
}

/** Events per second in a rate (`50/s`, `3000/min`, `10/h`, or a number per second); undefined if not one. */
export function parseRatePerSecond(value: string | number): number | undefined {
  if (typeof value === 'number') return plainNumber(value);
  const match = RATE_RE.exec(value);
  if (!match) return undefined;
  const unit = match[2] ?? 's';
  return plainNumber(Number(match[1]) / SECONDS_PER_UNIT[unit]);
}

/** Bytes per size unit: decimal (SI) multiples of 1000 and binary (IEC) multiples of 1024. */
const BYTES_PER_UNIT: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
};

/** Grammar of a size string: a non-negative decimal, an optional space, an optional unit (bytes). */
export const SIZE_PATTERN = `^${DECIMAL} ?(B|KB|kB|MB|GB|KiB|MiB|GiB)?$`;

const SIZE_RE = new RegExp(SIZE_PATTERN);

/** Bytes in a size (`512B`, `4KB` = 4000, `4KiB` = 4096, `10MB`, `1GiB`, or a number of bytes); undefined if not one. */
export function parseBytes(value: string | number): number | undefined {
  if (typeof value === 'number') return plainNumber(value);
  const match = SIZE_RE.exec(value);
  if (!match) return undefined;
  const unit = match[2] ?? 'B';
  return plainNumber(Number(match[1]) * BYTES_PER_UNIT[unit]);
}

/** Grammar of a precision string: a percentage such as `2%` or `0.5 %`. */
export const PERCENT_PATTERN = `^${DECIMAL} ?%$`;
const PERCENT_RE = new RegExp(PERCENT_PATTERN);

/**
 * A relative precision as a fraction: `2%` → 0.02, or a plain fraction such as 0.02. Undefined unless it
 * lies strictly between 0 and 1 (a half-width of 100 % of the mean or more says nothing).
 */
export function parsePrecision(value: string | number): number | undefined {
  let fraction: number;
  if (typeof value === 'number') fraction = value;
  else {
    const match = PERCENT_RE.exec(value.trim());
    if (!match) return undefined;
    fraction = Number(match[1]) / 100;
  }
  return Number.isFinite(fraction) && fraction > 0 && fraction < 1 ? fraction : undefined;
}

/** A percentage as a fraction (`0.1%` → 0.001, `75%` → 0.75); undefined unless it is one. */
export function parsePercent(value: string): number | undefined {
  const match = PERCENT_RE.exec(value.trim());
  return match ? Number(match[1]) / 100 : undefined;
}
