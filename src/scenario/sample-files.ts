/**
 * Samples of an empirical distribution read from a file (`{ distribution: empirical, file: samples.csv }`)
 * when the scenario is loaded, so that long lists of observations need not sit in the scenario. The file
 * is read line by line in bounded memory; its values are written as in `values:` (a plain number is
 * seconds for a time, bytes for a size; `40ms`, `4KB` carry their unit). An optional first line that is
 * no value is a CSV header naming the columns; `column:` chooses one when there are several. Problems in
 * the file are located in it (file:line:col); a file that cannot be used at all is located at `file`.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineReader, LineTooLongError, splitCsvLine } from '../trace/index.js';
import type { ScenarioProblem } from './errors.js';
import { DURATION, SIZE, type Quantity } from './fields.js';
import * as msg from './messages.js';
import type { PathProblem } from './positions.js';
import { closestMatch } from './suggest.js';
import { FileProblems, notRegularFileReason } from './file-problems.js';

/** Most values one samples file may give: each is kept (8 bytes) for resampling. */
export const MAX_SAMPLE_VALUES = 10_000_000;
/** Longest line of a samples file: one value, or one row of a narrow CSV. */
const MAX_SAMPLE_LINE_CHARS = 64 * 1024;
/** Keys under which a distribution is a size (bytes) rather than a time (seconds). */
const SIZE_KEYS = new Set(['message-size', 'batch']);

/** The values read from every usable samples file, and the problems found. */
export interface SampleFiles {
  /** How many `{ distribution: empirical, file }` mappings the data has (0: nothing to read or fill in). */
  mappings: number;
  /** By `sampleKey`: the values, in seconds or bytes. */
  values: Map<string, number[]>;
  /** Problems in the scenario file (located by path). */
  pathProblems: PathProblem[];
  /** Problems in samples files (located by line and column in the file). */
  fileProblems: ScenarioProblem[];
}

/** What identifies one read of a samples file: the same file read as a time or a size, by column. */
function sampleKey(absolutePath: string, size: boolean, column: string | undefined): string {
  return JSON.stringify([absolutePath, size, column ?? null]);
}

/** Where `file` (as written) lies: relative to the scenario file's folder, as trace files are. */
function locate(file: string, scenarioFile: string): { shown: string; absolute: string } {
  const shown = isAbsolute(file) ? file : join(dirname(scenarioFile), file);
  return { shown, absolute: resolve(shown) };
}

/** A `{ distribution: empirical, file }` mapping found in the data, with its path and kind. */
interface EmpiricalFile {
  spec: Record<string, unknown>;
  path: Array<string | number>;
  size: boolean;
}

/**
 * Each `{ distribution: empirical, file }` mapping in (possibly invalid) data, with its path and kind, in
 * document order. One path stack is shared by the walk and copied only for a match: a scenario of 10,000
 * queues and 50,000 producers has hundreds of thousands of nodes and usually no samples file at all.
 */
function empiricalFiles(data: unknown): EmpiricalFile[] {
  const found: EmpiricalFile[] = [];
  const path: Array<string | number> = [];
  // An alias shares one object between places: it is read once (and an alias bomb stays linear).
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
      return;
    }
    const spec = node as Record<string, unknown>;
    if (spec.distribution === 'empirical' && typeof spec.file === 'string') {
      found.push({ spec, path: [...path], size: SIZE_KEYS.has(String(path[path.length - 1])) });
      return;
    }
    for (const key in spec) {
      if (!Object.prototype.hasOwnProperty.call(spec, key)) continue;
      path.push(key);
      visit(spec[key]);
      path.pop();
    }
  };
  visit(data);
  return found;
}

/** Reads every samples file the (possibly invalid) data names; problems are collected, never thrown. */
export function readSampleFiles(data: unknown, scenarioFile: string): SampleFiles {
  const mappings = empiricalFiles(data);
  const found: SampleFiles = {
    mappings: mappings.length,
    values: new Map(),
    pathProblems: [],
    fileProblems: [],
  };
  for (const { spec, path, size } of mappings) {
    if (spec.values !== undefined) continue; // both given: the schema says so
    const file = spec.file as string;
    const column = typeof spec.column === 'string' ? spec.column : undefined;
    const { shown, absolute } = locate(file, scenarioFile);
    const key = sampleKey(absolute, size, column);
    if (found.values.has(key)) continue;
    const read = readSamples(absolute, shown, size ? SIZE : DURATION, size, column);
    if ('unreadable' in read) {
      found.pathProblems.push({
        path: [...path, read.atColumn ? 'column' : 'file'],
        message: read.atColumn ? read.unreadable : msg.samplesUnreadable(file, read.unreadable),
        severity: 'error',
      });
      continue;
    }
    found.fileProblems.push(...read.problems);
    if (read.problems.length === 0) found.values.set(key, read.values);
  }
  return found;
}

/**
 * The validated data with each samples file's values put in its distribution's `values` (in seconds or
 * bytes, which plain numbers mean there), so normalisation and the model see one kind of empirical.
 */
