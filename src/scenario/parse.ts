/** The pipeline: YAML text → syntax check → schema → semantic rules → normalised `Scenario`. */
import { readFile, stat } from 'node:fs/promises';
import type { Document, YAMLError, YAMLWarning } from 'yaml';
import { duplicateKeyOffsets } from './duplicate-keys.js';
import { fastYamlData } from './fast-yaml.js';
import { yamlLibrary } from './yaml-library.js';
import { ScenarioError, hasErrors, sortProblems, type ScenarioProblem, type Severity } from './errors.js';
import * as msg from './messages.js';
import { normaliseScenario } from './normalise.js';
import { SourceLocator, formatPath, type PathProblem } from './positions.js';
import { rawScenarioSchema } from './raw-schema.js';
import { checkSemantics } from './semantic-checks.js';
import { readSampleFiles, resolveSamplePaths, withSampleValues, type SampleFiles } from './sample-files.js';
import { checkTraces, traceTypesOf, type TraceCheck } from './trace-check.js';
import type { Scenario } from './types.js';
import { fallbackMessage, issuesToProblems } from './zod-issues.js';

/** A valid scenario and the warnings found on the way. */
export interface ParsedScenario {
  scenario: Scenario;
  warnings: ScenarioProblem[];
}

/** Parses and validates scenario YAML; throws ScenarioError listing every problem when any is an error. */
export function parseScenario(text: string, file: string): ParsedScenario {
  // A valid file needs no positions: read it fast and check it; any problem is reported from the
  // Document, which places it, with the checks of the fast read reused (their data is the same).
  const fast = fastYamlData(text);
  if (fast === undefined || fast.value === null || fast.value === undefined) {
    return parseWithPositions(text, file, undefined);
  }
  const checked = checkData(fast.value, file);
  if (checked.clean) return { scenario: scenarioOf(checked, file), warnings: [] };
  return parseWithPositions(text, file, checked);
}

/** The schema, the semantic rules and the files a scenario names, checked over its plain data. */
interface CheckedData {
  result: ReturnType<typeof rawScenarioSchema.safeParse>;
  traces: TraceCheck;
  samples: SampleFiles;
  /** True when nothing at all was found, not even a warning. */
  clean: boolean;
  /** Every problem, in the order the messages are listed, placed by `place`. */
  problems(place: (problem: PathProblem) => ScenarioProblem): ScenarioProblem[];
}

function checkData(value: unknown, file: string): CheckedData {
  const result = rawScenarioSchema.safeParse(value, { reportInput: true, error: fallbackMessage });
  // Trace files are read before the semantic checks: the types they carry take part in routing.
  const traces = checkTraces(value, file);
  // So are samples files of empirical distributions: their problems are reported with the rest.
  const samples = readSampleFiles(value, file);
  const traceTypes = new Map([...traces.summaries].map(([index, summary]) => [index, traceTypesOf(summary)]));
  const schemaProblems = result.success ? [] : issuesToProblems(result.error.issues, value);
  const semanticProblems = checkSemantics(value, traceTypes);
  const clean =
    result.success &&
    semanticProblems.length === 0 &&
    traces.pathProblems.length === 0 &&
    traces.fileProblems.length === 0 &&
    samples.pathProblems.length === 0 &&
    samples.fileProblems.length === 0;
  return {
    result,
    traces,
    samples,
    clean,
    problems: (place) => [
      ...schemaProblems.map(place),
      ...semanticProblems.map(place),
      ...traces.pathProblems.map(place),
      ...traces.fileProblems,
      ...samples.pathProblems.map(place),
      ...samples.fileProblems,
    ],
  };
}

function scenarioOf(checked: CheckedData, file: string): Scenario {
  if (!checked.result.success) throw new Error('scenarioOf: the schema check failed');
  // Two more walks over the data only when it names samples files (a large network usually names none).
  const { data } = checked.result;
  const withSamples =
    checked.samples.mappings === 0 ? data : withSampleValues(resolveSamplePaths(data, file), checked.samples);
  return normaliseScenario(withSamples, checked.traces.summaries);
}

