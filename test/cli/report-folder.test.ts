/** A report folder changes as a whole: old or new, never mixed; leftovers of killed runs are cleaned. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolder, replaceReportFiles } from '../../src/cli/report-folder.js';

/** A process id that is not running (pids are below 2^22 on Linux). */
const DEAD_PID = 4_194_304 + 17;

function freshParent(): string {
  return mkdtempSync(join(tmpdir(), 'queuesim-folder-'));
}

describe('replaceReportFiles', () => {
  it('creates the folder with the files, leaving nothing beside it', async () => {
    const parent = freshParent();
    await replaceReportFiles(join(parent, 'r'), { 'a.txt': 'A', 'b.txt': 'B' });
    expect(readdirSync(parent)).toEqual(['r']);
    expect(readdirSync(join(parent, 'r')).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it("replaces its own files and keeps other commands' files", async () => {
    const parent = freshParent();
    const dir = join(parent, 'r');
    await replaceReportFiles(dir, { 'report.html': 'old', 'summary.json': 'old' });
    writeFileSync(join(dir, 'sweep.html'), 'the sweep');
    await replaceReportFiles(dir, { 'report.html': 'new', 'summary.json': 'new' });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'summary.json'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'sweep.html'), 'utf8')).toBe('the sweep');
    expect(readdirSync(parent)).toEqual(['r']);
  });

  it('still writes into a folder that holds sub-folders', async () => {
    const parent = freshParent();
    const dir = join(parent, 'r');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    await replaceReportFiles(dir, { 'a.txt': 'A' });
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'sub']);
    expect(readdirSync(parent)).toEqual(['r']);
  });

  it('removes the staging folder of a run that was killed while writing', async () => {
    const parent = freshParent();
    mkdirSync(join(parent, `.r.queuesim-staging-${DEAD_PID}-abcd0123`));
    await replaceReportFiles(join(parent, 'r'), { 'a.txt': 'A' });
    expect(readdirSync(parent)).toEqual(['r']);
  });

  it('puts the previous report back when a run was killed between its two renames', async () => {
    const parent = freshParent();
    const replaced = join(parent, `.r.queuesim-replaced-${DEAD_PID}-abcd0123`);
    mkdirSync(replaced);
    writeFileSync(join(replaced, 'sweep.html'), 'the sweep');
    await replaceReportFiles(join(parent, 'r'), { 'a.txt': 'A' });
    expect(readdirSync(parent)).toEqual(['r']);
    expect(readdirSync(join(parent, 'r')).sort()).toEqual(['a.txt', 'sweep.html']);
  });

  it("leaves a live run's staging folder alone", async () => {
    const parent = freshParent();
    const live = join(parent, `.r.queuesim-staging-${process.ppid}-abcd0123`);
    mkdirSync(live);
    await replaceReportFiles(join(parent, 'r'), { 'a.txt': 'A' });
    expect(existsSync(live)).toBe(true);
  });

  it('fails with the file system error, and leaves the previous report, when a file cannot be written', async () => {
    const parent = freshParent();
    const dir = join(parent, 'r');
    await replaceReportFiles(dir, { 'report.html': 'old' });
    await expect(
      replaceReportFiles(dir, { 'report.html': 'new', 'x/y.txt': 'nested' }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe('old');
    expect(readdirSync(parent)).toEqual(['r']);
  });
});

describe('makeFolder', () => {
  it('creates missing parents', async () => {
    const parent = freshParent();
    await makeFolder(join(parent, 'a', 'b', 'c'));
    expect(existsSync(join(parent, 'a', 'b', 'c'))).toBe(true);
  });

  it('ends with an error, not a hang, where Node recursive mkdir never returns', async () => {
    if (!existsSync('/proc/self')) return;
    await expect(makeFolder('/proc/queuesim-x/y')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a path whose parent is a file', async () => {
    const parent = freshParent();
    writeFileSync(join(parent, 'file'), '');
    await expect(makeFolder(join(parent, 'file', 'sub'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