export function withSampleValues<T>(data: T, samples: SampleFiles): T {
  const fill = (node: unknown, lastKey: string | number | undefined, seen: Set<object>): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => fill(item, i, seen));
      return;
    }
    const spec = node as Record<string, unknown>;
    if (spec.distribution === 'empirical' && typeof spec.file === 'string' && spec.values === undefined) {
      const size = SIZE_KEYS.has(String(lastKey));
      const column = typeof spec.column === 'string' ? spec.column : undefined;
      const values = samples.values.get(sampleKey(resolve(spec.file), size, column));
      if (values === undefined) throw new Error(`samples of '${spec.file}' were not read before use`);
      spec.values = values;
      return;
    }
    for (const [key, value] of Object.entries(spec)) fill(value, key, seen);
  };
  fill(data, undefined, new Set());
  return data;
}

/**
 * The validated data's samples-file paths made absolute (relative to the scenario's folder), so that
 * `withSampleValues` finds them whatever the working directory.
 */
export function resolveSamplePaths<T>(data: T, scenarioFile: string): T {
  const walk = (node: unknown, seen: Set<object>): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach((item) => walk(item, seen));
    const spec = node as Record<string, unknown>;
    if (spec.distribution === 'empirical' && typeof spec.file === 'string') {
      spec.file = locate(spec.file, scenarioFile).absolute;
      return;
    }
    for (const value of Object.values(spec)) walk(value, seen);
  };
  walk(data, new Set());
  return data;
}

/** One streaming pass over a samples file: its values and located problems, or why it cannot be read. */
function readSamples(
  path: string,
  shown: string,
  quantity: Quantity,
  size: boolean,
  column: string | undefined,
): { values: number[]; problems: ScenarioProblem[] } | { unreadable: string; atColumn?: boolean } {
  const notRegular = notRegularFileReason(path);
  if (notRegular !== undefined) return { unreadable: notRegular };
  const reader = new LineReader(path, { maxLineChars: MAX_SAMPLE_LINE_CHARS });
  const values: number[] = [];
  const listed = new FileProblems(shown);
  const report = (line: number, column: number, message: string) => listed.report(line, column, message);
  /** Which cell holds the value, and how many cells a line has; settled by the first non-blank line. */
  let cellIndex = -1;
  let cellCount = 1;
  for (;;) {
    let line: string | undefined;
    try {
      line = reader.readLine();
    } catch (error) {
      if (error instanceof LineTooLongError) {
        report(error.line, 1, msg.samplesLineTooLong(MAX_SAMPLE_LINE_CHARS));
        break;
      }
      return { unreadable: msg.readErrorReason(error) };
    }
    if (line === undefined) break;
    // Blank lines and `#` comments are skipped, as `queuesim fit` skips them.
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const { cells, starts } = splitCsvLine(line);
    if (cellIndex === -1) {
      const first = readFirstLine(cells, quantity, column);
      if ('unreadable' in first) return first;
      if ('stop' in first) {
        report(reader.lineNumber, 1, first.stop);
        break;
      }
      cellIndex = first.cellIndex;
      cellCount = first.cellCount;
      if (first.header) continue;
    }
    if (cells.length !== cellCount) {
      report(reader.lineNumber, 1, msg.samplesCellCount(cells.length, cellCount));
      continue;
    }
    const written = cells[cellIndex].trim();
    const value = quantity.parse(numeric(written));
    if (value === undefined) {
      report(reader.lineNumber, starts[cellIndex] + 1, msg.sampleBadValue(written, size));
      continue;
    }
    if (values.length >= MAX_SAMPLE_VALUES) {
      report(reader.lineNumber, 1, msg.samplesTooMany(shown, MAX_SAMPLE_VALUES));
      break;
    }
    values.push(value);
  }
  const problems = listed.finish(msg.samplesMoreProblems);
  if (problems.length === 0 && values.length === 0) return { unreadable: msg.samplesEmpty(shown) };
  return { values, problems };
}

/** What the first non-blank line settles: which cell holds the values and whether it is a header, or why reading stops. */
type FirstLine =
  | { cellIndex: number; cellCount: number; header: boolean }
  | { stop: string }
  | { unreadable: string; atColumn: true };

/** The first line is a header when its chosen cell is no value, else already data. */
function readFirstLine(cells: string[], quantity: Quantity, column: string | undefined): FirstLine {
  const header = cells.map((cell) => cell.trim());
  const isValue = (cell: string) => quantity.parse(numeric(cell)) !== undefined;
  if (column !== undefined) {
    const at = header.indexOf(column);
    if (at === -1) {
      return {
        unreadable: msg.samplesNoColumn(column, header, closestMatch(column, header)),
        atColumn: true,
      };
    }
    return { cellIndex: at, cellCount: header.length, header: true };
  }
  if (header.length > 1) {
    return {
      stop: header.every(isValue) ? msg.samplesCellCount(header.length, 1) : msg.samplesWhichColumn(header),
    };
  }
  return { cellIndex: 0, cellCount: 1, header: !isValue(header[0]) };
}

/** A cell as the quantity parser takes it: a plain decimal as a number (so "0.04" is 0.04 seconds). */
function numeric(cell: string): string | number {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell) ? Number(cell) : cell;
}
