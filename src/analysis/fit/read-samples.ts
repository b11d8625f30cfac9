import { ScenarioError, parseDurationSeconds, type ScenarioProblem } from '../../scenario/index.js';
import { closestMatch } from '../../scenario/suggest.js';
import { detectDelimiter, splitFields, type Field } from './csv-fields.js';
import * as msg from './messages.js';
import { parseIsoInstant } from './timestamps.js';
import { TIME_UNITS, type TimeUnit } from './time-units.js';

export { TIME_UNITS, type TimeUnit };

/** How to read a samples file. */
export interface ReadSamplesOptions {
  /** A header name or a 1-based column number; default: the first column holding a value. */
  column?: string;
  /** Unit of plain numbers; default seconds (epoch milliseconds for timestamps). */
  unit?: TimeUnit;
  /** The column holds event timestamps: fit the intervals between them. */
  timestamps: boolean;
}

/** The durations read from a samples file. */
export interface ObservedSamples {
  /** Durations in seconds (with timestamps: the intervals between consecutive events). */
  values: number[];
  /** The column read: its header name (null without a header) and its number from 1. */
  column: { name: string | null; number: number };
  /** Data rows read (timestamps: one more than the intervals). */
  rows: number;
  /** Things the reader should check, e.g. timestamps that had to be sorted. */
  notes: string[];
}

/** Stop collecting problems after this many: one bad column usually means every row is bad. */
const MAX_PROBLEMS = 20;

interface DataLine {
  lineNumber: number;
  fields: Field[];
}

/** A parsed cell: seconds, or the message saying why it is not a value. */
type Cell = { seconds: number } | { problem: string; isValueLike: boolean };

/**
 * Reads observed durations (or timestamps) from CSV/TSV text or one value per line. Blank lines and lines
 * starting with # are skipped; a first row that holds no value at all is a header. Every bad row is reported
 * with its line and column, as a ScenarioError (the CLI prints it and exits 2).
 */
export function readSamples(text: string, file: string, options: ReadSamplesOptions): ObservedSamples {
  const problemAt = (line: number, column: number, message: string): ScenarioProblem => ({
    file,
    line,
    column,
    path: '',
    message,
    severity: 'error',
  });
  const fail = (line: number, column: number, message: string): never => {
    throw new ScenarioError([problemAt(line, column, message)]);
  };

  const lines = dataLines(text);
  if (lines.length === 0) fail(0, 0, msg.noValues());
  // Detection looks at cells of every column; the rows get a parser of their own, whose timestamp origin is
  // then the chosen column's first value.
  const detect = cellParser(options);
  const parse = cellParser(options);
  const first = lines[0];
  const hasHeader = first.fields.every((field) => !looksLikeValue(detect(field.text, '')));
  const header = hasHeader ? first.fields.map((field) => field.text) : null;
  const rows = hasHeader ? lines.slice(1) : lines;
  if (rows.length === 0) fail(0, 0, msg.noValues());

  const index = columnIndex(options, header, rows[0], detect, (message) =>
    fail(rows[0].lineNumber, 1, message),
  );
  const columnName = header ? `'${header[index]}'` : String(index + 1);
  const notes: string[] = [];
  const hinted = header && options.unit === undefined && !options.timestamps ? unitHint(header[index]) : null;
  if (hinted) notes.push(msg.unitHint(columnName, hinted));

  const values = readColumn(rows, index, columnName, parse, problemAt);
  const { durations, outOfOrder } = options.timestamps
    ? intervals(values)
    : { durations: values, outOfOrder: 0 };
  if (durations.length < msg.MIN_VALUES) {
    const what = options.timestamps
      ? `intervals (from ${values.length} timestamps)`
      : `value${durations.length === 1 ? '' : 's'}`;
    fail(0, 0, msg.tooFewValues(durations.length, what));
  }
  if (outOfOrder > 0) notes.push(msg.sortedTimestamps(outOfOrder));
  return {
    values: durations,
    column: { name: header ? header[index] : null, number: index + 1 },
    rows: rows.length,
    notes,
  };
}

/** The chosen column's values in seconds; every bad row (up to MAX_PROBLEMS) reported at once as a ScenarioError. */
function readColumn(
  rows: DataLine[],
  index: number,
  columnName: string,
  parse: (text: string, columnName: string) => Cell,
  problemAt: (line: number, column: number, message: string) => ScenarioProblem,
): number[] {
  const values: number[] = [];
  const problems: ScenarioProblem[] = [];
  let badRows = 0;
  for (const row of rows) {
    const field = row.fields[index];
    const cell: Cell = field
      ? parse(field.text, columnName)
      : { problem: msg.missingColumn(columnName, row.fields.length), isValueLike: false };
    if ('seconds' in cell) {
      values.push(cell.seconds);
      continue;
    }
    badRows++;
    if (problems.length < MAX_PROBLEMS)
      problems.push(problemAt(row.lineNumber, field?.column ?? 1, cell.problem));
  }
  if (problems.length > 0) {
    if (badRows > problems.length)
      problems.push(problemAt(0, 0, msg.moreProblems(badRows - problems.length)));
    throw new ScenarioError(problems);
  }
  return values;
}

