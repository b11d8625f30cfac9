import { readFile, stat } from 'node:fs/promises';
import { autoscaleBlock, mergeAutoscale } from '../../import/autoscale-yaml.js';
import { importKedaScaledObject } from '../../import/keda-scaled-object.js';
import { ScenarioError, formatProblems, parseScenario } from '../../scenario/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { commandLineError } from '../command-line.js';
import type { KedaArgs } from '../commands/import-keda.js';
import { writeStderr, writeStdout } from '../io.js';

/** Largest manifest read: a ScaledObject is a few hundred bytes; anything this big is the wrong file. */
const MAX_INPUT_BYTES = 10 * 1000 * 1000;

/** Writes the ScaledObject as an `autoscale:` block, alone or merged into a scenario that must validate. */
export async function handle(args: KedaArgs): Promise<void> {
  const imported = importKedaScaledObject(await readInput(args.manifest, 'manifest'), args.manifest, {
    name: args.name,
  });
  const header = [
    `Imported by 'queuesim import keda' from ${args.manifest} (ScaledObject ${imported.source}).`,
    ...imported.notes.map((note) => `Not imported: ${note}`),
  ];
  if (imported.warnings.length > 0) writeStderr(formatProblems(imported.warnings));
  let output: string;
  if (args.into === undefined) {
    output = autoscaleBlock(imported.settings, header);
  } else {
    const queue = args.queue ?? imported.queueName;
    if (queue === undefined) {
      throw commandLineError(
        '--queue',
        'the trigger names no queue or topic: say which queue to scale with --queue NAME',
      );
    }
    const merged = mergeAutoscale(
      await readInput(args.into, 'scenario'),
      args.into,
      queue,
      imported.settings,
      header,
    );
    if (merged.replaced) writeStderr(`queuesim: replaced the autoscale: block of queue '${queue}'`);
    // The merge must give a scenario that runs: check it as `run` would, before anything is written.
    const { warnings } = parseScenario(merged.text, args.out ?? args.into);
    if (warnings.length > 0) writeStderr(formatProblems(warnings));
    output = merged.text;
  }
  if (args.out === undefined) writeStdout(output);
  else await writeFileAtomic(args.out, output);
}

/** A file's text; unreadable, not a regular file or too large is a located problem (exit 2). */
async function readInput(path: string, what: string): Promise<string> {
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
    if (facts.size > MAX_INPUT_BYTES)
      throw unreadable(`it is ${facts.size} bytes; at most ${MAX_INPUT_BYTES} are read`);
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof ScenarioError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw unreadable(code === 'ENOENT' ? 'no such file' : String(error));
  }
}
