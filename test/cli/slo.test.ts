/** SLOs through the command line: verdicts in the table and the JSON, and `--fail-on-slo`'s exit code. */
import { describe, expect, it } from 'vitest';
import { scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

/**
 * M/M/2 at 80 % load: p99 sojourn ≈ 0.5 s, utilisation 80 %. 3 × 8 min hold 576 messages beyond the p99:
 * 3 sections of 100, enough for the p99's interval (sectioning).
 */
const SCENARIO = `name: slo
seed: 3
duration: 8m
replications: 3
producers:
  - { name: orders, to: billing, rate: 40/s }
queues:
  - { name: billing, consumers: 2, service: { distribution: exponential, mean: 40ms } }
slo:
  - { queue: billing, metric: sojourn.p99, max: 10s }
  - { flow: orders, metric: endToEnd.p99, max: 10s }
  - { queue: billing, metric: utilization, max: 50% }
`;

describe('SLOs on the command line', () => {
  const file = scenarioFile(SCENARIO);

  it('writes the verdicts into the JSON, with CIs from the replications', async () => {
    const { status, stdout } = await runCliInProcess([
      'run',
      file,
      '--json',
      '--no-report',
      '--workers',
      '1',
    ]);
    expect(status).toBe(0); // without --fail-on-slo a failed SLO does not change the exit code
    const { slo } = JSON.parse(stdout) as { slo: Array<Record<string, unknown>> };
    expect(slo.map((verdict) => [verdict.target, verdict.verdict])).toEqual([
      ['queues.billing.sojourn.p99', 'pass'],
      ['flows.orders.endToEnd.p99', 'pass'],
      ['queues.billing.utilization', 'fail'],
    ]);
    expect(slo[2]).toMatchObject({ max: 0.5, significant: true });
    expect(slo[2].ci95).toHaveLength(2);
  });

  it('prints a verdict per SLO and exits 1 with --fail-on-slo when one fails', async () => {
    const { status, stdout } = await runCliInProcess([
      'run',
      file,
      '--no-report',
      '--workers',
      '1',
      '--fail-on-slo',
    ]);
    expect(status).toBe(1);
    expect(stdout).toMatch(/queues\.billing\.utilization .*50% .*fail/);
  });

  it('exits 0 with --fail-on-slo when every SLO passes', async () => {
    const passing = scenarioFile(SCENARIO.replace('max: 50%', 'max: 95%'));
    const { status } = await runCliInProcess([
      'run',
      passing,
      '--no-report',
      '--workers',
      '1',
      '--fail-on-slo',
    ]);
    expect(status).toBe(0);
  });
});
