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

describe('queuesim compare with variants', () => {
  const file = scenarioFile(
    `${SMALL_SCENARIO}variants:\n  - { name: same, set: { queues.q.consumers: 2 } }\n  - { name: bigger, set: { queues.q.consumers: 4 } }\n`,
  );

  it('compares the scenario in one file against each of its variants', () => {
    const { status, stdout, stderr } = runCli(['compare', file, '--json', '--replications', '3']);
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

  it('refuses an unknown path with its line and the nearest path', () => {
    const bad = scenarioFile(`${SMALL_SCENARIO}variants:\n  - { name: x, set: { queues.q.consumer: 3 } }\n`);
    const { status, stderr } = runCli(['compare', bad]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/:9:/);
    expect(stderr).toContain("did you mean 'queues.q.consumers'");
  });

  it('run ignores the variants', () => {
    const { status, stdout } = runCli(['run', file, '--json', '--no-report', '--duration', '10s']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout).queues.q).toBeDefined();
  });
});
