import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import { runCli } from '../helpers/cli.js';

const EXPORT = 'scenarios/imports/rabbitmq-definitions.json';
const METRICS = 'scenarios/imports/prometheus-rabbitmq.json';

describe('queuesim import rabbitmq', () => {
  it('writes the scenario with --out (exit 0), and refuses text that is not JSON with a located error (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-import-rabbitmq-'));
    const out = join(dir, 'shop.yaml');
    const written = runCli(['import', 'rabbitmq', EXPORT, '--vhost', 'shop', '--out', out]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain("# Imported by 'queuesim import rabbitmq' from");

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "queues": [ }');
    const refused = runCli(['import', 'rabbitmq', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:1:\\d+ +error +not JSON`));
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('--metrics: measured rate schedules and consumers; the scenario validates and runs; bad series exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-import-metrics-'));
    const out = join(dir, 'shop.yaml');
    const written = runCli([
      'import',
      'rabbitmq',
      EXPORT,
      '--vhost',
      'shop',
      '--metrics',
      METRICS,
      '--out',
      out,
    ]);
    expect(written.status).toBe(0);
    expect(written.stderr).toContain(`${METRICS}  warning  series for queue 'orders.gone'`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('duration: 540s # the recorded window');
    expect(text).toMatch(/consumers: 4 # max of rabbitmq_detailed_queue_consumers/);
    const scenario = parseScenario(text, out);
    expect(scenario.warnings.filter((w) => w.severity === 'error')).toEqual([]);
    const run = runCli(['run', out, '--json', '--no-report', '--quiet']);
    expect(run.status).toBe(0);
    // The recorded window published 7200 to orders.email and 2520 to audit (its counter reset once).
    const queues = (JSON.parse(run.stdout) as { queues: Record<string, { arrivals: number }> }).queues;
    expect(Math.abs(queues['orders.email']!.arrivals / 7200 - 1)).toBeLessThan(0.05);
    expect(Math.abs(queues.audit!.arrivals / 2520 - 1)).toBeLessThan(0.08);

    const peak = runCli(['import', 'rabbitmq', EXPORT, '--vhost', 'shop', '--metrics', METRICS, '--peak']);
    expect(peak.status).toBe(0);
    expect(peak.stdout).toMatch(
      /rate: 20\/s # peak rate of rabbitmq_detailed_queue_messages_published_total of queue orders\.email/,
    );

    const bad = join(dir, 'bad-metrics.json');
    writeFileSync(
      bad,
      JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: { __name__: 'up' }, values: [] }] },
      }),
    );
    const refused = runCli(['import', 'rabbitmq', EXPORT, '--vhost', 'shop', '--metrics', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `${bad}  error  $.data.result[0].metric.__name__: series 'up' is not understood`,
    );
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });
});
