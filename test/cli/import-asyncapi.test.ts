import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

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
});
