import { readFile, stat } from 'node:fs/promises';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { autoscaleBlock, mergeAutoscale } from '../../import/autoscale-yaml.js';
import { importKedaScaledObject } from '../../import/keda-scaled-object.js';
import { COMMAND_LINE, ScenarioError, formatProblems, parseScenario } from '../../scenario/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { writeStderr, writeStdout } from '../io.js';

interface KedaArgs {
  manifest: string;
  name?: string;
  into?: string;
  queue?: string;
  out?: string;
}

/** Largest manifest read: a ScaledObject is a few hundred bytes; anything this big is the wrong file. */
const MAX_INPUT_BYTES = 10 * 1000 * 1000;

/** `queuesim import keda <scaledobject.yaml>`: a KEDA ScaledObject as a queue's `autoscale:` block. */
const kedaCommand: CommandModule<object, KedaArgs> = {
  command: 'keda <manifest>',
  describe: "A KEDA ScaledObject (and its HPA behavior) as a queue's autoscale: block",
  builder: (yargs: Argv) =>
    yargs
      .positional('manifest', {
        type: 'string',
        describe: 'Kubernetes YAML holding the ScaledObject (other kinds in the file are skipped)',
        demandOption: true,
      })
      .option('name', { type: 'string', describe: 'The ScaledObject to read when the file has several' })
      .option('into', {
        type: 'string',
        describe: 'Scenario to merge into (its comments kept); the merged scenario must validate',
      })
      .option('queue', {
        type: 'string',
        describe: "With --into: the queue to scale (default: the trigger's queueName or topic)",
      })
      .implies('queue', 'into')
      .option('out', {
        type: 'string',
        describe: 'Write here (atomically; may be the --into file) instead of stdout',
      }) as unknown as Argv<KedaArgs>,
  handler: async (args: ArgumentsCamelCase<KedaArgs>) => {
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
        throw new ScenarioError([
          {
            file: COMMAND_LINE,
            line: 0,
            column: 0,
            path: '--queue',
            message: 'the trigger names no queue or topic: say which queue to scale with --queue NAME',
            severity: 'error',
          },
        ]);
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
  },
};

/** `queuesim import <format> <file>`: scenario settings from what a team already has. */
export const importCommand: CommandModule = {
  command: 'import',
  describe: 'Write scenario settings from existing configuration (keda)',
  builder: (yargs: Argv) =>
    yargs.command(kedaCommand).demandCommand(1, 'Name what to import: keda (queuesim import keda <file>)'),
  handler: () => undefined,
};

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
