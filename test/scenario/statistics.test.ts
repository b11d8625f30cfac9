/** The statistics keys (replications, batches, precision and its caps), `warmup: auto` and `backlog`. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError, applyOverrides, parsePrecision, parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { replayScenario, traceScenario } from '../helpers/traces.js';
import { expectOnly, problemAt, problemsOf, scenarioText } from './helpers.js';

const parse = (text: string) => parseScenario(text, 'test.yaml');

describe('parsePrecision', () => {
  it.each([
    ['2%', 0.02],
    ['0.5 %', 0.005],
    [0.02, 0.02],
    ['99.9%', 0.999],
  ])('%s → %s', (value, fraction) => {
    expect(parsePrecision(value)).toBeCloseTo(fraction, 12);
  });

  it.each(['0%', '100%', '150%', 0, 1, 2, -0.1, '2', '2 percent', '%', ''])('%s is refused', (value) => {
    expect(parsePrecision(value)).toBeUndefined();
  });
});

describe('statistics keys', () => {
  it('a plain scenario has no statistics and a fixed warm-up', () => {
    const { scenario } = parse(scenarioText());
    expect(scenario.statistics).toBeUndefined();
    expect(scenario.warmupAuto).toBeUndefined();
  });

  it('normalises replications, precision and its caps', () => {
    const top = 'replications: 8\nprecision: 2%\nmax-replications: 40\ntime-budget: 2m\nwarmup: auto\n';
    const { scenario, warnings } = parse(scenarioText({ top }));
    expect(warnings).toEqual([]);
    expect(scenario).toMatchObject({ warmupSeconds: 0, warmupAuto: true });
    expect(scenario.statistics).toEqual({
      replications: 8,
      batches: null,
      precision: 0.02,
      maxReplications: 40,
      maxDurationSeconds: null,
      timeBudgetSeconds: 120,
    });
  });

  it('normalises batch means with a precision and a maximum duration', () => {
    const top = 'batches: 20\nprecision: 0.05\nmax-duration: 10m\n';
    expect(parse(scenarioText({ top })).scenario.statistics).toMatchObject({
      batches: 20,
      precision: 0.05,
      maxDurationSeconds: 600,
    });
  });

  it.each([
    ['replications: 0', 'replications', 15, msg.expectedInteger('>= 1', 0)],
    ['replications: 2.5', 'replications', 15, msg.expectedInteger('>= 1', 2.5)],
    ['batches: 1', 'batches', 10, msg.expectedInteger('>= 2', 1)],
    ['precision: 2 percent', 'precision', 12, msg.expectedPrecision('2 percent')],
    ['precision: 150%', 'precision', 12, msg.expectedPrecision('150%')],
    ['precision: 0', 'precision', 12, msg.expectedPrecision(0)],
    ['precision: 2', 'precision', 12, msg.expectedPrecision(2)],
    ['max-replications: 1', 'max-replications', 19, msg.expectedInteger('>= 2', 1)],
    ['time-budget: 0s', 'time-budget', 14, msg.durationOutOfRange('> 0', '0s')],
    ['warmup: automatic', 'warmup', 9, msg.expectedWarmup('automatic')],
  ])('%s', (line, path, column, message) => {
    const errors = problemsOf(scenarioText({ top: line + '\n' })).filter((p) => p.severity === 'error');
    expectOnly(errors, path, 3, column, message);
  });

  it('refuses replications together with batches', () => {
    const problems = problemsOf(scenarioText({ top: 'replications: 5\nbatches: 10\n' }));
    expectOnly(problems, 'batches', 4, 10, msg.replicationsAndBatches(5));
  });

  it('refuses a cap below the starting point', () => {
    const top = 'replications: 10\nprecision: 1%\nmax-replications: 5\n';
    expect(problemAt(problemsOf(scenarioText({ top })), 'max-replications').message).toBe(
      msg.maxReplicationsBelowReplications(5, 10),
    );
    const batches = 'batches: 10\nprecision: 1%\nmax-duration: 30s\n';
    expect(problemAt(problemsOf(scenarioText({ top: batches })), 'max-duration').message).toBe(
      msg.maxDurationBelowDuration(),
    );
  });

  it('warns about caps that cap nothing', () => {
    const { warnings } = parse(scenarioText({ top: 'max-replications: 50\ntime-budget: 1m\n' }));
    // time-budget bounds any run (partial results), so it caps something without precision too.
    expect(warnings.map((w) => [w.path, w.message])).toEqual([
      ['max-replications', msg.capWithoutPrecision('max-replications')],
    ]);
    const batches = parse(scenarioText({ top: 'batches: 10\nprecision: 5%\nmax-replications: 50\n' }));
    expect(batches.warnings.map((w) => w.message)).toEqual([msg.maxReplicationsWithBatches()]);
  });
});

describe('backlog', () => {
  it('is kept on the queue when given', () => {
    const { scenario } = parse(
      scenarioText({ queue: '    capacity: 100\n    backlog: 80\n    service: 1s\n' }),
    );
    expect(scenario.queues[0].backlog).toBe(80);
    expect(parse(scenarioText()).scenario.queues[0].backlog).toBeUndefined();
  });

  it('must fit in capacity plus consumers', () => {
    const queue = '    capacity: 10\n    consumers: 2\n    backlog: 13\n    service: 1s\n';
    expectOnly(
      problemsOf(scenarioText({ queue })),
      'queues[0].backlog',
      11,
      14,
      msg.backlogTooLarge('q', 13, 12),
    );
  });
});

describe('statistics flags', () => {
  const base = parse(scenarioText({ top: 'batches: 10\n' })).scenario;

  it('apply over the file; --replications replaces the file’s batch means', () => {
    const result = applyOverrides(base, { replications: '6', precision: '5%', maxReplications: '30' });
    expect(result.statistics).toMatchObject({
      replications: 6,
      batches: null,
      precision: 0.05,
      maxReplications: 30,
    });
    expect(base.statistics?.batches).toBe(10); // not mutated
  });

  it('--warmup auto switches detection on, a duration switches it off', () => {
    const auto = applyOverrides(base, { warmup: 'auto' });
    expect(auto).toMatchObject({ warmupAuto: true, warmupSeconds: 0 });
    expect(applyOverrides(auto, { warmup: '30s' })).toMatchObject({ warmupSeconds: 30 });
    expect(applyOverrides(auto, { warmup: '30s' }).warmupAuto).toBeUndefined();
  });

  it('name every bad flag', () => {
    try {
      applyOverrides(base, {
        replications: '0',
        precision: 'tight',
        timeBudget: 'soon',
        maxReplications: 'x',
      });
      throw new Error('expected a ScenarioError');
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      expect((error as ScenarioError).problems.map((p) => [p.path, p.message])).toEqual([
        ['--replications', msg.expectedInteger('>= 1', '0')],
        ['--precision', msg.expectedPrecision('tight')],
        ['--max-replications', msg.expectedInteger('>= 2', 'x')],
        ['--time-budget', msg.expectedDuration('soon')],
      ]);
    }
  });

  it('refuse replications together with batches', () => {
    expect(() => applyOverrides(base, { replications: '4', batches: '10' })).toThrow(ScenarioError);
  });
});

describe('warmup: auto needs a stationary load', () => {
  const schedule = '    rate: [{ until: 30s, rate: 10/s }, { rate: 100/s }]\n';

  it('refuses a rate schedule, located at the warmup key, and suggests a fixed warm-up', () => {
    const problems = problemsOf(scenarioText({ top: 'warmup: auto\n', producer: schedule }));
    expectOnly(problems, 'warmup', 3, 9, msg.warmupAutoNonStationary('p', 'schedule'));
    expect(problems[0].message).toMatch(/give a fixed warm-up instead, e\.g\. warmup: 0s/);
    const daily = `    rate: { daily: [${Array(24).fill('5/s').join(', ')}] }\n`;
    expect(problemsOf(scenarioText({ top: 'warmup: auto\n', producer: daily }))[0].message).toBe(
      msg.warmupAutoNonStationary('p', 'schedule'),
    );
  });

  it('refuses a trace', () => {
    const dir = traceScenario(replayScenario('{ file: t.csv, loop: true }', 'warmup: auto\n'), {
      't.csv': 'timestamp\n0\n1000\n2500\n',
    });
    const problems = problemsOf(readFileSync(join(dir, 'scenario.yaml'), 'utf8'), join(dir, 'scenario.yaml'));
    expect(problems.filter((p) => p.path === 'warmup').map((p) => p.message)).toEqual([
      msg.warmupAutoNonStationary('replay', 'trace'),
    ]);
  });

  it('accepts on/off bursts, which start in their stationary state', () => {
    const onOff = '    arrival: { process: on-off, on: 2s, off: 8s, rate-on: 50/s, rate-off: 1/s }\n';
    expect(parse(scenarioText({ top: 'warmup: auto\n', producer: onOff })).scenario.warmupAuto).toBe(true);
  });

  it('--warmup auto refuses a schedule too; a fixed --warmup is fine', () => {
    const scheduled = parse(scenarioText({ producer: schedule })).scenario;
    expect(() => applyOverrides(scheduled, { warmup: 'auto' })).toThrow(ScenarioError);
    try {
      applyOverrides(scheduled, { warmup: 'auto' });
    } catch (error) {
      expect((error as ScenarioError).problems).toMatchObject([
        { path: '--warmup', message: msg.warmupAutoNonStationary('p', 'schedule'), severity: 'error' },
      ]);
    }
    expect(applyOverrides(scheduled, { warmup: '10s' }).warmupSeconds).toBe(10);
  });
});
