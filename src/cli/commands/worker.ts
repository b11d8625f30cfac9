import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import { workersOption } from '../shared-options.js';

/** `queuesim worker --redis URL`: serve the units that commands given `--redis URL` put on the queue. */
export const workerCommand = {
  command: 'worker',
  describe:
    'Take units of work (replications, sweep points) from a BullMQ queue on Redis, for commands run with --redis',
  builder: (yargs: Argv) =>
    yargs
      .option('redis', {
        type: 'string',
        demandOption: true,
        describe: 'The Redis the commands use (redis://host:port)',
      })
      .option(
        'workers',
        workersOption('Units run at once, one worker thread each (default: the number of cores)'),
      )
      .option('lock-duration', {
        type: 'string',
        default: '30000',
        describe:
          "BullMQ's lockDuration, ms: a unit whose worker stops renewing its lock for this long is retried elsewhere",
      })
      .option('stalled-interval', {
        type: 'string',
        default: '30000',
        describe: "BullMQ's stalledInterval, ms: how often this worker looks for units whose worker died",
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'No line per unit on stderr' }),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim worker`. */
export type WorkerArgs = ArgsOf<typeof workerCommand>;
