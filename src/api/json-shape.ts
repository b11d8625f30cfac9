/** A result as the command line's `--json` prints it, as an object. */

/**
 * `value` after a JSON round trip, which is what `--json` prints (report/json.ts): `toJSON` applied,
 * non-finite numbers as null, undefined fields gone. The library hands out this shape so its results
 * deep-equal the parsed `--json` output.
 */
export function asJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
