import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  formatProblems,
  parseScenario,
  type ScenarioProblem,
} from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { OVERFLOW_WORDS } from '../../src/scenario/queue-schema.js';
import { expectOnly, problemsOf, scenarioText } from './helpers.js';

describe('YAML syntax', () => {
  it('is located at line and column', () => {
    const problems = problemsOf('name: t\nqueues: [a, b\nduration: 1m\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.severity === 'error' && problem.path === '')).toBe(true);
    // The parser notices the unclosed `[` where the next block key starts.
    expect(problems[0]).toMatchObject({ line: 3, column: 1, file: 'test.yaml' });
    expect(problems[0].message).toMatch(/^YAML syntax error: Flow sequence .* end with a \]$/);
  });

  it('every syntax error is reported, not just the first', () => {
    const problems = problemsOf('name: t\nname: u\nduration: 1m\nduration: 2m\n');
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([
      [2, 1],
      [4, 1],
    ]);
  });

  it('a tab used for indentation', () => {
    const problems = problemsOf('name: t\nqueues:\n\t- name: q\n');
    expect(problems[0]).toMatchObject({ line: 3, column: 1, severity: 'error' });
    expect(problems[0].message).toContain('Tabs');
  });

  it('more than one document', () => {
    expectOnly(problemsOf('name: a\n---\nname: b\n'), '', 2, 1, msg.multipleDocuments());
  });

  it('an empty file, or one with only comments', () => {
    expectOnly(problemsOf(''), '', 1, 1, msg.emptyFile());
    expectOnly(problemsOf('# nothing yet\n'), '', 1, 1, msg.emptyFile());
  });

  it('a file that is a list, not a mapping', () => {
    expectOnly(problemsOf('- name: t\n'), '', 1, 1, msg.expectedMapping('a scenario', [{ name: 't' }]));
  });

  it('an alias bomb is refused, not expanded', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      bomb.push(`${'abcdefgh'[i]}: &${'abcdefgh'[i]} [${`*${'abcdefgh'[i - 1]}, `.repeat(10)}]`);
    const problems = problemsOf(bomb.join('\n') + '\n');
    expect(problems[0].message).toMatch(/^cannot resolve the YAML document: /);
  });
});

describe('keys', () => {
  it('an unknown key suggests the nearest known key and points at the key', () => {
    const problems = problemsOf(scenarioText({ queue: '    capacty: 1000\n    service: 1s\n' }));
    expectOnly(problems, 'queues[0].capacty', 9, 5, "unknown key; did you mean 'capacity'?");
  });

  it('an unknown key with nothing close lists the known keys', () => {
    const problems = problemsOf(scenarioText({ top: 'colour: blue\n' }));
    expectOnly(
      problems,
      'colour',
      3,
      1,
      "unknown key; expected one of: 'name', 'description', 'seed', 'duration', 'warmup', 'replications', 'batches', 'precision', 'max-replications', 'max-duration', 'time-budget', 'max-backlog', 'message-types', 'producers', 'exchanges', 'queues', 'slo', 'cost', 'variants'",
    );
  });

  it('each unknown key in one mapping is its own problem', () => {
    const problems = problemsOf(scenarioText({ producer: '    rate: 1/s\n    ratte: 2/s\n    too: x\n' }));
    expect(problems.map((p) => [p.path, p.line, p.column, p.message])).toEqual([
      ['producers[0].ratte', 7, 5, "unknown key; did you mean 'rate'?"],
      ['producers[0].too', 8, 5, "unknown key; did you mean 'to'?"],
    ]);
  });

  it('a missing required key points at the mapping that should hold it', () => {
    const text = 'name: t\nproducers:\n  - to: q\n    rate: 1/s\nqueues:\n  - name: q\n    service: 1s\n';
    expect(problemsOf(text).map((p) => [p.path, p.line, p.column, p.message])).toEqual([
      ['duration', 1, 1, msg.missingKey('duration')],
      ['producers[0].name', 3, 5, msg.missingKey('name')],
    ]);
  });

  it('an empty value is not a missing key', () => {
    expectOnly(
      problemsOf(scenarioText({ queue: '    capacity:\n    service: 1s\n' })),
      'queues[0].capacity',
      9,
      14,
      msg.expectedInteger('>= 0', null),
    );
  });
});

