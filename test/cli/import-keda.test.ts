import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const RABBIT = 'scenarios/imports/keda-scaledobject.yaml';
const KAFKA = 'scenarios/imports/keda-kafka-scaledobject.yaml';

/** A fresh temporary folder. */
const folder = () => mkdtempSync(join(tmpdir(), 'queuesim-import-keda-'));

describe('queuesim import keda', () => {
  it('prints the autoscale block for the shipped RabbitMQ ScaledObject', async () => {
    const { status, stdout, stderr } = await runCliInProcess(['import', 'keda', RABBIT]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('autoscale:\n');
    expect(stdout).toContain(
      `  # Imported by 'queuesim import keda' from ${RABBIT} (ScaledObject shop/orders-consumer).\n`,
    );
    expect(stdout).toContain('  min: 0 # spec.minReplicaCount\n');
    expect(stdout).toContain('  polling-interval: 10s # spec.pollingInterval\n');
    expect(stdout).toContain('        - { type: pods, value: 8, period: 15s }\n');
  });

  it('merges into a scenario in place (--out = --into), atomically, and the result runs', async () => {
    const dir = folder();
    const scenario = join(dir, 'shop.yaml');
    copyFileSync('scenarios/keda-autoscaled.yaml', scenario);
    const before = readFileSync(scenario, 'utf8');
    const merged = await runCliInProcess(['import', 'keda', RABBIT, '--into', scenario, '--out', scenario]);
    expect(merged.stdout).toBe('');
    expect(merged.stderr).toBe("queuesim: replaced the autoscale: block of queue 'orders'\n");
    expect(merged.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['shop.yaml']); // no temporary file left behind
    const after = readFileSync(scenario, 'utf8');
    expect(after).toContain('startup-time: 45s # kept from');
    // Everything before the queue's autoscale block is as it was, comments included.
    const head = before.slice(0, before.indexOf('    autoscale:'));
    expect(after.startsWith(head)).toBe(true);
    expect(after).toContain(
      'variants: # queuesim compare scenarios/keda-autoscaled.yaml — cost against latency\n',
    );
    const run = await runCliInProcess(['run', scenario, '--duration', '1h', '--json', '--no-report']);
    expect(run.status).toBe(0);
    const autoscale = (
      JSON.parse(run.stdout) as { queues: Record<string, { autoscale: { range: number[] } }> }
    ).queues.orders.autoscale;
    expect(autoscale.range).toEqual([0, 24]);
  });

  it("merges a Kafka ScaledObject into a topic named by the trigger, showing the merged scenario's warnings", async () => {
    const dir = folder();
    const scenario = join(dir, 'payments.yaml');
    writeFileSync(
      scenario,
      'name: payments\nduration: 5m\nproducers:\n  - { name: api, to: payments, rate: 50/s }\nqueues:\n  - name: payments # the Kafka topic\n    partitions: 6\n    service: 20ms\n',
    );
    const { status, stdout, stderr } = await runCliInProcess(['import', 'keda', KAFKA, '--into', scenario]);
    // The merged scenario is checked as run checks it, and its warnings are shown.
    expect(stderr).toMatch(
      /payments\.yaml:\d+:\d+ {2}warning {2}queues\[0\]\.autoscale\.max: topic 'payments' has autoscale max 12 but 6 partitions/,
    );
    expect(status).toBe(0);
    expect(stdout).toContain(
      '  - name: payments # the Kafka topic\n    partitions: 6\n    service: 20ms\n    autoscale:\n',
    );
    expect(stdout).toContain(
      '      limit-to-partitions-with-lag: true # spec.triggers[0].metadata.limitToPartitionsWithLag\n',
    );
  });

  it.each([
    [
      'an unknown trigger type',
      'kind: ScaledObject\nspec:\n  triggers:\n    - type: aws-sqs-queue\n',
      [],
      /^so\.yaml:4:13 {2}error {2}spec\.triggers\[0\]\.type: trigger type "aws-sqs-queue" cannot be imported/,
    ],
    ['an unknown argument', 'kind: ScaledObject\n', ['--vhost', 'x'], /^queuesim: Unknown arguments?: vhost/],
    [
      '--queue without --into',
      'kind: ScaledObject\n',
      ['--queue', 'orders'],
      /^queuesim: Implications failed:\n queue -> into/,
    ],
  ])('%s: a located error and exit 2', async (_what, text, flags, message) => {
    const dir = folder();
    writeFileSync(join(dir, 'so.yaml'), text);
    const { status, stdout, stderr } = await runCliInProcess(['import', 'keda', 'so.yaml', ...flags], {
      cwd: dir,
    });
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(status).toBe(2);
  });
});
