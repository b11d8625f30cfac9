/** Trace files: a bounded-memory line reader and the records (timestamp, optional type) of CSV and NDJSON traces. */
export { LineReader, LineTooLongError, DEFAULT_CHUNK_BYTES, MAX_LINE_CHARS } from './line-reader.js';
export { splitCsvLine } from './csv-line.js';
export { parseTimestampMs } from './timestamps.js';
export {
  TraceReader,
  traceFormatOf,
  DEFAULT_TIMESTAMP_COLUMNS,
  TYPE_COLUMN,
  RECORD,
  END,
  PROBLEM,
  type TraceFormat,
  type TraceLineProblem,
  type ReadStatus,
  type TraceReaderOptions,
} from './trace-records.js';
