import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** tsx's loader by absolute URL, so the CLI also runs from source with another working directory. */
const tsxLoader = pathToFileURL(`${projectRoot}node_modules/tsx/dist/loader.mjs`).href;

export interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the queuesim command line from source (through tsx), as a user would run the built one; `stdout`
 * may name a file descriptor to write to instead of a pipe (its output is then not captured); `env` adds
 * environment variables.
 */
export function runCli(
  args: string[],
  options: { cwd?: string; stdout?: number; env?: Record<string, string> } = {},
): CliOutcome {
  const child = spawnSync(
    process.execPath,
    ['--import', tsxLoader, `${projectRoot}src/cli/main.ts`, ...args],
    {
      cwd: options.cwd ?? projectRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
      stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
    },
  );
  return { status: child.status, stdout: child.stdout ?? '', stderr: child.stderr };
}

/**
 * Starts `node args…` and resolves with its exit status and output when it ends: several can run at once
 * (shards, pods). `env` is the whole environment of the process.
 */
export function spawnNode(
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv },
): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? projectRoot,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** JSON output with its wall-time line set aside: the one field two runs of a search never share. */
export const withoutWallTime = (json: string) => json.replace(/"wallSeconds": [^\n]*\n/, '');

/** Writes `text` to a fresh temporary scenario file and returns its path. */
export function scenarioFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'queuesim-cli-'));
  const file = join(dir, 'scenario.yaml');
  writeFileSync(file, text);
  return file;
}

/** A small M/M/2/12 scenario file's text: two minutes at 20/s. */
export const SMALL_SCENARIO = `name: small
seed: 7
duration: 2m
producers:
  - { name: p, to: q, rate: 20/s }
queues:
  - { name: q, consumers: 2, capacity: 10, service: { distribution: exponential, mean: 50ms } }
`;