/** The Document path: every problem placed at its line and column. */
function parseWithPositions(
  text: string,
  file: string,
  checkedFast: CheckedData | undefined,
): ParsedScenario {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  // prettyErrors off: we place errors ourselves and keep messages to one line. Merge keys (`<<: *base`)
  // are YAML 1.1's way to share settings; repeated keys are found by our own linear check.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, merge: true, uniqueKeys: false });
  const locator = new SourceLocator(doc, lineCounter);
  const place = (problem: PathProblem): ScenarioProblem => ({
    file,
    ...locator.locate(problem.path, problem.anchor),
    path: formatPath(problem.path),
    message: problem.message,
    severity: problem.severity,
    ...(problem.code ? { code: problem.code } : {}),
  });
  const yamlProblems = yamlProblemsOf(doc, locator, file);
  if (hasErrors(yamlProblems)) throw new ScenarioError(sortProblems(yamlProblems));

  // Problems with the document as a whole point at its start.
  const wholeFile = (message: string): ScenarioProblem => ({
    file,
    line: 1,
    column: 1,
    path: '',
    message,
    severity: 'error',
  });
  const data = toData(doc);
  if (typeof data === 'string') throw new ScenarioError([...yamlProblems, wholeFile(data)]);
  if (data.value === null || data.value === undefined) {
    throw new ScenarioError([...yamlProblems, wholeFile(msg.emptyFile())]);
  }

  const checked = checkedFast ?? checkData(data.value, file);
  const problems = sortProblems(dedupe([...yamlProblems, ...checked.problems(place)]));
  if (!checked.result.success || hasErrors(problems)) throw new ScenarioError(problems);
  return { scenario: scenarioOf(checked, file), warnings: problems };
}

/** YAML syntax errors and warnings, a second document, and repeated keys, each placed at its offset. */
function yamlProblemsOf(doc: Document, locator: SourceLocator, file: string): ScenarioProblem[] {
  const fromYaml = (problem: YAMLError | YAMLWarning, severity: Severity): ScenarioProblem => ({
    file,
    ...locator.at(problem.pos[0]),
    path: '',
    message:
      problem.code === 'MULTIPLE_DOCS'
        ? msg.multipleDocuments()
        : severity === 'error'
          ? msg.yamlSyntax(problem.message)
          : msg.yamlWarning(problem.message),
    severity,
  });

  const problems = [
    ...doc.errors.map((problem) => fromYaml(problem, 'error')),
    ...doc.warnings.map((problem) => fromYaml(problem, 'warning')),
  ];
  if (doc.errors.length === 0) {
    for (const offset of duplicateKeyOffsets(doc)) {
      problems.push({
        file,
        ...locator.at(offset),
        path: '',
        message: msg.duplicateKey(),
        severity: 'error',
      });
    }
  }
  return problems;
}

/** Largest scenario file read: a scenario is a description, and its long sample lists belong in files. */
export const MAX_SCENARIO_BYTES = 10 * 1000 * 1000;

/**
 * Reads and parses a scenario file; an unreadable file is a ScenarioError too. The file is checked
 * before it is read: a FIFO or device would block or never end, and a huge file would take minutes and
 * gigabytes to parse.
 */
export async function loadScenarioFile(path: string): Promise<ParsedScenario> {
  const unreadable = (message: string): ScenarioError =>
    new ScenarioError([{ file: path, line: 0, column: 0, path: '', message, severity: 'error' }]);
  let text: string;
  try {
    const facts = await stat(path);
    if (facts.isDirectory()) throw unreadable(msg.fileUnreadable('it is a directory, not a file'));
    if (!facts.isFile()) throw unreadable(msg.fileUnreadable(msg.notRegularFile()));
    if (facts.size > MAX_SCENARIO_BYTES)
      throw unreadable(msg.scenarioTooLarge(facts.size, MAX_SCENARIO_BYTES));
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    throw unreadable(msg.fileUnreadable(msg.readErrorReason(error)));
  }
  return parseScenario(text, path);
}

/** Plain data from the document, or a message when it cannot be resolved (e.g. an alias bomb). */
function toData(doc: Document): { value: unknown } | string {
  try {
    return { value: doc.toJS() };
  } catch (error) {
    return msg.yamlUnresolvable(error instanceof Error ? error.message : String(error));
  }
}

/** Drops exact repeats (two rules can meet at the same place with the same words). */
function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
