import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import {
  exchangeOption,
  exchangeTimeoutOption,
  jsonOption,
  outOption,
  partOption,
  reportOption,
  scenarioStudyOptions,
  searchShardOption,
  redisOption,
  workersOption,
} from '../shared-options.js';

/** `queuesim plan <scenario>`: the smallest setting that meets every SLO. */
export const planCommand = {
  command: 'plan <scenario>',
  describe: 'Find the smallest number of consumers (or capacity) that meets every SLO',
  builder: (yargs: Argv) =>
    scenarioStudyOptions(yargs)
      .option('optimize', {
        type: 'string',
        describe:
          'Parameter to size: queues.<name>.consumers (default: the first queue an SLO names) or .capacity; repeat it to size several at the least total cost (see cost: in the scenario)',
        // Given once it is a string, repeated an array: always a list for the handler.
        coerce: (value: string | string[]) => [value].flat(),
      })
      .option('load', { type: 'string', describe: 'Plan at this multiple of the written rates, e.g. x1.5' })
      .option('workers', workersOption())
      .option('redis', redisOption)
      .option('json', jsonOption('Print the plan as JSON on stdout'))
      .option('report', reportOption('plan.html and plan.csv'))
      .option('out', outOption('reports/<scenario name>'))
      .option('shard', searchShardOption)
      .option('part', partOption)
      .option('exchange', exchangeOption)
      .option('exchange-timeout', exchangeTimeoutOption),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim plan`. */
export type PlanArgs = ArgsOf<typeof planCommand>;
