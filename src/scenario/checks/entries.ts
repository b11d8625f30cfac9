/** The entries of a scenario's list sections as written, read leniently (invalid parts are skipped). */
import { NAME_PATTERN } from '../fields.js';
import { formatPath } from '../positions.js';

/** One entry of `producers`, `queues` or `exchanges`, as written. */
export interface Entry {
  index: number;
  fields: Record<string, unknown>;
  /** The entry's name when it is a valid one, else undefined (the schema reports it). */
  name: string | undefined;
  /** How messages refer to the entry: its name, or its path when it has no valid name. */
  label: string;
}

export type Section = 'producers' | 'queues' | 'exchanges';

const NAME_RE = new RegExp(NAME_PATTERN);

/** A valid name or undefined. */
export function asName(value: unknown): string | undefined {
  return typeof value === 'string' && NAME_RE.test(value) ? value : undefined;
}

/** True for a mapping (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mappings in a list section, each with its index; anything else is skipped. */
export function entries(data: unknown, section: Section): Entry[] {
  const list = isRecord(data) ? data[section] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => {
    if (!isRecord(item)) return [];
    const name = asName(item.name);
    return [{ index, fields: item, name, label: name ?? formatPath([section, index]) }];
  });
}
