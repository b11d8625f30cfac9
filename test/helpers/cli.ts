import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** tsx's loader by absolute URL, so the CLI also runs from source with another working directory. */
const tsxLoader = pathToFileURL(`${projectRoot}node_modules/tsx/dist/loader.mjs`).href;

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the queuesim command line from source (through tsx), as a user would run the built one. */
export function runCli(args: string[], options: { cwd?: string } = {}): CliOutcome {
  const child = spawnSync(
    process.execPath,
    ['--import', tsxLoader, `${projectRoot}src/cli/main.ts`, ...args],
    {
      cwd: options.cwd ?? projectRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}
