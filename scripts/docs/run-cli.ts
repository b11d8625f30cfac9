/** Runs the built queuesim command line as a user would, in a scratch folder that sees the shipped files. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root folder, with a trailing slash. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** What a command printed (stdout and stderr interleaved as a terminal shows them) and its exit code. */
export interface CommandOutcome {
  status: number | null;
  output: string;
}

/**
 * A fresh temporary folder holding links to the shipped `scenarios/` and `schema/` and the README's own
 * example files, so that the README's relative paths work there and the reports a command writes land
 * there, not in the repository.
 */
export function makeSandbox(files: Array<{ name: string; text: string }> = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-docs-'));
  for (const name of ['scenarios', 'schema']) symlinkSync(join(projectRoot, name), join(dir, name));
  for (const file of files) writeFileSync(join(dir, file.name), file.text);
  return dir;
}

/** Runs `node dist/cli/main.js …args` in `cwd`, without colours and without progress lines. */
export function runQueuesim(args: string[], cwd: string): CommandOutcome {
  const capture = join(mkdtempSync(join(tmpdir(), 'queuesim-out-')), 'output.txt');
  // One file for both streams keeps their lines in the order they were written.
  const fd = openSync(capture, 'w');
  try {
    const child = spawnSync(process.execPath, [join(projectRoot, 'dist/cli/main.js'), ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', QUEUESIM_PROGRESS_INTERVAL_MS: '1e12' },
      stdio: ['ignore', fd, fd],
    });
    if (child.error) throw child.error;
    return { status: child.status, output: readFileSync(capture, 'utf8') };
  } finally {
    closeSync(fd);
    rmSync(capture, { force: true });
  }
}
