/** `queuesim compare` end to end. */
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, runCli, scenarioFile } from '../helpers/cli.js';

describe('queuesim compare', () => {
  const a = scenarioFile(SMALL_SCENARIO);
  const b = scenarioFile(
    SMALL_SCENARIO.replace('consumers: 2', 'consumers: 3').replace('name: small', 'name: bigger'),
  );

  it('prints the scenarios side by side with the difference and its significance', () => {
    const { status, stdout } = runCli(['compare', a, b, '--replications', '3', '--workers', '1']);
    expect(status).toBe(0);
    expect(stdout).toContain('small vs bigger');
    expect(stdout).toMatch(/queues\.q\.utilization .*\*/);
  });

  it('gives zero differences as JSON for a scenario against itself', () => {
    const { status, stdout } = runCli(['compare', a, a, '--json', '--replications', '3']);
    expect(status).toBe(0);
    const compare = JSON.parse(stdout);
    expect(
      compare.differences[0].metrics.every((metric: { difference: number }) => metric.difference === 0),
    ).toBe(true);
  });

  it('needs two scenarios', () => {
    const { status, stderr } = runCli(['compare', a]);
    expect(status).toBe(2);
    expect(stderr).toContain('at least two');
  });
});
