import { describe, expect, it } from 'vitest';
import { parseScenario, type DistributionSpec } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { problemAt, problemsOf, scenarioText } from './helpers.js';

/** The normalised service distribution of queue `q` written as `service: <written>`. */
function service(written: string): DistributionSpec | null {
  return parseScenario(scenarioText({ queue: `    service: ${written}\n` }), 't.yaml').scenario.queues[0]
    .service;
}

describe('distributions are normalised to seconds', () => {
  it.each<[string, DistributionSpec]>([
    ['20ms', { kind: 'constant', value: 0.02 }],
    ['0.02', { kind: 'constant', value: 0.02 }],
    ['0', { kind: 'constant', value: 0 }],
    ['{ distribution: exponential, mean: 20ms }', { kind: 'exponential', mean: 0.02 }],
    ['{ distribution: exponential, rate: 50/s }', { kind: 'exponential', mean: 0.02 }],
    ['{ distribution: exponential, rate: 3000/min }', { kind: 'exponential', mean: 0.02 }],
    ['{ distribution: constant, value: 5ms }', { kind: 'constant', value: 0.005 }],
    ['{ distribution: uniform, min: 10ms, max: 30ms }', { kind: 'uniform', min: 0.01, max: 0.03 }],
    ['{ distribution: uniform, min: 0, max: 0.5s }', { kind: 'uniform', min: 0, max: 0.5 }],
    ['{ distribution: normal, mean: 50ms, sd: 10ms }', { kind: 'normal', mean: 0.05, sd: 0.01 }],
    ['{ distribution: lognormal, mean: 60ms, cv: 1.5 }', { kind: 'lognormal', mean: 0.06, cv: 1.5 }],
    ['{ distribution: lognormal, mean: 60ms, cv: 0 }', { kind: 'lognormal', mean: 0.06, cv: 0 }],
    ['{ distribution: gamma, mean: 1m, cv: 0.5 }', { kind: 'gamma', mean: 60, cv: 0.5 }],
    ['{ distribution: erlang, k: 3, mean: 60ms }', { kind: 'erlang', k: 3, mean: 0.06 }],
    ['{ distribution: weibull, shape: 1.5, scale: 80ms }', { kind: 'weibull', shape: 1.5, scale: 0.08 }],
    [
      '{ distribution: empirical, values: [12ms, 0.015, 40ms] }',
      { kind: 'empirical', values: [0.012, 0.015, 0.04] },
    ],
  ])('%s', (written, expected) => {
    const actual = service(written);
    expect(actual?.kind).toBe(expected.kind);
    // Compare numerically: unit conversion may leave rounding in the last bits.
    for (const [key, value] of Object.entries(expected)) {
      const got = (actual as Record<string, unknown>)[key];
      if (typeof value === 'number') expect(got).toBeCloseTo(value, 12);
      else if (Array.isArray(value)) value.forEach((v, i) => expect((got as number[])[i]).toBeCloseTo(v, 12));
    }
    expect(Object.keys(actual ?? {}).sort()).toEqual(Object.keys(expected).sort());
  });

  it('accepts the block form of a mapping', () => {
    const text = scenarioText({
      queue: '    service:\n      distribution: erlang\n      k: 2\n      mean: 1s\n',
    });
    expect(parseScenario(text, 't.yaml').scenario.queues[0].service).toEqual({
      kind: 'erlang',
      k: 2,
      mean: 1,
    });
  });
});

