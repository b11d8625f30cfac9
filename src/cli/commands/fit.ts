import type { Argv } from 'yargs';
import { TIME_UNITS } from '../../analysis/fit/time-units.js';
import type { ArgsOf, CommandDefinition } from '../command-definition.js';
import { jsonOption } from '../shared-options.js';

/** `queuesim fit <samples.csv>`: the supported distribution that best explains observed durations. */
export const fitCommand = {
  command: 'fit <samples>',
  describe:
    'Fit every supported distribution to observed durations, rank them by AIC and print the scenario line',
  builder: (yargs: Argv) =>
    yargs
      .positional('samples', {
        type: 'string',
        describe: 'CSV/TSV file, or one value per line, of observed durations (or timestamps)',
        demandOption: true,
      })
      .option('column', {
        type: 'string',
        describe: 'Column to read: a header name or a number from 1 (default: the first numeric column)',
      })
      .option('unit', {
        choices: TIME_UNITS,
        describe:
          'Unit of plain numbers (default s; epoch ms with --timestamps); 25ms-style values carry their own',
      })
      .option('timestamps', {
        type: 'boolean',
        default: false,
        describe: 'The column holds event times (ISO-8601 or epoch ms): fit the intervals between them',
      })
      .option('kind', {
        choices: ['service', 'interarrival'] as const,
        describe:
          'What the durations are, for the scenario line (default service; interarrival with --timestamps)',
      })
      .option('json', jsonOption('Print the fits as JSON on stdout, nothing else')),
} satisfies CommandDefinition<unknown>;

/** The arguments of `queuesim fit`. */
export type FitArgs = ArgsOf<typeof fitCommand>;
