import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';

/** `queuesim import rabbitmq <definitions.json>`: a broker's definitions export as a scenario. */
export const rabbitmqCommand = {
  command: 'rabbitmq <definitions>',
  describe: 'A RabbitMQ definitions export (rabbitmqctl export_definitions) as a scenario',
  builder: (yargs: Argv) =>
    yargs
      .positional('definitions', {
        type: 'string',
        describe: 'The JSON file rabbitmqctl export_definitions or the management UI writes',
        demandOption: true,
      })
      .option('vhost', { type: 'string', default: '/', describe: 'The virtual host to import' })
      .option('out', { type: 'string', describe: 'Write the scenario here (atomically) instead of stdout' })
      .option('metrics', {
        type: 'string',
        describe: 'A saved Prometheus query_range response (JSON): publish rates and consumers per queue',
      })
      .option('peak', {
        type: 'boolean',
        default: false,
        describe: 'With --metrics: write each peak rate instead of a rate schedule over the recorded window',
      }),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim import rabbitmq`. */
export type RabbitmqArgs = ArgsOf<typeof rabbitmqCommand>;
