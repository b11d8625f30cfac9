import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import {
  jsonOption,
  outOption,
  partOption,
  reportOption,
  scenarioStudyOptions,
  shardOption,
  redisOption,
  workersOption,
} from '../shared-options.js';

/** `queuesim sweep <scenario> --vary path=values…`: every point of the grid, in parallel. */
export const sweepCommand = {
  command: 'sweep <scenario>',
  describe: 'Run the scenario at every point of a grid of parameter values and tabulate the metrics',
  builder: (yargs: Argv) =>
    scenarioStudyOptions(yargs)
      .option('vary', {
        type: 'string',
        array: true,
        demandOption: true,
        describe:
          'path=values, e.g. queues.billing.consumers=1..16, queues.billing.capacity=100,1000, producers.checkout.rate=x1..x2:0.25, load=x1,x1.5',
      })
      .option('workers', workersOption('Worker threads (default: the number of cores; 1 = this thread)'))
      .option('redis', redisOption)
      .option('json', jsonOption('Print the sweep as JSON on stdout, nothing else'))
      .option('report', reportOption('sweep.html and sweep.json'))
      .option('out', outOption('reports/<scenario name>-sweep'))
      .option('shard', shardOption)
      .option('part', partOption),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim sweep`. */
export type SweepArgs = ArgsOf<typeof sweepCommand>;
