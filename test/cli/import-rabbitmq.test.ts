import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const EXPORT = 'scenarios/imports/rabbitmq-definitions.json';

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
});
