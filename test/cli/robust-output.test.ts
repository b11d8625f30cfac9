/** Command-line input and output at their edges: negative flag values, output paths that cannot be written. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { joinNegativeValues } from '../../src/cli/negative-values.js';
import { SMALL_SCENARIO, runCli, scenarioFile } from '../helpers/cli.js';

describe('negative flag values', () => {
  it('joins a negative number to the long flag before it', () => {
    expect(joinNegativeValues(['run', 'a.yaml', '--duration', '-5m', '--seed', '-7'])).toEqual([
      'run',
      'a.yaml',
      '--duration=-5m',
      '--seed=-7',
    ]);
    expect(joinNegativeValues(['--load', '-.5', '--json'])).toEqual(['--load=-.5', '--json']);
  });

  it('leaves everything else as it was', () => {
    const argv = ['run', 'a.yaml', '--duration=-5m', '-h', '--json', '--out', 'x', '--', '--seed', '-1'];
    expect(joinNegativeValues(argv)).toEqual(argv);
  });

  it('says what is wrong with the value, exit 2', () => {
    const { status, stderr } = runCli([
      'run',
      scenarioFile(SMALL_SCENARIO),
      '--duration',
      '-5m',
      '--no-report',
    ]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/--duration: expected a duration .* got "-5m"/);
  });
});

describe('output that cannot be written', () => {
  it('--out under /proc ends at once with one line and exit 2', () => {
    if (!existsSync('/proc/self')) return;
    const { status, stderr } = runCli([
      'run',
      scenarioFile(SMALL_SCENARIO),
      '--duration',
      '5s',
      '--out',
      '/proc/x',
    ]);
    expect(status).toBe(2);
    // One line for the failure (a short run may also be warned of, on its own line), no stack trace.
    const failures = stderr.split('\n').filter((line) => line.startsWith('queuesim:'));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^queuesim: cannot write the report to \/proc\/x: /);
    expect(stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
  });
});
