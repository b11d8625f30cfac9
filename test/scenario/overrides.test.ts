import { describe, expect, it } from 'vitest';
import {
  ScenarioError,
  applyOverrides,
  parseScenario,
  type ScenarioProblem,
} from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { scenarioText } from './helpers.js';

const base = parseScenario(scenarioText({ top: 'seed: 3\nwarmup: 10s\n' }), 't.yaml').scenario;

/** The problems a set of overrides is rejected with. */
function rejected(overrides: Parameters<typeof applyOverrides>[1]): ScenarioProblem[] {
  try {
    applyOverrides(base, overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the overrides to be rejected');
}

const flagProblem = (path: string, message: string): ScenarioProblem => ({
  file: '<command line>',
  line: 0,
  column: 0,
  path,
  message,
  severity: 'error',
});

describe('applyOverrides', () => {
  it('changes nothing without flags, and returns a copy', () => {
    const result = applyOverrides(base, {});
    expect(result).toEqual(base);
    expect(result).not.toBe(base);
  });

  it('treats undefined as "flag not given"', () => {
    expect(applyOverrides(base, { seed: undefined, duration: undefined, warmup: undefined })).toEqual(base);
  });

  it('applies seed, duration and warmup from strings, as the command line gives them', () => {
    const result = applyOverrides(base, { seed: '42', duration: '30m', warmup: '0' });
    expect(result).toMatchObject({ seed: 42, durationSeconds: 1800, warmupSeconds: 0 });
    expect(base).toMatchObject({ seed: 3, durationSeconds: 60, warmupSeconds: 10 }); // not mutated
  });

  it('accepts numbers', () => {
    expect(applyOverrides(base, { seed: 0, duration: 2.5, warmup: 1 })).toMatchObject({
      seed: 0,
      durationSeconds: 2.5,
      warmupSeconds: 1,
    });
  });

  it.each([['abc'], ['-1'], ['1.5'], [''], ['1e3'], ['99999999999999999999']])(
    'rejects --seed %j',
    (seed) => {
      expect(rejected({ seed })).toEqual([flagProblem('--seed', msg.expectedSeed(seed))]);
    },
  );

  it('rejects a duration in words', () => {
    expect(rejected({ duration: '10 minutes' })).toEqual([
      flagProblem('--duration', msg.expectedDuration('10 minutes')),
    ]);
  });

  it('rejects a zero duration', () => {
    expect(rejected({ duration: '0s' })).toEqual([
      flagProblem('--duration', msg.durationOutOfRange('> 0', '0s')),
    ]);
  });

  it('rejects a negative warm-up', () => {
    expect(rejected({ warmup: -5 })).toEqual([flagProblem('--warmup', msg.expectedWarmup(-5))]);
  });

  it('reports every bad flag at once', () => {
    expect(rejected({ seed: 'x', duration: 'soon', warmup: 'later' }).map((problem) => problem.path)).toEqual(
      ['--seed', '--duration', '--warmup'],
    );
  });

  it('formats flag problems without a position', () => {
    try {
      applyOverrides(base, { duration: 'soon' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        `<command line>  error  --duration: ${msg.expectedDuration('soon')}`,
      );
    }
  });
});
