/**
 * The streaming pre-pass over every producer's trace file, run when a scenario is loaded: it counts and
 * checks the records (readable timestamps in time order, message types that are names and, when the scenario
 * declares message-types, declared ones) and sums up what normalisation and the semantic checks need. Memory
 * stays bounded whatever the file's size. Problems in a record are located in the trace file; a file that
 * cannot be used at all is located at the producer's `trace.file`.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  parseTimestampMs,
  PROBLEM,
  RECORD,
  TraceReader,
  traceFormatOf,
  type TraceFormat,
  type TraceLineProblem,
} from '../trace/index.js';
import { asName, entries, isRecord } from './checks/entries.js';
import type { ScenarioProblem } from './errors.js';
import { FileProblems, notRegularFileReason } from './file-problems.js';
import * as msg from './messages.js';
import type { PathProblem } from './positions.js';
import { closestMatch } from './suggest.js';
import { COVERAGE_WARNED } from './trace-coverage.js';
import { parseDurationSeconds } from './units.js';

/** What the pre-pass learnt about one trace. */
export interface TraceSummary {
  /** Absolute path, so worker threads (which get the normalised scenario) can open it. */
  path: string;
  format: TraceFormat;
  /** The timestamp column or key as given in `trace.column`; null = the default names. */
  column: string | null;
  records: number;
  /** Simulated time 0, epoch milliseconds: `start`, or the first record's timestamp. */
  firstMs: number;
  /** Last minus first timestamp, milliseconds. */
  spanMs: number;
  /** Records per message type, in the order types first appear. */
  typeCounts: Map<string, number>;
  /** Records without a type. */
  untyped: number;
}

/** The pre-pass's findings: a summary per producer index whose trace is usable, and the problems. */
export interface TraceCheck {
  summaries: Map<number, TraceSummary>;
  /** Problems in the scenario file (located by path). */
  pathProblems: PathProblem[];
  /** Problems in trace files (located by line and column in the trace). */
  fileProblems: ScenarioProblem[];
}

/** Checks the trace of every producer that has a readable `trace.file` in the (possibly invalid) data. */
export function checkTraces(data: unknown, scenarioFile: string): TraceCheck {
  const check: TraceCheck = { summaries: new Map(), pathProblems: [], fileProblems: [] };
  const declared = isRecord(data) && isRecord(data['message-types']) ? data['message-types'] : undefined;
  const declaredTypes =
    declared === undefined ? undefined : Object.keys(declared).filter((name) => asName(name));
  for (const producer of entries(data, 'producers')) {
    const trace = producer.fields.trace;
    if (!isRecord(trace) || typeof trace.file !== 'string') continue;
    const column = typeof trace.column === 'string' ? trace.column : undefined;
    const start =
      typeof trace.start === 'string' || typeof trace.start === 'number'
        ? parseTimestampMs(trace.start)
        : undefined;
    const at = ['producers', producer.index, 'trace', 'file'];
    const shown = isAbsolute(trace.file) ? trace.file : join(dirname(scenarioFile), trace.file);
    const format = traceFormatOf(trace.file);
    if (format === undefined) {
      check.pathProblems.push({ path: at, message: msg.traceFormatUnknown(trace.file), severity: 'error' });
      continue;
    }
    const read = readTrace(resolve(shown), format, column, shown, {
      startMs: start,
      declaredTypes,
      producer: producer.label,
      hasMix: producer.fields.types !== undefined,
    });
    if ('unreadable' in read) {
      const message = msg.traceUnreadable(trace.file, read.unreadable);
      check.pathProblems.push({ path: at, message, severity: 'error' });
      continue;
    }
    check.fileProblems.push(...read.problems);
    if (read.problems.length > 0) continue;
    const summary = read.summary;
    if (summary.records < 2 || summary.spanMs <= 0) {
      check.pathProblems.push({
        path: at,
        message: msg.traceTooShort(trace.file, summary.records, start !== undefined),
        severity: 'error',
      });
      continue;
    }
    check.summaries.set(producer.index, summary);
    const ending = endsBeforeRun(data, trace, summary);
    if (ending !== undefined) {
      const message = msg.traceEndsBeforeRun(producer.label, ending.traceSeconds, ending.runSeconds);
      check.pathProblems.push({
        path: ['producers', producer.index, 'trace'],
        message,
        severity: 'warning',
        code: 'trace-ends-before-run',
      });
    }
  }
  return check;
}

/**
 * When a trace without `loop` ends well before the run does (its producer then falls silent), when each
 * ends in simulated seconds; undefined otherwise or when the times cannot be read (the schema reports those).
 */
