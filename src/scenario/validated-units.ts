/**
 * Unit conversions of values the schema has already validated (normalisation's helpers): a failure here is
 * a bug, not a user error, and says so.
 */
import { parseBytes, parseDurationSeconds, parseRatePerSecond } from './units.js';

/** A unit parser that the schema has already vouched for; a failure here is a bug, not a user error. */
function validated(parse: (value: string | number) => number | undefined, what: string) {
  return (value: string | number): number => {
    const parsed = parse(value);
    if (parsed === undefined) {
      throw new Error(`scenario normalise: ${what} ${JSON.stringify(value)} passed validation`);
    }
    return parsed;
  };
}

/** Seconds in an already-validated duration. */
export const seconds = validated(parseDurationSeconds, 'duration');
/** Bytes in an already-validated size. */
export const bytes = validated(parseBytes, 'size');

/** Per-second rate of an already-validated rate. */
export function perSecond(value: string | number): number {
  const parsed = parseRatePerSecond(value);
  if (parsed === undefined || parsed <= 0) {
    throw new Error(`scenario normalise: rate ${JSON.stringify(value)} passed validation`);
  }
  return parsed;
}

/** A value the earlier stages guarantee; its absence is a bug, named here. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`scenario normalise: ${what} missing after validation`);
  return value;
}
