import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/cli/atomic-write.js';

describe('writeFileAtomic', () => {
  it('creates or replaces the file and leaves no temporary file beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-atomic-'));
    const path = join(dir, 'report.html');
    await writeFileAtomic(path, 'first');
    writeFileSync(join(dir, 'other'), 'untouched');
    await writeFileAtomic(path, 'second');
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(dir).sort()).toEqual(['other', 'report.html']);
  });

  it('fails without leaving a temporary file when the target cannot be replaced', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'queuesim-atomic-'));
    const target = join(dir, 'taken');
    writeFileSync(join(dir, 'keep'), '');
    mkdirSync(join(target, 'inside'), { recursive: true }); // a non-empty folder: rename cannot replace it
    await expect(writeFileAtomic(target, 'text')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);
    expect(readdirSync(dir).sort()).toEqual(['keep', 'taken']);
  });
});
