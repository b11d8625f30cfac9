/** Replications from the command line and on worker threads: identical to serial, and `estimate`. */
import { describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { workerPoolRunner } from '../../src/api/worker-pool.js';
import { toJson } from '../../src/report/json.js';
import type { Scenario } from '../../src/scenario/types.js';
import { SMALL_SCENARIO, runCli, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { singleQueueScenario, statistics } from '../helpers/scenarios.js';

const small = SMALL_SCENARIO;

describe('parallel replications', () => {
  const scenario: Scenario = {
    ...singleQueueScenario({
      arrivalRate: 8,
      service: { kind: 'lognormal', mean: 0.1, cv: 1.2 },
      consumers: 1,
      durationSeconds: 300,
      seed: 9,
    }),
    warmupAuto: true,
    statistics: statistics({ replications: 5, precision: 0.05, maxReplications: 40 }),
  };

  it('give byte-identical JSON on 2 worker threads and serially (warm-up detection and precision included)', async () => {
    const serial = toJson((await runStudy(scenario, { runner: serialRunner() })).result);
    const pool = workerPoolRunner(2);
    try {
      const parallel = toJson((await runStudy(scenario, { runner: pool })).result);
      expect(parallel).toBe(serial);
    } finally {
      await pool.close();
    }
    expect(JSON.parse(serial).replications).toBeGreaterThan(5);
  });

  it('from the command line: --workers 1 and --workers 2 print the same JSON, and nothing on stderr', async () => {
    const file = scenarioFile(small);
    const serial = await runCliInProcess([
      'run',
      file,
      '--replications',
      '4',
      '--workers',
      '1',
      '--json',
      '--no-report',
    ]);
    // A loaded machine can take over 5 s to start the pool: no progress line, so stderr holds warnings only.
    const quietProgress = { env: { QUEUESIM_PROGRESS_INTERVAL_MS: '3600000' } };
    // A real process here: the CLI's own start of its worker threads from source.
    const parallel = runCli(
      ['run', file, '--replications', '4', '--workers', '2', '--json', '--no-report'],
      quietProgress,
    );
    expect(serial.status).toBe(0);
    expect(parallel.stderr).toBe('');
    expect(parallel.stdout).toBe(serial.stdout);
    const result = JSON.parse(serial.stdout);
    expect(result.replications).toBe(4);
    // (No p99 interval: 4 short replications hold fewer than 2 × 100 messages beyond it, see sectioning.)
    expect(result.queues.q.ci95['sojourn.mean']).toHaveLength(2);
    expect(result.queues.q.analytic).toMatchObject({ model: 'M/M/2/12', exact: true });
  });

  it.each([
    // From 08:00: the morning peak, so the pool scales.
    ['scenarios/keda-autoscaled.yaml', ['--warmup', '8h']],
    ['scenarios/kafka-skewed-keys.yaml', []],
    ['scenarios/trace-replay.yaml', []],
  ])(
    '%s: --workers 1 and --workers 2 print the same JSON',
    async (file, extra) => {
      const args = [
        'run',
        file,
        '--replications',
        '3',
        '--duration',
        '20m',
        ...extra,
        '--json',
        '--no-report',
      ];
      const serial = await runCliInProcess([...args, '--workers', '1']);
      const parallel = await runCliInProcess([...args, '--workers', '2']);
      expect(serial.status, serial.stderr).toBe(0);
      expect(parallel.stdout).toBe(serial.stdout);
      const result = JSON.parse(serial.stdout);
      expect(result.replications).toBe(3);
      if (file.includes('keda')) expect(result.queues.orders.autoscale.scaleUps).toBeGreaterThan(0);
      // Six 20-minute runs of a shipped scenario: minutes on a loaded 2-core machine.
    },
    600_000,
  );
});

describe('queuesim run with replications', () => {
  it('shows ± half-widths, the theory row and what did not converge', async () => {
    const file = scenarioFile(small);
    const { status, stdout, stderr } = await runCliInProcess([
      'run',
      file,
      '--precision',
      '0.1%',
      '--max-replications',
      '4',
      '--replications',
      '3',
      '--warmup',
      'auto',
      '--workers',
      '1',
      '--no-report',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('4 replications × 2min measured');
    expect(stdout).toMatch(/± /);
    expect(stdout).toContain('M/M/2/12 theory');
    expect(stdout).toMatch(
      /precision 0\.1%: NOT met after 4 replications \(stopped by max-replications\): q /,
    );
    expect(stdout).toMatch(/warm-up auto \(MSER-5 on 3 pilot runs\): q /);
  });

  it('reports bad statistics flags with exit code 2', async () => {
    const file = scenarioFile(small);
    const bad = await runCliInProcess(['run', file, '--precision', 'tight']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--precision.*2%/);
    expect((await runCliInProcess(['run', file, '--workers', '0'])).status).toBe(2);
  });
});

describe('queuesim estimate', () => {
  it('prints the analytic estimates without simulating', async () => {
    const { status, stdout } = await runCliInProcess(['estimate', 'scenarios/thumbnail-render.yaml']);
    expect(status).toBe(0);
    expect(stdout).toContain('M/G/1');
    expect(stdout).toContain('Pollaczek–Khinchine');
  });

  it('prints them as JSON with --json', async () => {
    const { status, stdout } = await runCliInProcess(['estimate', scenarioFile(small), '--json']);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.scenario).toBe('small');
    expect(report.queues.q).toMatchObject({ model: 'M/M/2/12', exact: true, stable: true });
    expect(report.queues.q.values.dropRate).toBeGreaterThan(0);
  });
});
