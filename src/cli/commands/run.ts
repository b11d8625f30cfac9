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

/** `queuesim run <scenario>`: simulate (once, or replicated) and print the results. */
export const runCommand = {
  command: 'run <scenario>',
  describe: 'Simulate a scenario and print throughput, drops, utilisation and latency per queue',
  builder: (yargs: Argv) =>
    scenarioStudyOptions(yargs)
      .option(
        'workers',
        workersOption('Worker threads for replications (default: the number of cores; 1 = this thread)'),
      )
      .option('redis', redisOption)
      .option('json', jsonOption('Print the results as JSON on stdout, nothing else'))
      .option('profile', {
        type: 'boolean',
        default: false,
        describe: 'Print engine statistics (events/s, messages/s, peak memory) to stderr',
      })
      .option('report', reportOption('report.html, summary.json and CSV files'))
      .option('out', outOption('reports/<scenario name>'))
      .option('shard', shardOption)
      .option('part', partOption)
      .option('fail-on-slo', {
        type: 'boolean',
        default: false,
        describe: 'Exit with code 1 when an SLO fails (for CI pipelines); uncertain verdicts do not fail',
      }),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim run`. */
export type RunArgs = ArgsOf<typeof runCommand>;
