/** Small pieces the scenario's message catalogue (messages.ts, file-messages.ts) builds its sentences from. */

/** Describes a value as the user wrote it, for the "got …" end of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Appends "; did you mean 'x'?" when there is a close candidate. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/** "producer 'a'" or "producers 'a' and 'b'". */
export function producerNames(names: readonly string[]): string {
  return `${names.length === 1 ? 'producer' : 'producers'} ${listNames(names)}`;
}

/** A number for reading: at most 4 significant digits, no float noise (1.1, not 1.1000000000000001). */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** Quotes a list of names for "one of: …". */
export function oneOf(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

/** Examples that follow a value that is no duration, rate or size. */
export const DURATION_EXAMPLES = 'like 250ms, 30s, 10m, 2h (or a number of seconds)';
export const RATE_EXAMPLES = 'like 50/s, 3000/min, 10/h (or a number per second)';
export const SIZE_EXAMPLES = 'like 512B, 4KB, 10MB, 1GiB (or a number of bytes)';

/** Names joined for reading: `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
export function listNames(names: readonly string[]): string {
  const quoted = names.map((name) => `'${name}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
