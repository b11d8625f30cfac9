import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import {
  jsonOption,
  exchangeOption,
  exchangeTimeoutOption,
  outOption,
  partOption,
  reportOption,
  scenarioStudyOptions,
  searchShardOption,
  redisOption,
  workersOption,
} from '../shared-options.js';

/** `queuesim headroom <scenario>`: the largest load multiplier at which every SLO still passes. */
export const headroomCommand = {
  command: 'headroom <scenario>',
  describe: 'Find how much more traffic the configuration takes before an SLO breaks, and which one',
  builder: (yargs: Argv) =>
    scenarioStudyOptions(yargs)
      .option('workers', workersOption())
      .option('redis', redisOption)
      .option('json', jsonOption('Print the result as JSON on stdout'))
      .option('report', reportOption('headroom.html and headroom.csv'))
      .option('out', outOption('reports/<scenario name>'))
      .option('shard', searchShardOption)
      .option('part', partOption)
      .option('exchange', exchangeOption)
      .option('exchange-timeout', exchangeTimeoutOption),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim headroom`. */
export type HeadroomArgs = ArgsOf<typeof headroomCommand>;
