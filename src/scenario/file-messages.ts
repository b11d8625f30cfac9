/**
 * Every sentence a user can read about a trace file or a samples file named by a scenario; part of the
 * catalogue in messages.ts, which re-exports it.
 */
import { groupThousands } from '../math/thousands.js';
import { didYouMean, formatNumber, oneOf } from './message-words.js';

// --- trace files (`trace:` on a producer) ---

/** A trace file's extension names no format queuesim reads. */
export const traceFormatUnknown = (file: string): string =>
  `cannot tell the format of trace '${file}' from its extension; use .csv, .ndjson or .jsonl`;
/** A trace file cannot be read. */
export const traceUnreadable = (file: string, reason: string): string =>
  `cannot read trace '${file}': ${reason}`;
/** A trace with fewer than two distinct timestamps has no rate. */
export const traceTooShort = (file: string, records: number, fromStart: boolean): string =>
  `trace '${file}' has ${records} record(s) ${fromStart ? 'from its start ' : ''}${records < 2 ? '' : 'all at the same time '}— a trace needs at least two records at different times`;
/** A CSV header has no timestamp column. */
export const traceNoTimestampColumn = (wanted: readonly string[], columns: readonly string[]): string =>
  `no timestamp column: the header has ${columns.length === 0 ? 'no columns' : oneOf(columns)}; expected ${wanted.length === 1 ? `'${wanted[0]}' (trace.column)` : `${oneOf(wanted)}, or name the column with trace.column`}`;
/** A CSV row is shorter than the timestamp column. */
export const traceMissingCell = (column: string): string => `no '${column}' cell in this row`;
/** An NDJSON record without the timestamp key. */
export const traceMissingKey = (key: string): string => `no '${key}' in this record`;
/** A timestamp that is neither ISO-8601 nor epoch milliseconds. */
export const traceBadTimestamp = (written: string): string =>
  `timestamp '${written}' is neither ISO-8601 (e.g. 2026-11-23T08:00:00.250Z) nor epoch milliseconds`;
/** An NDJSON line that is not JSON. */
export const traceBadJson = (detail: string): string => `not a JSON object: ${detail}`;
/** An NDJSON line that is JSON but not an object. */
export const traceNotAnObject = (): string =>
  'expected a JSON object like {"timestamp": "2026-11-23T08:00:00Z", "type": "order_placed"}';
/** A message type that is not a valid name. */
export const traceBadType = (written: string): string =>
  `message type '${written}' is not a name (letters, digits, _ . -)`;
/** A line too long to be a trace record. */
export const traceLineTooLong = (): string => 'line too long to be a trace record (over 1 MiB)';
/** A record earlier than the one before it. */
export const traceNotInOrder = (written: string, previous: string): string =>
  `timestamp '${written}' is earlier than the previous one (${previous}); a trace must be in time order`;
/** A record's type is not among the scenario's declared message types. */
export const traceTypeUndeclared = (type: string, suggestion: string | undefined): string =>
  `message type '${type}' is not declared in the scenario's message-types${didYouMean(suggestion)}`;
/** A record without a type in a trace that types its messages, and no `types:` to draw one from. */
export const traceRecordUntyped = (producer: string): string =>
  `this record has no type, but others do and producer '${producer}' has no 'types' mix to draw one from; give every record a type, or add types: to the producer`;
/** A direct exchange receives untyped trace records. */
export const traceUntypedToDirect = (producer: string, exchange: string): string =>
  `producer '${producer}' publishes to direct exchange '${exchange}' but its trace has no type column and it has no 'types', so none of its messages could be routed; add a type column to the trace or types: to the producer`;
/** A trace without `loop` ends before the run: its producer is silent for the rest. */
export const traceEndsBeforeRun = (producer: string, traceSeconds: number, runSeconds: number): string =>
  `producer '${producer}': the trace ends ${formatNumber(traceSeconds)} s into the run, which lasts ${formatNumber(runSeconds)} s (warm-up included); the producer publishes nothing after that — add loop: true to repeat the trace`;
/** More problems in one trace than are worth listing. */
export const traceMoreProblems = (count: number): string =>
  `${count} more problem(s) in this trace not listed`;

// Samples of an empirical distribution read from a file (`empirical: { file: … }`).
/** Neither or both of an empirical distribution's sources. */
export const empiricalValuesOrFile = (): string =>
  'an empirical distribution needs exactly one of values (a list) or file (a samples file, one value per line)';
/** `column` without `file`. */
export const empiricalColumnWithoutFile = (): string =>
  'column names a column of the samples file: give file too, or leave column out';
/** A samples file that cannot be opened or read. */
export const samplesUnreadable = (file: string, reason: string): string =>
  `cannot read samples file '${file}': ${reason}`;
/** A cell that is no value of the distribution's kind. */
export const sampleBadValue = (written: string, size: boolean): string =>
  `'${written.length > 40 ? written.slice(0, 40) + '…' : written}' is not a ${size ? 'size (e.g. 512, 4KB; a plain number is bytes)' : 'time (e.g. 0.04, 40ms; a plain number is seconds)'} of 0 or more`;
/** A samples file without a single value. */
export const samplesEmpty = (file: string): string => `samples file '${file}' has no values`;
/** More values than a distribution is allowed to hold. */
export const samplesTooMany = (file: string, limit: number): string =>
  `samples file '${file}' has more than ${groupThousands(limit)} values, the limit (each is kept in memory for resampling): thin it, or fit a distribution to it (queuesim fit)`;
/** The named column is not in the header. */
export const samplesNoColumn = (column: string, columns: string[], suggestion: string | undefined): string =>
  `the samples file has no column '${column}' (its header: ${columns.join(', ')})${suggestion ? `; did you mean '${suggestion}'?` : ''}`;
/** A header with several columns and no `column:` to choose one. */
export const samplesWhichColumn = (columns: string[]): string =>
  `the samples file has several columns (${columns.join(', ')}): name the one to read with column:`;
/** A line with more cells than the header, or cells in a file without a header. */
export const samplesCellCount = (cells: number, expected: number): string =>
  `this line has ${cells} cells, the ${expected === 1 ? 'file has one column' : `header has ${expected}`}`;
/** A line longer than a samples line can be. */
export const samplesLineTooLong = (limit: number): string =>
  `this line is longer than ${limit} characters: a samples file has one value per line`;
/** Problems past those listed. */
export const samplesMoreProblems = (count: number): string =>
  `and ${count} more problem(s) in this samples file`;
