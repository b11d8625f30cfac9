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
