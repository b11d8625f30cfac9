import { importAsyncApi } from '../../import/asyncapi-scenario.js';
import { formatProblems, parseScenario } from '../../scenario/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import type { AsyncapiArgs } from '../commands/import-asyncapi.js';
import { readImportInput, readMetricsInput } from '../import-input.js';
import { writeStderr, writeStdout } from '../io.js';

/** Largest document read: an AsyncAPI document of hundreds of channels is well under this. */
const MAX_INPUT_BYTES = 20 * 1000 * 1000;

/** Writes the document as a scenario, checked as `run` would check it before it is written. */
export async function handle(args: AsyncapiArgs): Promise<void> {
  const metrics = await readMetricsInput(args);
  const imported = await importAsyncApi(
    await readImportInput(args.document, 'AsyncAPI document', MAX_INPUT_BYTES),
    args.document,
    metrics,
  );
  if (imported.warnings.length > 0) writeStderr(formatProblems(imported.warnings));
  const { warnings } = parseScenario(imported.text, args.out ?? 'imported scenario');
  if (warnings.length > 0) writeStderr(formatProblems(warnings));
  if (args.out === undefined) writeStdout(imported.text);
  else await writeFileAtomic(args.out, imported.text);
}