function endsBeforeRun(
  data: unknown,
  trace: Record<string, unknown>,
  summary: TraceSummary,
): { traceSeconds: number; runSeconds: number } | undefined {
  if (trace.loop === true || !isRecord(data)) return undefined;
  const speedup = trace.speedup ?? 1;
  const asSeconds = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? parseDurationSeconds(value) : undefined;
  const duration = asSeconds(data.duration);
  const warmup = data.warmup === undefined || data.warmup === 'auto' ? 0 : asSeconds(data.warmup);
  if (typeof speedup !== 'number' || !(speedup > 0) || duration === undefined || warmup === undefined) {
    return undefined;
  }
  const traceSeconds = summary.spanMs / 1000 / speedup;
  const runSeconds = warmup + duration;
  return traceSeconds < COVERAGE_WARNED * runSeconds ? { traceSeconds, runSeconds } : undefined;
}

interface Expectations {
  /** Records before this (epoch ms) are checked but not replayed; undefined = from the first record. */
  startMs: number | undefined;
  /** The scenario's declared message types; undefined = it declares none, so any name goes. */
  declaredTypes: string[] | undefined;
  producer: string;
  /** The producer has `types:`, from which records without a type draw one. */
  hasMix: boolean;
}

/** The summary of a trace before its first record is read. */
function emptySummary(path: string, format: TraceFormat, column: string | undefined): TraceSummary {
  return {
    path,
    format,
    column: column ?? null,
    records: 0,
    firstMs: 0,
    spanMs: 0,
    typeCounts: new Map(),
    untyped: 0,
  };
}

/** One streaming pass over a trace file: its summary and located problems, or why it cannot be read. */
function readTrace(
  path: string,
  format: TraceFormat,
  column: string | undefined,
  shown: string,
  expect: Expectations,
): { summary: TraceSummary; problems: ScenarioProblem[] } | { unreadable: string } {
  const notRegular = notRegularFileReason(path);
  if (notRegular !== undefined) return { unreadable: notRegular };
  const reader = new TraceReader(path, format, { column });
  const summary = emptySummary(path, format, column);
  const listed = new FileProblems(shown);
  const report = (line: number, column: number, message: string) => listed.report(line, column, message);
  const undeclaredSeen = new Set<string>();
  let previous: { ms: number; written: string } | undefined;
  let firstUntypedLine = 0;
  for (;;) {
    let status;
    try {
      status = reader.next();
    } catch (error) {
      return { unreadable: msg.readErrorReason(error) };
    }
    if (status === PROBLEM) {
      const problem = reader.problem as TraceLineProblem;
      report(problem.line, problem.column, lineProblemMessage(problem));
      // A file without a usable header or a far too long line: the rest cannot be read sensibly.
      if (problem.kind === 'no-timestamp-column' || problem.kind === 'line-too-long') break;
      continue;
    }
    if (status !== RECORD) break;
    const ms = reader.timeMs;
    if (previous !== undefined && ms < previous.ms) {
      report(reader.line, 1, msg.traceNotInOrder(reader.written, previous.written));
    }
    if (previous === undefined || ms > previous.ms) previous = { ms, written: reader.written };
    if (expect.startMs !== undefined && ms < expect.startMs) continue;
    if (summary.records === 0) summary.firstMs = expect.startMs ?? ms;
    summary.records++;
    const type = reader.type;
    if (type === null) {
      summary.untyped++;
      if (firstUntypedLine === 0) firstUntypedLine = reader.line;
      continue;
    }
    summary.typeCounts.set(type, (summary.typeCounts.get(type) ?? 0) + 1);
    const declared = expect.declaredTypes;
    if (declared !== undefined && !declared.includes(type) && !undeclaredSeen.has(type)) {
      undeclaredSeen.add(type);
      report(reader.line, 1, msg.traceTypeUndeclared(type, closestMatch(type, declared)));
    }
  }
  if (summary.typeCounts.size > 0 && summary.untyped > 0 && !expect.hasMix) {
    report(firstUntypedLine, 1, msg.traceRecordUntyped(expect.producer));
  }
  const problems = listed.finish(msg.traceMoreProblems);
  summary.spanMs = summary.records === 0 || previous === undefined ? 0 : previous.ms - summary.firstMs;
  return { summary, problems };
}

/** The sentence for a problem the reader found in one line. */
function lineProblemMessage(problem: TraceLineProblem): string {
  switch (problem.kind) {
    case 'no-timestamp-column':
      return msg.traceNoTimestampColumn(problem.wanted, problem.columns);
    case 'missing-cell':
      return msg.traceMissingCell(problem.columnName);
    case 'missing-key':
      return msg.traceMissingKey(problem.key);
    case 'bad-timestamp':
      return msg.traceBadTimestamp(problem.written);
    case 'bad-json':
      return msg.traceBadJson(problem.detail);
    case 'not-an-object':
      return msg.traceNotAnObject();
    case 'bad-type':
      return msg.traceBadType(problem.written);
    case 'line-too-long':
      return msg.traceLineTooLong();
  }
}

/** The message types a usable trace gives its producer's messages, for the routing checks. */
export function traceTypesOf(summary: TraceSummary): string[] {
  return [...summary.typeCounts.keys()];
}
