import { importRabbitmqDefinitions } from '../../import/rabbitmq-scenario.js';
import { formatProblems, parseScenario } from '../../scenario/index.js';
import { writeFileAtomic } from '../atomic-write.js';
import { readImportInput, readMetricsInput } from '../import-input.js';
import type { RabbitmqArgs } from '../commands/import-rabbitmq.js';
import { writeStderr, writeStdout } from '../io.js';

/** Largest export read: definitions of thousands of queues are a few MB. */
const MAX_INPUT_BYTES = 100 * 1000 * 1000;

/** Writes the vhost's definitions as a scenario, checked as `run` would check it before it is written. */
export async function handle(args: RabbitmqArgs): Promise<void> {
  const metrics = await readMetricsInput(args);
  const imported = importRabbitmqDefinitions(
    await readImportInput(args.definitions, 'definitions', MAX_INPUT_BYTES),
    args.definitions,
    args.vhost,
    metrics,
  );
  if (imported.warnings.length > 0) writeStderr(formatProblems(imported.warnings));
  const { warnings } = parseScenario(imported.text, args.out ?? 'imported scenario');
  if (warnings.length > 0) writeStderr(formatProblems(warnings));
  if (args.out === undefined) writeStdout(imported.text);
  else await writeFileAtomic(args.out, imported.text);
}