/** Non-blank, non-comment lines split into fields, with their 1-based line numbers. */
function dataLines(text: string): DataLine[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const kept = raw
    .map((line, i) => ({ line, lineNumber: i + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (kept.length === 0) return [];
  const delimiter = detectDelimiter(kept[0].line);
  return kept.map(({ line, lineNumber }) => ({ lineNumber, fields: splitFields(line, delimiter) }));
}

/** A value, or a cell shaped like one but invalid (e.g. negative): either way not a header cell. */
function looksLikeValue(cell: Cell): boolean {
  return 'seconds' in cell || cell.isValueLike;
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The parser of one cell under the options: durations (plain or with a unit) or timestamps. */
function cellParser(options: ReadSamplesOptions): (text: string, column: string) => Cell {
  const unit = options.unit ?? 's';
  const secondsPerUnit = parseDurationSeconds(`1${unit}`) ?? 1;
  if (options.timestamps) {
    // Epoch numbers are milliseconds unless a unit is declared.
    const epochUnit = options.unit === undefined ? 1e-3 : secondsPerUnit;
    // Seconds are counted from the first timestamp's whole second, so sub-microsecond digits survive.
    let originMs: number | undefined;
    return (text, column) => {
      if (text === '') return { problem: msg.emptyValue(column), isValueLike: false };
      if (PLAIN_NUMBER.test(text)) {
        // Whole units and the decimals apart: 1800000000001.104 as one double is off by up to 0.12 µs, which
        // would hide that the log was written to the microsecond.
        const decimal = /^(\d+)\.(\d+)$/.exec(text);
        const msPerUnit = epochUnit * 1000;
        const wholeMs = Number(decimal ? decimal[1] : text) * msPerUnit;
        const fractionMs = decimal ? Number(`0.${decimal[2]}`) * msPerUnit : 0;
        originMs ??= Math.floor(wholeMs);
        return { seconds: (wholeMs - originMs) / 1000 + fractionMs / 1000 };
      }
      const instant = parseIsoInstant(text);
      if (instant === undefined) return { problem: msg.notATimestamp(text, column), isValueLike: false };
      originMs ??= instant.wholeSecondsMs;
      return { seconds: (instant.wholeSecondsMs - originMs) / 1000 + instant.fractionSeconds };
    };
  }
  return (text, column) => {
    if (text === '') return { problem: msg.emptyValue(column), isValueLike: false };
    const negative = text.startsWith('-');
    const body = negative || text.startsWith('+') ? text.slice(1).trimStart() : text;
    const seconds = PLAIN_NUMBER.test(body) ? Number(body) * secondsPerUnit : parseDurationSeconds(body);
    if (seconds === undefined || !Number.isFinite(seconds))
      return { problem: msg.notADuration(text, column, unitName(unit)), isValueLike: false };
    if (negative && seconds > 0) return { problem: msg.negativeDuration(text), isValueLike: true };
    return { seconds };
  };
}

/** The unit in words for messages. */
function unitName(unit: TimeUnit): string {
  const names: Record<TimeUnit, string> = {
    us: 'microseconds',
    ms: 'milliseconds',
    s: 'seconds',
    m: 'minutes',
    min: 'minutes',
    h: 'hours',
  };
  return names[unit];
}

/** The 0-based index of the column to read: as named by --column, else the first holding a value. */
function columnIndex(
  options: ReadSamplesOptions,
  header: string[] | null,
  firstRow: DataLine,
  parse: (text: string, column: string) => Cell,
  fail: (message: string) => never,
): number {
  const requested = options.column;
  const count = header?.length ?? firstRow.fields.length;
  if (requested !== undefined && /^\d+$/.test(requested)) {
    const number = Number(requested);
    if (number < 1 || number > count) fail(msg.columnIndexOutOfRange(number, count));
    return number - 1;
  }
  if (requested !== undefined) {
    if (header === null) return fail(msg.columnNameWithoutHeader(requested));
    const exact = header.indexOf(requested);
    if (exact >= 0) return exact;
    const folded = header.findIndex((name) => name.toLowerCase() === requested.toLowerCase());
    if (folded >= 0) return folded;
    return fail(msg.unknownColumnName(requested, header, closestMatch(requested, header)));
  }
  // With timestamps an ISO date-time column is the evident choice, even after a numeric id column.
  const iso = options.timestamps
    ? firstRow.fields.findIndex((field) => parseIsoInstant(field.text) !== undefined)
    : -1;
  if (iso >= 0) return iso;
  const found = firstRow.fields.findIndex((field) => looksLikeValue(parse(field.text, '')));
  if (found < 0) fail(msg.noNumericColumn(firstRow.fields.map((field) => `"${field.text}"`).join(', ')));
  return found;
}

/** Intervals between consecutive events, after sorting the timestamps; counts those that were out of order. */
function intervals(timestamps: number[]): { durations: number[]; outOfOrder: number } {
  let outOfOrder = 0;
  for (let i = 1; i < timestamps.length; i++) if (timestamps[i] < timestamps[i - 1]) outOfOrder++;
  const sorted = [...timestamps].sort((a, b) => a - b);
  const durations = sorted.slice(1).map((t, i) => t - sorted[i]);
  return { durations, outOfOrder };
}

/** The unit a column name suggests (`service_ms`, `latency (us)`), when it is not seconds; else null. */
function unitHint(name: string): TimeUnit | null {
  const match = /(?:^|[^a-z])(ms|millis|milliseconds|us|µs|micros|microseconds)(?:[^a-z]|$)/i.exec(name);
  if (!match) return null;
  return /^m(s|illi)/i.test(match[1]) ? 'ms' : 'us';
}
