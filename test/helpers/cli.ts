import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the queuesim command line from source (through tsx), as a user would run the built one. */
export function runCli(args: string[], options: { cwd?: string } = {}): CliOutcome {
  const child = spawnSync(process.execPath, ['--import', 'tsx', `${projectRoot}src/cli/main.ts`, ...args], {
    cwd: options.cwd ?? projectRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
