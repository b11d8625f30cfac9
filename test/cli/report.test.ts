import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const small = `name: small-report
seed: 7
duration: 2m
producers:
  - { name: p, to: q, rate: 20/s }
queues:
  - { name: q, consumers: 2, capacity: 10, service: { distribution: exponential, mean: 50ms } }
`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'queuesim-report-'));
}

const FILES = ['latency.csv', 'report.html', 'routes.csv', 'summary.json', 'timeseries.csv'];

describe('queuesim run: report files', () => {
  it('writes report.html, summary.json and CSVs to reports/<scenario name> and prints the path', async () => {
    const cwd = tempDir();
    const file = join(cwd, 'scenario.yaml');
    writeFileSync(file, small);
    const { status, stdout, stderr } = await runCliInProcess(['run', file], { cwd });
    // Nothing on stderr but the run's own warnings (this short run: too short for its p99).
    expect(stderr.split('\n').filter((line) => line !== '' && !line.startsWith('warning: '))).toEqual([]);
    expect(status).toBe(0);
    const dir = join(cwd, 'reports', 'small-report');
    expect(readdirSync(dir).sort()).toEqual(FILES); // no temporary files left behind
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(
      `Report: ${join('reports', 'small-report', 'report.html')}`,
    );
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h1>small-report</h1>');
    expect(html).toContain('capacity: 10, service'); // the scenario source, as written
  });

  it('with --json keeps stdout pure JSON, identical to summary.json, and names the report on stderr', async () => {
    const out = join(tempDir(), 'nested', 'out');
    const { status, stdout, stderr } = await runCliInProcess([
      'run',
      'scenarios/user-registered.yaml',
      '--json',
      '--out',
      out,
    ]);
    expect(status).toBe(0);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(stdout);
    const result = JSON.parse(stdout);
    expect(result.timeseries.time).toHaveLength(500);
    expect(result.queues['welcome-email'].latencyHistogram.sojourn.length).toBeGreaterThan(10);
    expect(stderr).toBe(`Report: ${join(out, 'report.html')}\n`);
    expect(readdirSync(out).sort()).toEqual(FILES);
  });

  it('gives a byte-identical summary.json for the same seed (the HTML alone carries the time of the run)', async () => {
    const first = tempDir();
    const second = tempDir();
    const file = join(first, 'scenario.yaml');
    writeFileSync(file, small);
    await runCliInProcess(['run', file, '--out', first]);
    await runCliInProcess(['run', file, '--out', second]);
    for (const name of ['summary.json', 'timeseries.csv', 'latency.csv', 'routes.csv']) {
      expect(readFileSync(join(second, name), 'utf8')).toBe(readFileSync(join(first, name), 'utf8'));
    }
  });

  it('writes nothing with --no-report', async () => {
    const cwd = tempDir();
    const { status, stdout } = await runCliInProcess(
      ['run', join(projectRoot, 'scenarios/user-registered.yaml'), '--no-report'],
      {
        cwd,
      },
    );
    expect(status).toBe(0);
    expect(stdout).not.toContain('Report:');
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
  });

  it('reports an output folder it cannot create in one line, exit code 2, after printing the results', async () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, '');
    const out = join(blocker, 'sub');
    const { status, stdout, stderr } = await runCliInProcess([
      'run',
      'scenarios/user-registered.yaml',
      '--out',
      out,
    ]);
    expect(status).toBe(2);
    expect(stdout).toContain('welcome-email');
    expect(stderr.startsWith(`queuesim: cannot write the report to ${out}: ENOTDIR`)).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
