import { autoscaleBlock, mergeAutoscale } from '../../import/autoscale-yaml.js';
import { importKedaScaledObject } from '../../import/keda-scaled-object.js';
import { formatProblems, parseScenario } from '../../scenario/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { readImportInput } from '../import-input.js';
import { commandLineError } from '../../api/option-values.js';
import type { KedaArgs } from '../commands/import-keda.js';
import { writeStderr, writeStdout } from '../io.js';

/** Largest manifest read: a ScaledObject is a few hundred bytes; anything this big is the wrong file. */
const MAX_INPUT_BYTES = 10 * 1000 * 1000;

/** Writes the ScaledObject as an `autoscale:` block, alone or merged into a scenario that must validate. */
export async function handle(args: KedaArgs): Promise<void> {
  const imported = importKedaScaledObject(
    await readImportInput(args.manifest, 'manifest', MAX_INPUT_BYTES),
    args.manifest,
    {
      name: args.name,
    },
  );
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
      await readImportInput(args.into, 'scenario', MAX_INPUT_BYTES),
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
