/**
 * Event timestamps as written in logs: ISO-8601 date-times (`2026-11-27T05:08:30.125Z`, a space instead of
 * `T`, any number of fractional digits, `Z` or an offset; none means UTC) or epoch numbers.
 */

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An ISO-8601 date-time as whole seconds since the epoch (in milliseconds, as Date.parse gives them) plus the
 * fraction of a second, kept apart: epoch seconds as one double would lose everything below ~0.2 µs.
 */
export interface IsoInstant {
  wholeSecondsMs: number;
  fractionSeconds: number;
}

/** The instant an ISO-8601 date-time names; undefined if it is not one. */
export function parseIsoInstant(text: string): IsoInstant | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, date, time, fraction, zone] = match;
  // Date.parse keeps only milliseconds, so the fraction is kept separately; no zone is read as UTC so that
  // a daylight-saving change inside the log does not create a one-hour interval.
  const offset =
    zone === undefined || zone === 'Z'
      ? 'Z'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const wholeSecondsMs = Date.parse(`${date}T${time}${offset}`);
  if (Number.isNaN(wholeSecondsMs)) return undefined;
  return { wholeSecondsMs, fractionSeconds: fraction === undefined ? 0 : Number(fraction) };
}

/** Seconds since the epoch of an ISO-8601 date-time (to ~0.2 µs); undefined if it is not one. */
export function parseIsoSeconds(text: string): number | undefined {
  const instant = parseIsoInstant(text);
  return instant && instant.wholeSecondsMs / 1000 + instant.fractionSeconds;
}