describe('invalid distributions are reported at the offending field', () => {
  // The queue's service is on line 9; `    service: ` is 13 characters, so the value starts at column 14.
  const SERVICE_LINE = 9;
  const at = (written: string, path: string) =>
    problemAt(problemsOf(scenarioText({ queue: `    service: ${written}\n` })), path);
  const columnOf = (written: string, needle: string) => 14 + written.indexOf(needle);

  it.each([
    ['{ distribution: exponential, mean: 0 }', 'mean', msg.durationOutOfRange('> 0', 0)],
    ['{ distribution: exponential, mean: -2ms }', 'mean', msg.expectedDuration('-2ms')],
    ['{ distribution: exponential, rate: 0/s }', 'rate', msg.rateNotPositive('0/s')],
    ['{ distribution: constant, value: -1 }', 'value', msg.durationOutOfRange('>= 0', -1)],
    ['{ distribution: uniform, min: 30ms, max: 10ms }', 'max', msg.uniformMaxBelowMin()],
    ['{ distribution: normal, mean: 50ms, sd: -1 }', 'sd', msg.durationOutOfRange('>= 0', -1)],
    ['{ distribution: lognormal, mean: 60ms, cv: high }', 'cv', msg.expectedNumber('>= 0', 'high')],
    ['{ distribution: lognormal, mean: 60ms, cv: -0.5 }', 'cv', msg.expectedNumber('>= 0', -0.5)],
    ['{ distribution: gamma, mean: 60ms, cv: 0 }', 'cv', msg.expectedNumber('> 0', 0)],
    ['{ distribution: erlang, k: 1.5, mean: 60ms }', 'k', msg.expectedInteger('>= 1', 1.5)],
    ['{ distribution: erlang, k: 0, mean: 60ms }', 'k', msg.expectedInteger('>= 1', 0)],
    ['{ distribution: weibull, shape: 0, scale: 80ms }', 'shape', msg.expectedNumber('> 0', 0)],
    ['{ distribution: weibull, shape: 1, scale: 0ms }', 'scale', msg.durationOutOfRange('> 0', '0ms')],
  ])('%s', (written, field, message) => {
    const needle = written.includes(`${field}: `) ? `${field}: ` : field;
    const problem = at(written, `queues[0].service.${field}`);
    expect(problem).toMatchObject({
      line: SERVICE_LINE,
      column: columnOf(written, needle) + needle.length,
      message,
    });
  });

  it('an empty empirical list', () => {
    const written = '{ distribution: empirical, values: [] }';
    expect(at(written, 'queues[0].service.values')).toMatchObject({
      line: SERVICE_LINE,
      column: columnOf(written, '[]'),
      message: msg.emptyList('values'),
    });
  });

  it('an empirical value that is no duration', () => {
    const written = '{ distribution: empirical, values: [1ms, soon] }';
    expect(at(written, 'queues[0].service.values[1]')).toMatchObject({
      column: columnOf(written, 'soon'),
      message: msg.expectedDuration('soon'),
    });
  });

  it('an exponential with neither mean nor rate points at the mapping', () => {
    expect(at('{ distribution: exponential }', 'queues[0].service')).toMatchObject({
      line: SERVICE_LINE,
      column: 14,
      message: msg.exponentialNeedsMeanOrRate(),
    });
  });

  it('an exponential with both mean and rate', () => {
    const written = '{ distribution: exponential, mean: 1s, rate: 2/s }';
    expect(at(written, 'queues[0].service.rate')).toMatchObject({
      column: columnOf(written, '2/s'),
      message: msg.exponentialMeanAndRate(),
    });
  });

  it('an unknown distribution suggests the nearest name', () => {
    const written = '{ distribution: lognormall, mean: 1s, cv: 1 }';
    const problem = at(written, 'queues[0].service.distribution');
    expect(problem.column).toBe(columnOf(written, 'lognormall'));
    expect(problem.message).toContain("did you mean 'lognormal'?");
  });

  it('an abbreviated distribution name suggests the full one', () => {
    expect(at('{ distribution: expo, mean: 1s }', 'queues[0].service.distribution').message).toContain(
      "did you mean 'exponential'?",
    );
  });

  it('a mapping without `distribution` points at the mapping', () => {
    const problem = at('{ mean: 20ms }', 'queues[0].service.distribution');
    expect(problem).toMatchObject({ line: SERVICE_LINE, column: 14 });
    expect(problem.message).toMatch(/^missing key 'distribution'; expected one of 'exponential'/);
  });

  it('a key that belongs to another distribution is unknown, with a suggestion', () => {
    const written = '{ distribution: lognormal, mean: 60ms, cv: 1, sd: 5ms }';
    expect(at(written, 'queues[0].service.sd')).toMatchObject({
      column: columnOf(written, 'sd'),
      message: msg.unknownKey(undefined, ['distribution', 'mean', 'cv']),
    });
  });

  it.each([
    ['fast', 'fast'],
    ['true', true],
    ['[1, 2]', [1, 2]],
  ])('service: %s is neither a duration nor a distribution', (written, value) => {
    expect(at(written, 'queues[0].service')).toMatchObject({
      line: SERVICE_LINE,
      column: 14,
      message: msg.expectedDistribution(value),
    });
  });
});
