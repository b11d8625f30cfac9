import type { Argv } from 'yargs';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import { jsonOption, outOption, reportOption } from '../shared-options.js';

/** `queuesim merge <parts...>`: the output of the unsharded command, from its shards' part files. */
export const mergeCommand = {
  command: 'merge <parts...>',
  describe: 'Combine the part files of a sharded run (--shard i/N --part FILE) into its unsharded output',
  builder: (yargs: Argv) =>
    yargs
      .positional('parts', {
        type: 'string',
        array: true,
        demandOption: true,
        describe: 'Part files, one per shard',
      })
      .option('json', jsonOption('Print the results as JSON on stdout, nothing else'))
      .option('report', reportOption("the command's report files"))
      .option('out', outOption('reports/<scenario name>'))
      .option('fail-on-slo', {
        type: 'boolean',
        default: false,
        describe: 'Exit with code 1 when an SLO fails, as the unsharded command would',
      }),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim merge`. */
export type MergeArgs = ArgsOf<typeof mergeCommand>;
