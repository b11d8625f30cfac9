/** `queuesim sweep` end to end: the table, the JSON (parallel = serial), the report files, bad --vary. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const file = scenarioFile(
  SMALL_SCENARIO.replace('duration: 2m', 'duration: 1m\nreplications: 2') +
    'slo:\n  - { queue: q, metric: sojourn.p99, max: 400ms }\n',
);
const vary = ['--vary', 'queues.q.consumers=1..3', '--vary', 'load=x1,x1.5'];

describe('queuesim sweep', () => {
  it('prints the same JSON on one thread and on two', async () => {
    const serial = await runCliInProcess(['sweep', file, ...vary, '--json', '--no-report', '--workers', '1']);
    const parallel = await runCliInProcess([
      'sweep',
      file,
      ...vary,
      '--json',
      '--no-report',
      '--workers',
      '2',
    ]);
    expect(serial.status).toBe(0);
    expect(parallel.stdout).toBe(serial.stdout);
    const sweep = JSON.parse(serial.stdout);
    expect(sweep.parameters).toEqual([
      { path: 'queues.q.consumers', unit: 'integer', values: [1, 2, 3] },
      { path: 'load', unit: 'multiplier', values: [1, 1.5] },
    ]);
    expect(sweep.points).toHaveLength(6);
    expect(sweep.points[0].settings).toEqual({ 'queues.q.consumers': 1, load: 1 });
    expect(sweep.points[0].result.queues.q.ci95.utilization).toHaveLength(2);
    expect(sweep.points[0].result.slo[0].target).toBe('queues.q.sojourn.p99');
  });

  it('prints a table and writes sweep.html and sweep.json', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'queuesim-sweep-')), 'report');
    const { status, stdout } = await runCliInProcess([
      'sweep',
      file,
      ...vary,
      '--out',
      out,
      '--workers',
      '1',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('queues.q.consumers');
    expect(stdout).toContain('×1.5');
    expect(existsSync(join(out, 'sweep.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8')).points).toHaveLength(6);
  });

  it('refuses a path it cannot vary, with exit code 2', async () => {
    const { status, stderr } = await runCliInProcess([
      'sweep',
      file,
      '--vary',
      'queues.qq.consumers=1..2',
      '--no-report',
    ]);
    expect(status).toBe(2);
    expect(stderr).toContain("did you mean 'queues.q.consumers'?");
  });
});
