import { QUEUE_DEFAULTS as MESSAGE_QUEUE_DEFAULTS } from '../helpers/queue-defaults.js';
import { expect } from 'vitest';
import {
  ScenarioError,
  parseScenario,
  type ProducerSpec,
  type QueueSpec,
  type ScenarioProblem,
} from '../../src/scenario/index.js';

/** The problems a scenario text is rejected with; fails the test when it is accepted. */
export function problemsOf(text: string, file = 'test.yaml'): ScenarioProblem[] {
  try {
    parseScenario(text, file);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the scenario to be rejected, but it was accepted');
}

/** Expects exactly one problem, an error in test.yaml at `path`, with this position and message. */
export function expectOnly(
  problems: ScenarioProblem[],
  path: string,
  line: number,
  column: number,
  message: string,
) {
  expect(problems).toEqual([{ file: 'test.yaml', line, column, path, message, severity: 'error' }]);
}

/** The single problem at `path`; fails when there is none or more than one. */
export function problemAt(problems: ScenarioProblem[], path: string): ScenarioProblem {
  const matching = problems.filter((problem) => problem.path === path);
  expect(matching, `problems at ${path} among ${JSON.stringify(problems, null, 2)}`).toHaveLength(1);
  return matching[0];
}

/**
 * A minimal valid scenario; `top`, `producer` and `queue` replace the lines after `duration`, in producer
 * `p` after `to`, and in queue `q` after `name` (indent them yourself). Defaults: line 6 `rate`, line 9 `service`.
 */
export function scenarioText({
  top = '',
  producer = '    rate: 10/s\n',
  queue = '    service: 20ms\n',
} = {}): string {
  return (
    'name: t\n' +
    'duration: 1m\n' +
    top +
    'producers:\n' +
    '  - name: p\n' +
    '    to: q\n' +
    producer +
    'queues:\n' +
    '  - name: q\n' +
    queue
  );
}

/** A normalised queue's settings at their defaults (FIFO, no limits, no failures, prefetch 1), to spread. */
export const QUEUE_DEFAULTS = {
  capacity: null,
  overflow: 'reject-new',
  ...MESSAGE_QUEUE_DEFAULTS,
} as const satisfies Partial<QueueSpec>;

/** A normalised producer's issue-3 settings at their defaults (untyped, size not modelled), to spread. */
export const PRODUCER_DEFAULTS = { types: [], messageBytes: null } as const satisfies Partial<ProducerSpec>;

/** Lines joined into a YAML text (ending with a newline), so tests can show line numbers beside them. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}

/** The 1-based line and column where `needle` is first written in `text` (after `after`, when given). */
export function positionOf(text: string, needle: string, after = ''): { line: number; column: number } {
  const offset = text.indexOf(needle, after === '' ? 0 : text.indexOf(after) + after.length);
  if (offset < 0) throw new Error(`'${needle}' is not in the text`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The warnings of a scenario that loads. */
export function warningsOf(text: string, file = 'test.yaml'): ScenarioProblem[] {
  return parseScenario(text, file).warnings;
}

/** Every problem of a scenario text, whether it loads (warnings only) or is rejected. */
export function allProblems(text: string, file = 'test.yaml'): ScenarioProblem[] {
  try {
    return parseScenario(text, file).warnings;
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
}
