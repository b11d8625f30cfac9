/**
 * The queuesim command line run inside the test's own process: `runProgram` from source, with stdout and
 * stderr captured and `process.exit` turned into the outcome's status. Starting a node process with tsx
 * costs one to three seconds per call on a loaded 2-core machine; this costs milliseconds once the modules
 * are loaded. Use it for argument handling, messages and output formats; keep `runCli` (a real process)
 * for what only a process shows: the bin, the bundle, exit on a closed pipe, worker threads' start-up.
 */
import { format } from 'node:util';
import { runProgram } from '../../src/cli/program.js';
import { joinNegativeValues } from '../../src/cli/negative-values.js';
import type { CliOutcome } from './cli.js';

/** True while a call runs: a second one would capture the first one's output (a timed-out test runs on). */
let running = false;

/** Thrown by the stand-in for process.exit: nothing after an exit may run or print. */
class ProcessExited extends Error {}

type Write = typeof process.stdout.write;

/** A write function that appends to `sink` until the process "exited". */
function capture(sink: string[], exited: () => boolean): Write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (!exited()) sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as Write;
}

/** A console method that appends its line to `sink` (yargs prints help and version through console). */
function captureConsole(sink: string[], exited: () => boolean): (...args: unknown[]) => void {
  return (...args: unknown[]) => {
    if (!exited()) sink.push(`${format(...args)}\n`);
  };
}

/** Sets `vars` in process.env and returns the function that puts the old values back. */
function withEnv(vars: Record<string, string>): () => void {
  const saved = Object.keys(vars).map((key) => [key, process.env[key]] as const);
  Object.assign(process.env, vars);
  return () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

/**
 * Runs `queuesim <args>` in this process as bin/main.ts would (negative values joined to their flags) and
 * returns its exit status, stdout and stderr; `env` adds environment variables for the call, `cwd` is the
 * working directory during it (process.chdir: the forks pool, not threads). Calls must not overlap
 * (vitest runs a file's tests one at a time).
 */
export async function runCliInProcess(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliOutcome> {
  if (running) throw new Error('runCliInProcess: an earlier call is still running (did its test time out?)');
  running = true;
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exitStatus: number | undefined;
  const exited = () => exitStatus !== undefined;
  const saved = {
    out: process.stdout.write,
    err: process.stderr.write,
    exit: process.exit,
    log: console.log,
    error: console.error,
    exitCode: process.exitCode,
    uncaught: process.listeners('uncaughtException'),
    stdoutError: process.stdout.listeners('error') as ((error: Error) => void)[],
    cwd: process.cwd(),
  };
  if (options.cwd !== undefined) process.chdir(options.cwd);
  const restoreEnv = withEnv({ NO_COLOR: '1', FORCE_COLOR: '', ...options.env });
  process.exitCode = undefined;
  process.stdout.write = capture(stdout, exited);
  process.stderr.write = capture(stderr, exited);
  console.log = captureConsole(stdout, exited);
  console.error = captureConsole(stderr, exited);
  process.exit = ((code?: number) => {
    exitStatus ??= code ?? Number(process.exitCode ?? 0);
    throw new ProcessExited();
  }) as typeof process.exit;
  try {
    await runProgram(joinNegativeValues(args));
  } catch (error) {
    if (!(error instanceof ProcessExited)) throw error;
  } finally {
    const status = exitStatus ?? Number(process.exitCode ?? 0);
    exitStatus = status;
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exit = saved.exit;
    console.log = saved.log;
    console.error = saved.error;
    process.exitCode = saved.exitCode;
    restoreEnv();
    process.chdir(saved.cwd);
    running = false;
    // runProgram installs its process-wide handlers on each call; a process would install them once.
    for (const listener of process.listeners('uncaughtException'))
      if (!saved.uncaught.includes(listener)) process.off('uncaughtException', listener);
    for (const listener of process.stdout.listeners('error') as ((error: Error) => void)[])
      if (!saved.stdoutError.includes(listener)) process.stdout.off('error', listener);
  }
  return { status: exitStatus, stdout: stdout.join(''), stderr: stderr.join('') };
}
