/**
 * The records of a trace file, one at a time: a timestamp (epoch milliseconds) and an optional message type,
 * from CSV with a header or from newline-delimited JSON. Streams through a LineReader, so memory does not
 * grow with the file. Problems are returned as data (the scenario layer words them), never thrown.
 */
import { extname } from 'node:path';
import { splitCsvLine } from './csv-line.js';
import { LineReader, LineTooLongError, type LineReaderOptions } from './line-reader.js';
import { parseTimestampMs } from './timestamps.js';

export type TraceFormat = 'csv' | 'ndjson';

/** The format a trace file's extension names, or undefined for an unknown one. */
export function traceFormatOf(path: string): TraceFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  return undefined;
}

/** Timestamp columns (CSV) or keys (NDJSON) looked for when none is named, in this order. */
export const DEFAULT_TIMESTAMP_COLUMNS = ['timestamp', 'time'] as const;
/** The column or key holding each record's message type (optional in the file). */
export const TYPE_COLUMN = 'type';

/** What is wrong with one line of a trace, located by line and (1-based) column. */
export type TraceLineProblem = { line: number; column: number } & (
  | { kind: 'no-timestamp-column'; wanted: readonly string[]; columns: string[] }
  | { kind: 'missing-cell'; columnName: string }
  | { kind: 'missing-key'; key: string }
  | { kind: 'bad-timestamp'; written: string }
  | { kind: 'bad-json'; detail: string }
  | { kind: 'not-an-object' }
  | { kind: 'bad-type'; written: string }
  | { kind: 'line-too-long' }
);

/** next(): a record was read (see `timeMs`, `type`, `line`), the end was reached, or `problem` is set. */
export const RECORD = 0;
export const END = 1;
export const PROBLEM = 2;
export type ReadStatus = typeof RECORD | typeof END | typeof PROBLEM;

/** A message-type name as scenarios accept them (names are safe in file names, labels and flags). */
const TYPE_NAME = /^[A-Za-z0-9_.-]+$/;

export interface TraceReaderOptions extends LineReaderOptions {
  /** The timestamp column (CSV) or key (NDJSON); default: the first of DEFAULT_TIMESTAMP_COLUMNS present. */
  column?: string;
}

/**
 * Reads a trace record by record. The fields of the last record are kept on the reader (no object per
 * record), so a replay allocates only what parsing a line takes.
 */
export class TraceReader {
  /** The last record's timestamp, epoch milliseconds. */
  timeMs = 0;
  /** The last record's message type; null when the file has no type or this record leaves it empty. */
  type: string | null = null;
  /** The last record's timestamp as written (for messages). */
  written = '';
  /** The last record's (or problem's) line number. */
  line = 0;
  /** Set when next() returns PROBLEM. */
  problem: TraceLineProblem | undefined;
  /** True once the file shows it has a type column (CSV: in the header). */
  hasTypeColumn = false;
  private readonly lines: LineReader;
  private readonly column: string | undefined;
  /** CSV: the columns of the timestamp and the type (-1 = none); -2 = the header is not read yet. */
  private timeIndex = -2;
  private typeIndex = -1;
  private timeName = '';

  constructor(
    path: string,
    readonly format: TraceFormat,
    options: TraceReaderOptions = {},
  ) {
    this.lines = new LineReader(path, options);
    this.column = options.column;
  }

  /** The reader's memory high-water mark, in characters. */
  get peakHeldChars(): number {
    return this.lines.peakHeldChars;
  }

  /** Reads the next record; blank lines are skipped. Throws only the file system's errors. */
  next(): ReadStatus {
    this.problem = undefined;
    for (;;) {
      let text: string | undefined;
      try {
        text = this.lines.readLine();
      } catch (error) {
        if (!(error instanceof LineTooLongError)) throw error;
        return this.fail({ line: error.line, column: 1, kind: 'line-too-long' });
      }
      if (text === undefined) return END;
      this.line = this.lines.lineNumber;
      if (text.trim() === '') continue;
      if (this.format === 'ndjson') return this.readJson(text);
      if (this.timeIndex === -2) {
        const status = this.readHeader(text);
        if (status !== RECORD) return status;
        continue;
      }
      return this.readCsv(text);
    }
  }

  private fail(problem: TraceLineProblem): ReadStatus {
    this.problem = problem;
    this.line = problem.line;
    return PROBLEM;
  }

  private readHeader(text: string): ReadStatus {
    const names = splitCsvLine(text).cells.map((cell) => cell.trim());
    const lower = names.map((name) => name.toLowerCase());
    const wanted = this.column !== undefined ? [this.column] : DEFAULT_TIMESTAMP_COLUMNS;
    const found = wanted.map((name) => lower.indexOf(name.toLowerCase())).find((index) => index >= 0);
    if (found === undefined) {
      return this.fail({ line: this.line, column: 1, kind: 'no-timestamp-column', wanted, columns: names });
    }
    this.timeIndex = found;
    this.timeName = names[found];
    this.typeIndex = lower.indexOf(TYPE_COLUMN);
    this.hasTypeColumn = this.typeIndex >= 0;
    return RECORD;
  }

  private readCsv(text: string): ReadStatus {
    const { cells, starts } = splitCsvLine(text);
    if (this.timeIndex >= cells.length) {
      return this.fail({
        line: this.line,
        column: text.length + 1,
        kind: 'missing-cell',
        columnName: this.timeName,
      });
    }
    const written = cells[this.timeIndex];
    const timeMs = parseTimestampMs(written);
    const column = starts[this.timeIndex] + 1;
    if (timeMs === undefined) return this.fail({ line: this.line, column, kind: 'bad-timestamp', written });
    this.timeMs = timeMs;
    this.written = written;
    const type = this.typeIndex >= 0 && this.typeIndex < cells.length ? cells[this.typeIndex].trim() : '';
    if (type !== '' && !TYPE_NAME.test(type)) {
      return this.fail({
        line: this.line,
        column: starts[this.typeIndex] + 1,
        kind: 'bad-type',
        written: type,
      });
    }
    this.type = type === '' ? null : type;
    return RECORD;
  }

  private readJson(text: string): ReadStatus {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return this.fail({ line: this.line, column: 1, kind: 'bad-json', detail });
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return this.fail({ line: this.line, column: 1, kind: 'not-an-object' });
    }
    const record = value as Record<string, unknown>;
    const key =
      this.column ?? DEFAULT_TIMESTAMP_COLUMNS.find((name) => record[name] !== undefined) ?? 'timestamp';
    const written = record[key];
    if (written === undefined) return this.fail({ line: this.line, column: 1, kind: 'missing-key', key });
    const timeMs =
      typeof written === 'string' || typeof written === 'number' ? parseTimestampMs(written) : undefined;
    if (timeMs === undefined) {
      const shown = typeof written === 'string' ? written : JSON.stringify(written);
      return this.fail({ line: this.line, column: 1, kind: 'bad-timestamp', written: shown });
    }
    this.timeMs = timeMs;
    this.written = String(written);
    const type = record[TYPE_COLUMN];
    if (type !== undefined && type !== null && type !== '') {
      if (typeof type !== 'string' || !TYPE_NAME.test(type)) {
        return this.fail({ line: this.line, column: 1, kind: 'bad-type', written: JSON.stringify(type) });
      }
      this.hasTypeColumn = true;
      this.type = type;
    } else this.type = null;
    return RECORD;
  }
}
