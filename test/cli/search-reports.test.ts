/** `plan` and `headroom` write their HTML and CSV reports where `run` would, or under `--out`; `--no-report` skips them. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

// A minute at 20/s with the 5 replications SLOs ask for: 30 % busy needs 4 consumers.
const withSlo = scenarioFile(
  SMALL_SCENARIO.replace('duration: 2m', 'duration: 1m') +
    'slo:\n  - { queue: q, metric: utilization, max: 30% }\n',
);

const freshFolder = () => mkdtempSync(join(tmpdir(), 'queuesim-search-report-'));

describe('plan and headroom reports', () => {
  it('plan writes plan.html and plan.csv into reports/<name>/ and says where', async () => {
    const cwd = freshFolder();
    const { status, stdout } = await runCliInProcess(['plan', withSlo, '--workers', '1'], { cwd });
    expect(status).toBe(0);
    expect(stdout).toContain(`Report: ${join('reports', 'small', 'plan.html')}`);
    const html = readFileSync(join(cwd, 'reports', 'small', 'plan.html'), 'utf8');
    expect(html).toContain('queues.q.consumers = 4 meets every SLO at the written load');
    const csv = readFileSync(join(cwd, 'reports', 'small', 'plan.csv'), 'utf8')
      .trimEnd()
      .split('\n');
    expect(csv[0]).toBe('queues.q.consumers,cost,meets_slos,role,slo,unit,value,ci_low,ci_high,max,verdict');
    expect(csv.filter((line) => line.startsWith('4,4,true,recommended,queues.q.utilization,'))).toHaveLength(
      1,
    );
    expect(csv.filter((line) => line.startsWith('3,3,false,runner-up,queues.q.utilization,'))).toHaveLength(
      1,
    ); // No `then` routes, no plan-routes.csv (its content is checked in test/report/plan-csv.test.ts).
    expect(existsSync(join(cwd, 'reports', 'small', 'plan-routes.csv'))).toBe(false);
  });

  it('--no-report writes nothing; --json keeps stdout for the JSON, which lists every evaluated setting', async () => {
    const cwd = freshFolder();
    const { status, stdout, stderr } = await runCliInProcess(
      ['plan', withSlo, '--json', '--no-report', '--workers', '1'],
      {
        cwd,
      },
    );
    expect(status).toBe(0);
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
    expect(stderr).not.toContain('Report:');
    const plan = JSON.parse(stdout);
    expect(plan.evaluated.length).toBe(plan.evaluations);
    expect(plan.evaluated.map((point: { meets: boolean }) => point.meets)).toContain(true);
  });

  it('headroom writes headroom.html and headroom.csv under --out, the path on stderr with --json', async () => {
    const out = join(freshFolder(), 'capacity-review');
    const { status, stdout, stderr } = await runCliInProcess([
      'headroom',
      withSlo,
      '--json',
      '--out',
      out,
      '--workers',
      '1',
    ]);
    expect(status).toBe(0);
    expect(stderr).toContain(`Report: ${join(out, 'headroom.html')}`);
    // At this seed 5 replications of a minute cannot separate pass from fail: the page says so first.
    const headroom = JSON.parse(stdout);
    expect(headroom.cannotTell).not.toBeNull();
    const html = readFileSync(join(out, 'headroom.html'), 'utf8');
    expect(html).toContain('class="verdict verdict-bad"');
    expect(html).toContain('cannot tell the headroom with 5 replications per load');
    const csv = readFileSync(join(out, 'headroom.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(1 + headroom.evaluations);
    const passes = `${headroom.cannotTell.passesAt},true,passes-at,queues.q.utilization,`;
    expect(csv.filter((line) => line.startsWith(passes))).toHaveLength(1);
  });

  it('headroom --no-report writes nothing', async () => {
    const cwd = freshFolder();
    expect(
      (await runCliInProcess(['headroom', withSlo, '--no-report', '--workers', '1'], { cwd })).status,
    ).toBe(0);
    expect(existsSync(join(cwd, 'reports'))).toBe(false);
  });
});
