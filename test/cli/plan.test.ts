/** `queuesim plan` end to end: the recommendation as JSON, and refusals with exit code 2. */
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, runCli, scenarioFile } from '../helpers/cli.js';

const withSlo = scenarioFile(
  SMALL_SCENARIO.replace('duration: 2m', 'duration: 10m\nreplications: 4') +
    'slo:\n  - { queue: q, metric: utilization, max: 30% }\n',
);

describe('queuesim plan', () => {
  it('prints recommended, runner-up, evaluations and wall time as JSON', () => {
    const { status, stdout } = runCli(['plan', withSlo, '--json', '--workers', '1']);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout);
    // 20/s × 50 ms = 1 consumer's worth of work: 30 % busy needs 4 consumers (25 %), 3 give 33 %.
    expect(plan.recommended).toEqual({ 'queues.q.consumers': 4 });
    expect(plan.runnerUp).toEqual({ 'queues.q.consumers': 3 });
    expect(plan.evaluations).toBeGreaterThanOrEqual(2);
    expect(typeof plan.wallSeconds).toBe('number');
    expect(plan.result.slo[0].verdict).toBe('pass');
  });

  it('plans at a multiple of the load', () => {
    const { stdout } = runCli(['plan', withSlo, '--json', '--load', 'x2', '--workers', '1']);
    expect(JSON.parse(stdout).recommended).toEqual({ 'queues.q.consumers': 7 }); // 2/7 = 29 %
  });

  it('refuses a scenario without SLOs and an unknown parameter', () => {
    expect(runCli(['plan', scenarioFile(SMALL_SCENARIO)]).status).toBe(2);
    const { status, stderr } = runCli(['plan', withSlo, '--optimize', 'queues.q.consumer']);
    expect(status).toBe(2);
    expect(stderr).toContain("did you mean 'queues.q.consumers'?");
  });
});
