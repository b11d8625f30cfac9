import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import { jsonOption, scenarioArgument } from '../shared-options.js';

/** `queuesim estimate <scenario>`: queueing-theory estimates per queue, instantly, without simulating. */
export const estimateCommand = {
  command: 'estimate <scenario>',
  describe: 'Print analytic steady-state estimates per queue (M/M/c, M/M/c/K, Erlang B, P-K, Allen-Cunneen)',
  builder: (yargs: Argv) =>
    yargs
      .positional('scenario', scenarioArgument)
      .option('json', jsonOption('Print the estimates as JSON on stdout, nothing else')),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim estimate`. */
export type EstimateArgs = ArgsOf<typeof estimateCommand>;
