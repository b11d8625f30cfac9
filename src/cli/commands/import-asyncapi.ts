import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';

/** `queuesim import asyncapi <document>`: an AsyncAPI 2.x or 3.x document as a scenario. */
export const asyncapiCommand = {
  command: 'asyncapi <document>',
  describe: 'An AsyncAPI 2.x or 3.x document (AMQP and Kafka bindings) as a scenario',
  builder: (yargs: Argv) =>
    yargs
      .positional('document', {
        type: 'string',
        describe: 'The AsyncAPI document (YAML or JSON)',
        demandOption: true,
      })
      .option('out', { type: 'string', describe: 'Write the scenario here (atomically) instead of stdout' })
      .option('metrics', {
        type: 'string',
        describe:
          'A saved Prometheus query_range response (JSON): Kafka topic rates, consumer groups, RabbitMQ queue rates',
      })
      .option('peak', {
        type: 'boolean',
        default: false,
        describe: 'With --metrics: write each peak rate instead of a rate schedule over the recorded window',
      }),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim import asyncapi`. */
export type AsyncapiArgs = ArgsOf<typeof asyncapiCommand>;
