import { readFile, stat } from 'node:fs/promises';
import { ScenarioError } from '../scenario/index.js';

/**
 * The text of a file an importer reads (a manifest, an export, a scenario to merge into). Unreadable, not a
 * regular file, or larger than `maxBytes` is a located problem (exit 2): `what` names the file in it.
 */
export async function readImportInput(path: string, what: string, maxBytes: number): Promise<string> {
  const unreadable = (reason: string): ScenarioError =>
    new ScenarioError([
      {
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: `cannot read the ${what} file: ${reason}`,
        severity: 'error',
      },
    ]);
  try {
    const facts = await stat(path);
    if (facts.isDirectory()) throw unreadable('it is a directory, not a file');
    if (!facts.isFile()) throw unreadable('it is not a regular file (a pipe, socket or device)');
    if (facts.size > maxBytes) throw unreadable(`it is ${facts.size} bytes; at most ${maxBytes} are read`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unreadable(code === 'ENOENT' ? 'no such file' : String(error));
  }
}

/** A saved Prometheus response is a few MB even for thousands of series. */
const MAX_METRICS_BYTES = 100 * 1000 * 1000;

/** `--metrics FILE [--peak]` of an import command, read; `--peak` alone is a command-line error. */
export async function readMetricsInput(args: {
  metrics?: string | undefined;
  peak: boolean;
}): Promise<{ text: string; file: string; peak: boolean } | undefined> {
  if (args.peak && args.metrics === undefined) {
    throw new ScenarioError([
      {
        file: '<command line>',
        line: 0,
        column: 0,
        path: '--peak',
        message: 'needs --metrics (the rates to take the peak of)',
        severity: 'error',
      },
    ]);
  }
  if (args.metrics === undefined) return undefined;
  return {
    text: await readImportInput(args.metrics, 'metrics', MAX_METRICS_BYTES),
    file: args.metrics,
    peak: args.peak,
  };
}
