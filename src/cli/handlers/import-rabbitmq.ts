import { readFile, stat } from 'node:fs/promises';
import { importRabbitmqDefinitions } from '../../import/rabbitmq-scenario.js';
import { ScenarioError, formatProblems, parseScenario } from '../../scenario/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { RabbitmqArgs } from '../commands/import-rabbitmq.js';
import { writeStderr, writeStdout } from '../io.js';

/** Largest export read: definitions of thousands of queues are a few MB. */
const MAX_INPUT_BYTES = 100 * 1000 * 1000;

/** Writes the vhost's definitions as a scenario, checked as `run` would check it before it is written. */
export async function handle(args: RabbitmqArgs): Promise<void> {
  const imported = importRabbitmqDefinitions(await readInput(args.definitions), args.definitions, args.vhost);
  if (imported.warnings.length > 0) writeStderr(formatProblems(imported.warnings));
  const { warnings } = parseScenario(imported.text, args.out ?? 'imported scenario');
  if (warnings.length > 0) writeStderr(formatProblems(warnings));
  if (args.out === undefined) writeStdout(imported.text);
  else await writeFileAtomic(args.out, imported.text);
}

/** The export's text; unreadable, not a regular file or too large is a located problem (exit 2). */
async function readInput(path: string): Promise<string> {
  const unreadable = (reason: string): ScenarioError =>
    new ScenarioError([
      {
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: `cannot read the definitions file: ${reason}`,
        severity: 'error',
      },
    ]);
  try {
    const facts = await stat(path);
    if (!facts.isFile()) throw unreadable('it is not a regular file');
    if (facts.size > MAX_INPUT_BYTES)
      throw unreadable(`it is ${facts.size} bytes; at most ${MAX_INPUT_BYTES} are read`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unreadable(code === 'ENOENT' ? 'no such file' : String(error));
  }
}
