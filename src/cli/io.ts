import { readFileSync } from 'node:fs';
import pc from 'picocolors';

/**
 * Exit codes: 0 success, 1 internal failure or (with `run --fail-on-slo`) a failed SLO, 2 bad input
 * (scenario or command line).
 */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;
/** `run --fail-on-slo`: some SLO failed (the results were printed in full). */
export const EXIT_SLO_FAILED = 1;

/** The package version, read from package.json beside src/ or dist/. */
export function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** True when stdout is a terminal that wants colour (honours NO_COLOR and FORCE_COLOR). */
export function stdoutWantsColor(): boolean {
  return pc.isColorSupported && Boolean(process.stdout.isTTY || process.env.FORCE_COLOR);
}

/** Writes to stdout; a closed pipe (`queuesim … | head`) ends the process quietly instead of crashing. */
export function writeStdout(text: string): void {
  process.stdout.write(text);
}

/** Writes a line to stderr. */
export function writeStderr(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}

/** Installs the handler that turns EPIPE on stdout into a quiet exit. */
export function handleClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
}