describe('values', () => {
  it.each([
    ['duration: 10 minutes', 'duration', 11, msg.expectedDuration('10 minutes')],
    ['duration: 0', 'duration', 11, msg.durationOutOfRange('> 0', 0)],
    ['duration: 0s', 'duration', 11, msg.durationOutOfRange('> 0', '0s')],
    ['duration: -1m', 'duration', 11, msg.expectedDuration('-1m')],
    ['duration: [1m]', 'duration', 11, msg.expectedDuration(['1m'])],
  ])('%s', (line, path, column, message) => {
    expectOnly(problemsOf(scenarioText().replace('duration: 1m', line)), path, 2, column, message);
  });

  it.each([
    ['warmup: soon', 'warmup', 9, msg.expectedWarmup('soon')],
    ['seed: 1.5', 'seed', 7, msg.expectedInteger('>= 0', 1.5)],
    ['seed: "42"', 'seed', 7, msg.expectedInteger('>= 0', '42')],
    ['seed: -1', 'seed', 7, msg.expectedInteger('>= 0', -1)],
    ['description: [a]', 'description', 14, msg.expectedText(['a'])],
  ])('%s', (line, path, column, message) => {
    expectOnly(problemsOf(scenarioText({ top: line + '\n' })), path, 3, column, message);
  });

  it.each([
    ['rate: 50 per second', 'rate', 11, msg.expectedRate('50 per second')],
    ['rate: 0', 'rate', 11, msg.rateNotPositive(0)],
    ['rate: 0/min', 'rate', 11, msg.rateNotPositive('0/min')],
    ['rate: 50/second', 'rate', 11, msg.expectedRate('50/second')],
  ])('producer %s', (line, field, column, message) => {
    expectOnly(
      problemsOf(scenarioText({ producer: `    ${line}\n` })),
      `producers[0].${field}`,
      6,
      column,
      message,
    );
  });

  it.each([
    ['capacity: -1', 'capacity', 15, msg.expectedInteger('>= 0', -1)],
    ['capacity: 2.5', 'capacity', 15, msg.expectedInteger('>= 0', 2.5)],
    ['capacity: lots', 'capacity', 15, msg.expectedInteger('>= 0', 'lots')],
    ['consumers: -2', 'consumers', 16, msg.expectedInteger('>= 0', -2)],
    ['overflow: drop-tail', 'overflow', 15, msg.expectedOneOf(OVERFLOW_WORDS, 'drop-tail', undefined)],
    ['overflow: reject-nwe', 'overflow', 15, msg.expectedOneOf(OVERFLOW_WORDS, 'reject-nwe', 'reject-new')],
  ])('queue %s', (line, field, column, message) => {
    const problems = problemsOf(scenarioText({ queue: `    ${line}\n    service: 1s\n` }));
    expectOnly(problems, `queues[0].${field}`, 9, column, message);
  });

  it('a name with spaces', () => {
    const text = scenarioText().replace('name: t', 'name: my scenario');
    expectOnly(problemsOf(text), 'name', 1, 7, msg.expectedName('my scenario'));
  });

  it('producers and queues must be non-empty lists', () => {
    const text = 'name: t\nduration: 1m\nproducers: []\nqueues: { q: 1 }\n';
    expect(problemsOf(text).map((p) => [p.path, p.line, p.column, p.message])).toEqual([
      ['producers', 3, 12, msg.emptyList('producers')],
      ['queues', 4, 9, msg.expectedList('queues', { q: 1 })],
    ]);
  });

  it('a list entry that is not a mapping', () => {
    const text = scenarioText() + '  - spare\n';
    expectOnly(problemsOf(text), 'queues[1]', 10, 5, msg.expectedMapping('a queue', 'spare'));
  });
});

describe('ScenarioError and formatProblems', () => {
  it('formats one line per problem: file:line:col  severity  path: message', () => {
    const problems: ScenarioProblem[] = [
      {
        file: 'scenarios/x.yaml',
        line: 12,
        column: 5,
        path: 'queues[0].service.cv',
        message: 'expected a number >= 0, got "high"',
        severity: 'error',
      },
      {
        file: 'scenarios/x.yaml',
        line: 3,
        column: 1,
        path: '',
        message: 'YAML syntax error: oops',
        severity: 'error',
      },
      { file: 'missing.yaml', line: 0, column: 0, path: '', message: 'cannot read', severity: 'error' },
      { file: '<command line>', line: 0, column: 0, path: '--seed', message: 'bad', severity: 'warning' },
    ];
    expect(formatProblems(problems)).toBe(
      [
        'scenarios/x.yaml:12:5  error  queues[0].service.cv: expected a number >= 0, got "high"',
        'scenarios/x.yaml:3:1  error  YAML syntax error: oops',
        'missing.yaml  error  cannot read',
        '<command line>  warning  --seed: bad',
      ].join('\n'),
    );
  });

  it('the error message is the formatted problem list', () => {
    try {
      parseScenario(scenarioText({ queue: '    capacty: 1\n' }), 'scenarios/x.yaml');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect(error).toBeInstanceOf(Error);
      const { problems, message, name } = error as ScenarioError;
      expect(name).toBe('ScenarioError');
      expect(message).toBe(formatProblems(problems));
      expect(message).toContain(
        "scenarios/x.yaml:9:5  error  queues[0].capacty: unknown key; did you mean 'capacity'?",
      );
    }
  });
});
