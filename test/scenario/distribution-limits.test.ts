/**
 * Distribution parameters are checked against what the samplers can handle: past the limits (found by
 * fuzzing: lognormal mean 1e308, gamma cv 1e308, tiny Weibull shapes) draws and moments were Infinity or
 * NaN and runs ended as internal errors; at the limits every draw and moment is finite.
 */
import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../src/engine/random.js';
import { distributionFromSpec } from '../../src/model/distribution-from-spec.js';
import { parseScenario } from '../../src/scenario/index.js';
import {
  MAX_CV,
  MAX_DISTRIBUTION_BYTES,
  MAX_DISTRIBUTION_SECONDS,
  MIN_WEIBULL_SHAPE,
} from '../../src/scenario/limits.js';
import * as msg from '../../src/scenario/messages.js';
import { problemAt, problemsOf, scenarioText } from './helpers.js';

const TIMES = '1e9 s (about 31.7 years)';
const service = (written: string) => scenarioText({ queue: `    service: ${written}\n` });

describe('distribution parameters past what the samplers can handle are located errors', () => {
  it.each([
    [
      '{ distribution: lognormal, mean: 1e308, cv: 1 }',
      'mean',
      msg.distributionValueAboveLimit('1e+308', TIMES, 'time'),
    ],
    ['{ distribution: lognormal, mean: 60ms, cv: 1e308 }', 'cv', msg.cvAboveLimit(1e308, MAX_CV)],
    ['{ distribution: gamma, mean: 60ms, cv: 1e308 }', 'cv', msg.cvAboveLimit(1e308, MAX_CV)],
    [
      '{ distribution: gamma, mean: 1e200, cv: 2 }',
      'mean',
      msg.distributionValueAboveLimit('1e+200', TIMES, 'time'),
    ],
    [
      '{ distribution: weibull, shape: 0.001, scale: 1s }',
      'shape',
      msg.weibullShapeBelowLimit(0.001, MIN_WEIBULL_SHAPE),
    ],
    [
      '{ distribution: weibull, shape: 1, scale: 1e300 }',
      'scale',
      msg.distributionValueAboveLimit('1e+300', TIMES, 'time'),
    ],
    [
      '{ distribution: erlang, k: 3, mean: 1e308 }',
      'mean',
      msg.distributionValueAboveLimit('1e+308', TIMES, 'time'),
    ],
    [
      '{ distribution: normal, mean: 1s, sd: 1e308 }',
      'sd',
      msg.distributionValueAboveLimit('1e+308', TIMES, 'time'),
    ],
    [
      '{ distribution: uniform, min: 0, max: 1e308 }',
      'max',
      msg.distributionValueAboveLimit('1e+308', TIMES, 'time'),
    ],
    [
      '{ distribution: constant, value: 1e10 }',
      'value',
      msg.distributionValueAboveLimit('1e+10', TIMES, 'time'),
    ],
    [
      '{ distribution: exponential, mean: 1e308 }',
      'mean',
      msg.distributionValueAboveLimit('1e+308', TIMES, 'time'),
    ],
    [
      '{ distribution: exponential, rate: 1e-10 }',
      'rate',
      msg.distributionRateBelowLimit('1e-10', `1/${TIMES}`),
    ],
    [
      '{ distribution: empirical, values: [1s, 1e308] }',
      'values[1]',
      msg.distributionValueAboveLimit('1e+308', TIMES, 'time'),
    ],
  ])('%s', (written, field, message) => {
    const problem = problemAt(problemsOf(service(written)), `queues[0].service.${field}`);
    expect(problem).toMatchObject({ line: 9, severity: 'error', message });
    expect(problem.column).toBeGreaterThan(14);
  });

  it('sizes have their own limit (1 PB)', () => {
    const text = scenarioText({
      producer: '    rate: 10/s\n    message-size: { distribution: lognormal, mean: 1e20, cv: 1 }\n',
    });
    expect(problemAt(problemsOf(text), 'producers[0].message-size.mean').message).toBe(
      msg.distributionValueAboveLimit('1e+20', '1e15 bytes (1 PB)', 'size'),
    );
  });
});

describe('at the limits every draw and moment is finite', () => {
  const T = MAX_DISTRIBUTION_SECONDS;
  it.each([
    `{ distribution: lognormal, mean: ${T}, cv: ${MAX_CV} }`,
    `{ distribution: lognormal, mean: 1e-9, cv: ${MAX_CV} }`,
    `{ distribution: gamma, mean: ${T}, cv: ${MAX_CV} }`,
    `{ distribution: gamma, mean: 1e-9, cv: ${MAX_CV} }`,
    `{ distribution: weibull, shape: ${MIN_WEIBULL_SHAPE}, scale: ${T} }`,
    `{ distribution: weibull, shape: 1e308, scale: ${T} }`,
    `{ distribution: erlang, k: 1e15, mean: ${T} }`,
    `{ distribution: normal, mean: ${T}, sd: ${T} }`,
    `{ distribution: normal, mean: 1e-300, sd: ${T} }`,
    `{ distribution: uniform, min: 0, max: ${T} }`,
    `{ distribution: exponential, mean: ${T} }`,
    `{ distribution: exponential, rate: 1e-9 }`,
  ])('%s', (written) => {
    const spec = parseScenario(service(written), 't.yaml').scenario.queues[0].service;
    expect(spec).not.toBeNull();
    const distribution = distributionFromSpec(spec!);
    expect(Number.isFinite(distribution.mean)).toBe(true);
    expect(Number.isFinite(distribution.variance)).toBe(true);
    const random = new RandomStream(1, 'limits');
    for (let i = 0; i < 20_000; i++) {
      const draw = distribution.sample(random);
      if (!(Number.isFinite(draw) && draw >= 0)) expect.fail(`draw ${i} is ${draw}`);
    }
  });

  it('a size distribution at its limit', () => {
    const text = scenarioText({
      producer: `    rate: 10/s\n    message-size: { distribution: gamma, mean: ${MAX_DISTRIBUTION_BYTES}, cv: ${MAX_CV} }\n`,
    });
    expect(() => parseScenario(text, 't.yaml')).not.toThrow();
  });
});
