import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const small = SMALL_SCENARIO;

describe('queuesim run', () => {
  it('prints a table per queue for the shipped example', async () => {
    const { status, stdout, stderr } = await runCliInProcess([
      'run',
      'scenarios/user-registered.yaml',
      '--no-report',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('user-registered');
    expect(stdout).toContain('welcome-email');
    expect(stdout).toMatch(/p99/);
    expect(stdout.includes('\u001b[')).toBe(false); // no colour codes when piped
  });

  it('prints only JSON with --json, with the public field names', async () => {
    const { status, stdout } = await runCliInProcess([
      'run',
      'scenarios/user-registered.yaml',
      '--json',
      '--no-report',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ scenario: 'user-registered', seed: 42, measuredSeconds: 600 });
    const queue = result.queues['welcome-email'];
    for (const key of [
      'arrivals',
      'accepted',
      'dropped',
      'completed',
      'throughput',
      'dropRate',
      'utilization',
    ]) {
      expect(typeof queue[key]).toBe('number');
    }
    expect(Object.keys(queue.wait)).toEqual(['mean', 'p50', 'p95', 'p99', 'max']);
    expect(Object.keys(queue.sojourn)).toEqual(['mean', 'p50', 'p95', 'p99', 'max']);
    expect(queue.arrivals).toBeGreaterThan(25_000);
  });

  it('gives byte-identical JSON for the same seed and different JSON for another seed', async () => {
    const file = scenarioFile(small);
    const first = (await runCliInProcess(['run', file, '--json', '--no-report'])).stdout;
    expect((await runCliInProcess(['run', file, '--json', '--no-report'])).stdout).toBe(first);
    expect((await runCliInProcess(['run', file, '--json', '--no-report', '--seed', '8'])).stdout).not.toBe(
      first,
    );
  });

  it('lets --seed, --duration and --warmup override the file', async () => {
    const file = scenarioFile(small);
    const result = JSON.parse(
      (
        await runCliInProcess([
          'run',
          file,
          '--json',
          '--no-report',
          '--seed',
          '9',
          '--duration',
          '30s',
          '--warmup',
          '5s',
        ])
      ).stdout,
    );
    expect(result).toMatchObject({ seed: 9, measuredSeconds: 30, warmupSeconds: 5 });
  });

  it('reports a bad scenario with file, line, column and field path, exit code 2 and no stack trace', async () => {
    const file = scenarioFile(small.replace('capacity: 10', 'capacty: 10').replace('to: q', 'to: qq'));
    const { status, stdout, stderr } = await runCliInProcess(['run', file]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:7:`);
    expect(stderr).toMatch(/capacty/);
    expect(stderr).toMatch(/did you mean 'capacity'/);
    expect(stderr).toMatch(/'qq'/);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack frames
  });

  it('reports a missing file and a bad override value with exit code 2', async () => {
    const missing = await runCliInProcess(['run', 'no/such/file.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no\/such\/file\.yaml/);
    const badDuration = await runCliInProcess(['run', scenarioFile(small), '--duration', 'ten minutes']);
    expect(badDuration.status).toBe(2);
    expect(badDuration.stderr).toMatch(/--duration/);
  });

  it('rejects unknown flags and a missing command with exit code 2', async () => {
    expect((await runCliInProcess(['run', 'scenarios/user-registered.yaml', '--jsno'])).status).toBe(2);
    expect((await runCliInProcess([])).status).toBe(2);
  });

  it('prints engine statistics to stderr with --profile, keeping stdout pure JSON', async () => {
    const { status, stdout, stderr } = await runCliInProcess([
      'run',
      scenarioFile(small),
      '--json',
      '--profile',
      '--no-report',
    ]);
    expect(status).toBe(0);
    JSON.parse(stdout);
    const profile = JSON.parse(stderr);
    expect(profile.events).toBeGreaterThan(0);
    expect(profile.peakRssMiB).toBeGreaterThan(0);
  });
});

describe('queuesim run on a cycle of block queues that deadlocks', () => {
  const file = scenarioFile(`name: block-cycle
seed: 1
duration: 1000s
producers:
  - { name: source, to: a, rate: 20/s }
queues:
  - { name: a, capacity: 1, overflow: block, consumers: 1, service: { distribution: exponential, mean: 20ms }, then: b }
  - name: b
    capacity: 1
    overflow: block
    consumers: 1
    service: { distribution: exponential, mean: 20ms }
    then: [{ to: a, probability: 0.5 }]
`);

  it('warns before running that the cycle can deadlock, then says that it did, under the title', async () => {
    const { status, stdout, stderr } = await runCliInProcess(['run', file, '--no-report']);
    expect(status).toBe(0);
    expect(stderr).toContain('queues[0].overflow: block queues a → b → a form a cycle that can deadlock');
    const lines = stdout.split('\n');
    expect(lines[1]).toMatch(/^! DEADLOCK at \d+ms: every consumer of a, b waits/);
  });

  it('gives the deadlock in the JSON: when it began and the queues of the cycle', async () => {
    const { status, stdout } = await runCliInProcess(['run', file, '--json', '--no-report']);
    expect(status).toBe(0);
    const { deadlock } = JSON.parse(stdout);
    expect(Object.keys(deadlock)).toEqual(['at', 'queues']);
    expect(deadlock.queues).toEqual(['a', 'b']);
    expect(deadlock.at).toBeGreaterThan(0);
  });
});
