/** Exit codes a CI pipeline can tell apart: 0 success, 1 SLO failed, 2 bad input or unwritable output, 70 internal error. */
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, runCli, scenarioFile } from '../helpers/cli.js';

describe('exit codes', () => {
  it('exits 2 with one line, not a stack trace, when the output cannot be written', () => {
    // A natural failure: stdout on a full device (writes fail with ENOSPC).
    if (!existsSync('/dev/full')) return;
    const full = openSync('/dev/full', 'w');
    try {
      const { status, stderr } = runCli(['estimate', scenarioFile(SMALL_SCENARIO)], { stdout: full });
      expect(status).toBe(2);
      expect(stderr).toMatch(/^queuesim: cannot write the output: ENOSPC/);
      expect(stderr).not.toMatch(/\bat .*\.(js|ts):\d+/); // no stack frames
    } finally {
      closeSync(full);
    }
  });

  it('exits 2 on bad input, and --help lists every code', () => {
    expect(runCli(['estimate', scenarioFile(SMALL_SCENARIO.replace('20/s', 'fast'))]).status).toBe(2);
    const help = runCli(['--help']).stdout;
    for (const code of ['0', '1', '2', '70']) expect(help).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    expect(help).toMatch(/70 +internal error/);
  });
});

describe('no command', () => {
  it('exits 2 naming every command that --help lists', () => {
    const { status, stderr } = runCli([]);
    expect(status).toBe(2);
    const hint = /Name a command: ([^(]*)\(/.exec(stderr)?.[1] ?? '';
    const listed = [...runCli(['--help']).stdout.matchAll(/^ {2}queuesim (\w+)/gm)].map((match) => match[1]);
    expect(listed).toContain('worker');
    for (const command of new Set(listed)) expect(hint).toMatch(new RegExp(`\\b${command}\\b`));
  });
});
