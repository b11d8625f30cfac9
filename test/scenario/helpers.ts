import { expect } from 'vitest';
import { ScenarioError, parseScenario, type ScenarioProblem } from '../../src/scenario/index.js';

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
