/**
 * Checks that part files belong together — same command, scenario text, seed, options, version and shard
 * count — and that every shard 1..N is there exactly once with exactly its units, then puts the units'
 * outcomes back in unsharded order.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Part, type PartHeader, partError, readPart } from './part-file.js';
import { shardUnits } from './shard.js';

export interface MergedParts {
  header: PartHeader;
  scenario: unknown;
  /** The part files, as named. */
  files: string[];
  /** Each part's own payload (`scenario`), in the order of `files`: a search's shard also keeps its wall time there. */
  payloads: unknown[];
  /** Every unit's outcome, in unit order. */
  outcomes: unknown[];
}

/** The fields every part must share, with what a mismatch means to the user. */
const SHARED: [keyof PartHeader, string][] = [
  ['command', 'command'],
  ['version', 'queuesim version'],
  ['v8', 'Node.js (V8) version'],
  ['scenarioText', 'scenario text'],
  ['seed', 'seed'],
  ['options', 'options'],
  ['units', 'unit count'],
];

/** Reads `files` and merges them; any mismatch, gap or duplicate is a located error (exit 2). */
export async function readAndMergeParts(files: string[]): Promise<MergedParts> {
  const parts: { file: string; part: Part }[] = [];
  for (const file of files) parts.push({ file, part: await readPart(file) });
  return mergeParts(parts);
}

export function mergeParts(parts: { file: string; part: Part }[]): MergedParts {
  const [first] = parts;
  const { header } = first.part;
  for (const { file, part } of parts.slice(1)) {
    for (const [key, what] of SHARED) {
      if (!isDeepStrictEqual(part.header[key], header[key])) {
        throw partError(
          file,
          `$.header.${key}`,
          `does not belong with ${first.file}: different ${what} (${describe(part.header[key])} vs ${describe(header[key])})`,
        );
      }
    }
    if (part.header.shard.count !== header.shard.count) {
      throw partError(
        file,
        '$.header.shard.count',
        `does not belong with ${first.file}: ${part.header.shard.count} shards vs ${header.shard.count}`,
      );
    }
  }
  const count = header.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, part } of parts) {
    const seen = byIndex.get(part.header.shard.index);
    if (seen !== undefined) {
      throw partError(
        file,
        '$.header.shard.index',
        `shard ${part.header.shard.index}/${count} is also in ${seen}`,
      );
    }
    byIndex.set(part.header.shard.index, file);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    throw partError(
      first.file,
      '$.header.shard',
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}: merge needs all ${count}`,
    );
  }
  const outcomes: unknown[] = new Array<unknown>(header.units);
  for (const { file, part } of parts) {
    const expected = shardUnits(header.units, part.header.shard);
    const got = [...part.outcomes.keys()].sort((a, b) => a - b);
    if (!isDeepStrictEqual(got, expected)) {
      throw partError(
        file,
        '$.outcomes',
        `expected the outcomes of units ${expected.join(', ')}, got ${got.join(', ')}`,
      );
    }
    for (const [unit, outcome] of part.outcomes) outcomes[unit] = outcome;
  }
  const files = parts.map(({ file }) => file);
  const payloads = parts.map(({ part }) => part.scenario);
  return { header, scenario: first.part.scenario, files, payloads, outcomes };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
