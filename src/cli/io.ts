import { readFileSync } from 'node:fs';
import pc from 'picocolors';

/**
 * Exit codes, one meaning each so that a CI pipeline can tell them apart: 0 success, 1 an SLO failed (with
 * `--fail-on-slo`) or `plan` found no value, 2 bad input (scenario, command line, or an output path or
 * device that cannot be written), 70 an internal error: sysexits' EX_SOFTWARE.
 */
export const EXIT_OK = 0;
/** `run --fail-on-slo`: some SLO failed (the results were printed in full). */
export const EXIT_SLO_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
/** sysexits.h EX_SOFTWARE: an internal software error, never 1, which a failed SLO means. */
export const EXIT_INTERNAL = 70;

/** The exit codes as the `--help` epilogue lists them (the README has the same table). */
export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0   success',
  '  1   an SLO fails (with --fail-on-slo), or plan finds no value that meets the SLOs',
  '  2   bad input: scenario file or command line (the message names file:line:col and field),',
  '      or output that cannot be written (a report folder, a special file, a full disk)',
  '  70  internal error (sysexits EX_SOFTWARE)',
].join('\n');

/** The package version, put in by the bundler (scripts/build-cli.mjs); undeclared when run from source. */
declare const QUEUESIM_VERSION: string | undefined;

/** The package version: the bundle's, or from package.json beside src/ when run from source. */
export function packageVersion(): string {
  if (typeof QUEUESIM_VERSION === 'string') return QUEUESIM_VERSION;
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

/**
 * Installs the handler that turns EPIPE on stdout into a quiet exit, and any other failure to write the
 * output (a full disk, `> /dev/full`) into one line on stderr and exit 2, not a stack trace: the
 * place the user pointed the output at is at fault, not queuesim.
 */
export function handleClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    writeStderr(`queuesim: cannot write the output: ${error.message}`);
    process.exit(EXIT_BAD_INPUT);
  });
}
