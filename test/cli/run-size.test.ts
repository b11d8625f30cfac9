import { describe, expect, it } from 'vitest';
import { scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

// M/M/1 at 1000/s for 10^6 s: about 2·10^9 events, half an hour or more; refused unasked.
const LONG = `name: long
seed: 3
duration: 1000000s
producers:
  - { name: p, to: q, rate: 1000/s }
queues:
  - { name: q, consumers: 1, service: { distribution: exponential, mean: 0.5ms } }
`;

describe('long runs', () => {
  it('refuses a run over the threshold without --yes, giving the estimate and the ways forward', async () => {
    const startedAt = Date.now();
    const { status, stdout, stderr } = await runCliInProcess(['run', scenarioFile(LONG), '--no-report']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('about 2 billion events in 1 run');
    expect(stderr).toMatch(/--yes/);
    expect(stderr).toMatch(/--time-budget/);
    expect(stderr).toMatch(/--duration/);
    expect(stderr).not.toMatch(/at .*\.(ts|js):\d+/); // no stack trace
    expect(Date.now() - startedAt).toBeLessThan(30_000); // refused before simulating
  });

  it('refuses the issue’s flood of 10^9 messages a second', async () => {
    const fast = LONG.replace('rate: 1000/s', 'rate: 1000000000/s').replace(
      'consumers: 1, service: { distribution: exponential, mean: 0.5ms }',
      'consumers: 2, service: { distribution: exponential, mean: 0.000000001 }',
    );
    const flood = await runCliInProcess(['run', scenarioFile(fast), '--duration', '60', '--no-report']);
    expect(flood.stderr).toContain('about 120 billion events in 1 run');
    expect(flood.status).toBe(2);
  });

  it('--time-budget bounds a single run: it stops early, marked partial in the JSON', async () => {
    const startedAt = Date.now();
    const { status, stdout, stderr } = await runCliInProcess(
      ['run', scenarioFile(LONG), '--time-budget', '0.5s', '--json', '--no-report', '--quiet'],
      { env: { QUEUESIM_PROGRESS_INTERVAL_MS: '50' } },
    );
    expect(stderr).toBe(''); // --quiet: no estimate and no progress lines
    expect(status).toBe(0);
    expect(Date.now() - startedAt).toBeLessThan(30_000);
    const result = JSON.parse(stdout);
    expect(result.partial).toMatchObject({
      reason: 'time-budget',
      plannedSeconds: 1_000_000,
      completedRuns: 0,
      plannedRuns: 1,
    });
    expect(result.partial.simulatedSeconds).toBeGreaterThan(0);
    expect(result.partial.simulatedSeconds).toBeLessThan(1_000_000);
    expect(result.measuredSeconds).toBeCloseTo(result.partial.simulatedSeconds, 6);
  });

  it('prints progress lines on a stderr that is not a terminal, and says in the table it is partial', async () => {
    const { status, stdout, stderr } = await runCliInProcess(
      ['run', scenarioFile(LONG), '--time-budget', '1.5s', '--no-report'],
      { env: { QUEUESIM_PROGRESS_INTERVAL_MS: '100' } },
    );
    expect(status).toBe(0);
    expect(stdout).toMatch(/PARTIAL: the time budget ran out: the run reached .* of 278h simulated/);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^queuesim: about 2 billion events in 1 run, ~.* at 1 million events\/s/);
    const progress = lines.filter((line) => /^queuesim: \d+\.\d% done · .* of 278h simulated · /.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[0]).toMatch(/events\/s · ETA /);
  });
});
