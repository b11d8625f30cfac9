import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ORDERS = 'scenarios/imports/asyncapi-orders.yaml';
const KAFKA_METRICS = 'scenarios/imports/prometheus-kafka.json';

describe('queuesim import asyncapi', () => {
  it('writes a scenario that runs as written, and refuses an invalid document with a located error (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-import-asyncapi-'));
    const out = join(dir, 'orders.yaml');
    const written = runCli(['import', 'asyncapi', 'scenarios/imports/asyncapi-orders.yaml', '--out', out]);
    expect(written.status).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain("# Imported by 'queuesim import asyncapi' from");
    const ran = runCli(['run', out, '--duration', '5s', '--no-report', '--quiet', '--json']);
    expect(ran.status).toBe(0);
    expect(Object.keys(JSON.parse(ran.stdout).queues)).toEqual([
      'billing',
      'payments.v1.ledger',
      'payments.v1.fraud-check',
    ]);

    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'asyncapi: 3.0.0\ninfo: {title: x}\n');
    const refused = runCli(['import', 'asyncapi', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`${bad.replace(/[.]/g, '\\.')}:2:6 +error`));
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints only the parser’s errors and warnings: the 2.6 example imports with a clean stderr', () => {
    const imported = runCli(['import', 'asyncapi', 'scenarios/imports/asyncapi-2-notifications.yaml']);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("# Imported by 'queuesim import asyncapi'");
    expect(imported.stderr).toBe('');
  });

  it('--metrics: Kafka topic rates from partition offsets, consumers from group members, RabbitMQ queues as import rabbitmq reads them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-import-asyncapi-metrics-'));
    const out = join(dir, 'orders.yaml');
    const written = runCli(['import', 'asyncapi', ORDERS, '--metrics', KAFKA_METRICS, '--out', out]);
    expect(written.status).toBe(0);
    expect(written.stderr).toContain(`${KAFKA_METRICS}  warning  series for Kafka topic 'audit.v1'`);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('duration: 540s # the recorded window');
    expect(text).toMatch(/of topic payments\.v1 \(summed over 12 partitions\)/);
    // placeOrder and cancelOrder both reach billing: each gets half its published rate, and is told so.
    expect(text.match(/1\/2 of it: 2 producers send there/g)).toHaveLength(2);
    expect(text).toMatch(/consumers: 4 # max of kafka_consumergroup_members of group ledger/);
    expect(text).toMatch(/consumers: 3 # max of rabbitmq_detailed_queue_consumers/);
    expect(text).toMatch(
      /recorded lag \(kafka_consumergroup_lag summed over partitions\): mean 196\.8, max 348/,
    );
    const run = runCli(['run', out, '--json', '--no-report', '--quiet']);
    expect(run.status).toBe(0);
    // The recorded window published 21600 records to payments.v1 (every group reads each) and 14400 to billing.
    const queues = (JSON.parse(run.stdout) as { queues: Record<string, { arrivals: number }> }).queues;
    expect(Math.abs(queues['payments.v1.ledger']!.arrivals / 21600 - 1)).toBeLessThan(0.05);
    expect(Math.abs(queues['payments.v1.fraud-check']!.arrivals / 21600 - 1)).toBeLessThan(0.05);
    expect(Math.abs(queues.billing!.arrivals / 14400 - 1)).toBeLessThan(0.05);

    const peak = runCli(['import', 'asyncapi', ORDERS, '--metrics', KAFKA_METRICS, '--peak']);
    expect(peak.status).toBe(0);
    expect(peak.stdout).toMatch(
      /rate: 60\/s # peak rate of kafka_topic_partition_current_offset of topic payments\.v1/,
    );
    expect(peak.stdout).toContain('duration: 10m');

    const bad = join(dir, 'bad-metrics.json');
    writeFileSync(
      bad,
      JSON.stringify({
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [{ metric: { __name__: 'kafka_consumergroup_lag', topic: 'payments.v1' }, values: [] }],
        },
      }),
    );
    const refused = runCli(['import', 'asyncapi', ORDERS, '--metrics', bad]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      `${bad}  error  $.data.result[0].metric: kafka_consumergroup_lag needs the label(s) consumergroup`,
    );
    const peakAlone = runCli(['import', 'asyncapi', ORDERS, '--peak']);
    expect(peakAlone.status).toBe(2);
    expect(peakAlone.stderr).toContain('--peak: needs --metrics');
  });
});
