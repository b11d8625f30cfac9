import type { Argv } from 'yargs';
import { DEFAULT_COMPARE_REPLICATIONS } from '../../api/defaults.js';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import {
  jsonOption,
  outOption,
  partOption,
  overrideOptions,
  reportOption,
  runSizeOptions,
  shardOption,
  redisOption,
  workersOption,
} from '../shared-options.js';

export { DEFAULT_COMPARE_REPLICATIONS };

/**
 * `queuesim compare a.yaml b.yaml [c.yaml…]` or `queuesim compare one-with-variants.yaml`: common random
 * numbers, differences with CIs.
 */
export const compareCommand = {
  command: 'compare <scenarios..>',
  describe:
    'Run scenarios (or one scenario and its variants) with common random numbers and show them side by side with significant differences',
  builder: (yargs: Argv) =>
    runSizeOptions(overrideOptions(yargs))
      .positional('scenarios', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Two or more scenario files (YAML), or one with variants',
      })
      .option('replications', {
        type: 'string',
        describe: `Paired replications (default: the first scenario's, else ${DEFAULT_COMPARE_REPLICATIONS})`,
      })
      .option('workers', workersOption())
      .option('redis', redisOption)
      .option('time-budget', {
        type: 'string',
        describe:
          'Stop the replications at this wall-clock time, e.g. 2m, and compare the pairs that finished',
      })
      .option('json', jsonOption('Print the comparison as JSON on stdout'))
      .option('report', reportOption('compare.html and compare.csv'))
      .option('out', outOption('reports/<first scenario name>'))
      .option('shard', shardOption)
      .option('part', partOption),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim compare`. */
export type CompareArgs = ArgsOf<typeof compareCommand>;
