/** Trace timestamps: ISO-8601 date-times or epoch milliseconds, to milliseconds since the epoch. */

/** An integer or decimal number of milliseconds since 1970-01-01T00:00:00Z. */
const EPOCH_MS = /^[+-]?\d+(?:\.\d+)?$/;
/** YYYY-MM-DD, optionally T (or a space) hh:mm[:ss[.fraction]], optionally Z or ±hh[:]mm. */
const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * Milliseconds since the epoch of a timestamp as written (a number is epoch milliseconds), or undefined when
 * it is neither form. A date-time without an offset is taken as UTC, so a trace means the same on every
 * machine. Fractions finer than a millisecond are kept.
 */
export function parseTimestampMs(written: string | number): number | undefined {
  if (typeof written === 'number') return Number.isFinite(written) ? written : undefined;
  const text = written.trim();
  if (EPOCH_MS.test(text)) return Number(text);
  const iso = ISO_8601.exec(text);
  if (iso === null) return undefined;
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(iso[i] ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = iso[7] === undefined ? 0 : Number(`0.${iso[7]}`) * 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offsetMs(iso[8]);
}

/** The offset from UTC of `Z`, `+02:00`, `-0530` or `+02`, in milliseconds (0 when absent). */
function offsetMs(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return (zone[0] === '-' ? -1 : 1) * minutes * 60_000;
}
