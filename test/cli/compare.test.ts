/** `queuesim compare` end to end. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

describe('queuesim compare', () => {
  const a = scenarioFile(SMALL_SCENARIO);
  const b = scenarioFile(
    SMALL_SCENARIO.replace('consumers: 2', 'consumers: 3').replace('name: small', 'name: bigger'),
  );

  it('prints the scenarios side by side with the difference and its significance', async () => {
    const { status, stdout } = await runCliInProcess([
      'compare',
      a,
      b,
      '--replications',
      '3',
      '--workers',
      '1',
      '--no-report',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('small vs bigger');
    const lines = stdout.split('\n');
    const utilisation = lines.findIndex((line) => line.startsWith('│ utilisation'));
    expect(lines[utilisation + 1]).toMatch(/−[\d.]+% \*/);
    expect(stdout).not.toContain('Report:');
  });

  it('writes compare.html and compare.csv into --out, the JSON on stdout unchanged', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'queuesim-compare-')), 'folder');
    const args = ['compare', a, b, '--replications', '3', '--json'];
    const withReport = await runCliInProcess([...args, '--out', out]);
    expect(withReport.status).toBe(0);
    expect(withReport.stderr).toBe(`Report: ${join(out, 'compare.html')}\n`);
    expect(readdirSync(out).sort()).toEqual(['compare.csv', 'compare.html']);
    expect(readFileSync(join(out, 'compare.html'), 'utf8')).toContain('small vs bigger');
    expect(readFileSync(join(out, 'compare.csv'), 'utf8').split('\n')[1]).toMatch(/^bigger,small,queue,q,/);
    const without = await runCliInProcess([...args, '--no-report']);
    expect(without.stderr).toBe('');
    expect(without.stdout).toBe(withReport.stdout);
  });

  it('writes into reports/<first scenario name> by default, beside what a run left there', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'queuesim-compare-'));
    mkdirSync(join(cwd, 'reports', 'small'), { recursive: true });
    writeFileSync(join(cwd, 'reports', 'small', 'report.html'), 'the run');
    const { status, stdout } = await runCliInProcess(['compare', a, b, '--replications', '2'], { cwd });
    expect(status).toBe(0);
    expect(stdout).toContain(`Report: ${join('reports', 'small', 'compare.html')}`);
    expect(readdirSync(join(cwd, 'reports', 'small')).sort()).toEqual([
      'compare.csv',
      'compare.html',
      'report.html',
    ]);
  });

  it('names the folder it cannot write, exit code 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'queuesim-compare-')), 'a-file');
    writeFileSync(file, '');
    const { status, stderr } = await runCliInProcess([
      'compare',
      a,
      b,
      '--replications',
      '2',
      '--out',
      join(file, 'x'),
    ]);
    expect(status).toBe(2);
    expect(stderr).toContain(`cannot write the report to ${join(file, 'x')}`);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('gives zero differences as JSON for a scenario against itself', async () => {
    const { status, stdout } = await runCliInProcess([
      'compare',
      a,
      a,
      '--json',
      '--replications',
      '3',
      '--no-report',
    ]);
    expect(status).toBe(0);
    const compare = JSON.parse(stdout);
    expect(
      compare.differences[0].metrics.every((metric: { difference: number }) => metric.difference === 0),
    ).toBe(true);
  });

  it('needs two scenarios', async () => {
    const { status, stderr } = await runCliInProcess(['compare', a]);
    expect(status).toBe(2);
    expect(stderr).toContain('at least two');
  });
});

describe('queuesim compare with variants', () => {
  const file = scenarioFile(
    `${SMALL_SCENARIO}variants:\n  - { name: same, set: { queues.q.consumers: 2 } }\n  - { name: bigger, set: { queues.q.consumers: 4 } }\n`,
  );

  it('compares the scenario in one file against each of its variants', async () => {
    const { status, stdout, stderr } = await runCliInProcess([
      'compare',
      file,
      '--json',
      '--replications',
      '3',
      '--no-report',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const compare = JSON.parse(stdout);
    expect(compare.scenarios.map((entry: { name: string }) => entry.name)).toEqual([
      'small',
      'same',
      'bigger',
    ]);
    expect(
      compare.differences[0].metrics.every((metric: { difference: number }) => metric.difference === 0),
    ).toBe(true);
    const wait = compare.differences[1].metrics.find(
      (metric: { target: string }) => metric.target === 'queues.q.wait.mean',
    );
    expect(wait.difference).toBeLessThan(0);
    expect(wait.significant).toBe(true);
  });

  it('refuses an unknown path with its line and the nearest path', async () => {
    const bad = scenarioFile(`${SMALL_SCENARIO}variants:\n  - { name: x, set: { queues.q.consumer: 3 } }\n`);
    const { status, stderr } = await runCliInProcess(['compare', bad]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/:9:/);
    expect(stderr).toContain("did you mean 'queues.q.consumers'");
  });

  it('run ignores the variants', async () => {
    const { status, stdout } = await runCliInProcess([
      'run',
      file,
      '--json',
      '--no-report',
      '--duration',
      '10s',
    ]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).queues.q).toBeDefined();
  });
});

describe('queuesim compare on the shipped examples', () => {
  it('keeps every line of scenarios/keda-autoscaled.yaml within 100 columns', async () => {
    const { status, stdout } = await runCliInProcess([
      'compare',
      'scenarios/keda-autoscaled.yaml',
      '--duration',
      '2h',
      '--replications',
      '2',
      '--no-report',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('keda-autoscaled vs floor-of-4 vs eager-scaler');
    const widest = Math.max(...stdout.split('\n').map((line) => [...line].length));
    expect(widest).toBeLessThanOrEqual(100);
  });
});
