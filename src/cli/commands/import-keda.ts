import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';

/** `queuesim import keda <scaledobject.yaml>`: a KEDA ScaledObject as a queue's `autoscale:` block. */
export const kedaCommand = {
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
      }),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim import keda`. */
export type KedaArgs = ArgsOf<typeof kedaCommand>;
