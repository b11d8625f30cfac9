/**
 * A shard's part file: JSON with a header saying what it belongs to (command, scenario text, seed, the
 * options that change results, queuesim's version, the shard) and the outcomes of its units. Outcomes and
 * the resolved scenario are stored as structured-clone bytes (node:v8, base64) — the very encoding the
 * worker pool moves outcomes with — so typed arrays, NaN, infinities and every double come back exactly
 * and a merge reproduces the unsharded output byte for byte.
 */
import { readFile } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';
import { COMMAND_LINE, ScenarioError } from '../scenario/index.js';
import { writeFileAtomic } from './atomic-write.js';
import type { Shard } from './shard.js';

export const PART_FORMAT = 'queuesim-part';
export const PART_FORMAT_VERSION = 1;

/** What a part belongs to: parts merge only when all of this but the shard index agrees. */
export interface PartHeader {
  format: typeof PART_FORMAT;
  formatVersion: number;
  command: string;
  version: string;
  /** The V8 version: structured-clone bytes are read back by the same engine version. */
  v8: string;
  scenarioPath: string;
  scenarioText: string;
  seed: number;
  /** The command-line options that change results, as given. */
  options: Record<string, string | number | boolean | null>;
  shard: Shard;
  /** The command's whole unit count, over every shard. */
  units: number;
}

export interface Part<T = unknown> {
  header: PartHeader;
  /** The resolved scenario (after overrides), as the shard ran it. */
  scenario: T;
  /** Unit number → its outcome. */
  outcomes: Map<number, unknown>;
}

interface PartJson {
  header: PartHeader;
  scenario: string;
  outcomes: { unit: number; data: string }[];
}

/** A value as structured-clone bytes in base64: every double, typed array and NaN comes back exactly. */
export const encodeValue = (value: unknown) => serialize(value).toString('base64');
/** The value `encodeValue` wrote; throws on bytes it cannot read. */
export const decodeValue = (text: string): unknown => deserialize(Buffer.from(text, 'base64'));

/** Writes a part atomically. */
export async function writePart(path: string, part: Part): Promise<void> {
  const json: PartJson = {
    header: part.header,
    scenario: encodeValue(part.scenario),
    outcomes: [...part.outcomes].map(([unit, outcome]) => ({ unit, data: encodeValue(outcome) })),
  };
  await writeFileAtomic(path, `${JSON.stringify(json, null, 1)}\n`);
}

/** A problem with one part file, at a JSON path (exit 2). */
export function partError(file: string, path: string, message: string): ScenarioError {
  return new ScenarioError([{ file, line: 0, column: 0, path, message, severity: 'error' }]);
}

/** Reads and checks the shape of one part file; anything malformed is a located error. */
export async function readPart(file: string): Promise<Part> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw partError(COMMAND_LINE, file, `cannot read the part file: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw partError(file, '$', `not a part file: invalid JSON (${(error as Error).message})`);
  }
  const root = asObject(json, file, '$');
  const header = asObject(root.header, file, '$.header');
  if (header.format !== PART_FORMAT) {
    throw partError(file, '$.header.format', `expected "${PART_FORMAT}" (a file written by --part)`);
  }
  if (header.formatVersion !== PART_FORMAT_VERSION) {
    throw partError(file, '$.header.formatVersion', `expected ${PART_FORMAT_VERSION}`);
  }
  for (const key of ['command', 'version', 'v8', 'scenarioPath', 'scenarioText'] as const) {
    if (typeof header[key] !== 'string') throw partError(file, `$.header.${key}`, 'expected a string');
  }
  for (const key of ['seed', 'units'] as const) {
    if (typeof header[key] !== 'number') throw partError(file, `$.header.${key}`, 'expected a number');
  }
  asObject(header.options, file, '$.header.options');
  const shard = asObject(header.shard, file, '$.header.shard');
  const { index, count } = shard;
  if (!Number.isInteger(count) || (count as number) < 1) {
    throw partError(file, '$.header.shard.count', 'expected a whole number >= 1');
  }
  if (!Number.isInteger(index) || (index as number) < 1 || (index as number) > (count as number)) {
    throw partError(file, '$.header.shard.index', `shard index out of range: expected 1 to ${String(count)}`);
  }
  if (typeof root.scenario !== 'string') throw partError(file, '$.scenario', 'expected a string');
  if (!Array.isArray(root.outcomes)) throw partError(file, '$.outcomes', 'expected an array');
  const outcomes = new Map<number, unknown>();
  root.outcomes.forEach((entry, i) => {
    const item = asObject(entry, file, `$.outcomes[${i}]`);
    if (!Number.isInteger(item.unit) || typeof item.data !== 'string') {
      throw partError(file, `$.outcomes[${i}]`, 'expected { unit: whole number, data: string }');
    }
    outcomes.set(item.unit as number, decodeAt(item.data, file, `$.outcomes[${i}].data`));
  });
  return {
    header: header as unknown as PartHeader,
    scenario: decodeAt(root.scenario, file, '$.scenario'),
    outcomes,
  };
}

function decodeAt(text: string, file: string, path: string): unknown {
  try {
    return decodeValue(text);
  } catch (error) {
    throw partError(file, path, `unreadable data: ${(error as Error).message}`);
  }
}

function asObject(value: unknown, file: string, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw partError(file, path, 'expected an object');
  }
  return value as Record<string, unknown>;
}
