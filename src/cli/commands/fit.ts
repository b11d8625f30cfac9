import { readFile } from 'node:fs/promises';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { fitDistributions } from '../../analysis/fit/rank.js';
import { readSamples, TIME_UNITS, type TimeUnit } from '../../analysis/fit/read-samples.js';
import { fitSnippet, type ObservedKind } from '../../report/fit-snippet.js';
import { renderFitTable } from '../../report/fit-table.js';
import { toJson } from '../../report/json.js';
import { COMMAND_LINE, ScenarioError } from '../../scenario/index.js';
import { stdoutWantsColor, writeStdout } from '../io.js';

interface FitArgs {
  samples: string;
  column?: string;
  unit?: TimeUnit;
  timestamps: boolean;
  kind?: ObservedKind;
  json: boolean;
}

/** `queuesim fit <samples.csv>`: the supported distribution that best explains observed durations. */
export const fitCommand: CommandModule<object, FitArgs> = {
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
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'Print the fits as JSON on stdout, nothing else',
      }) as unknown as Argv<FitArgs>,
  handler: async (args: ArgumentsCamelCase<FitArgs>) => {
    if (args.timestamps && args.kind === 'service') {
      throw new ScenarioError([
        commandLineProblem('--kind', '--timestamps gives inter-arrival times; drop --kind service'),
      ]);
    }
    const kind: ObservedKind = args.kind ?? (args.timestamps ? 'interarrival' : 'service');
    const text = await readSamplesFile(args.samples);
    const samples = readSamples(text, args.samples, {
      column: args.column,
      unit: args.unit,
      timestamps: args.timestamps,
    });
    const report = fitDistributions(samples.values);
    // When no family passes its goodness-of-fit test, the line to paste replays the sample instead.
    const bestFamilyYaml = fitSnippet(report.best.spec, kind);
    const yaml = report.empirical === null ? bestFamilyYaml : fitSnippet(report.empirical, kind);
    if (args.json) {
      writeStdout(
        toJson({
          file: args.samples,
          column: samples.column,
          kind,
          unit: 'seconds', // every duration in the result
          ...report,
          yaml,
          bestFamilyYaml,
          notes: samples.notes,
        }),
      );
      return;
    }
    const view = { file: args.samples, column: samples.column, kind, report, yaml, notes: samples.notes };
    writeStdout(renderFitTable(view, { color: stdoutWantsColor() }));
  },
};

/** The file's text; an unreadable file is reported like a bad scenario file (exit 2). */
async function readSamplesFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : String(error);
    throw new ScenarioError([
      {
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: `cannot read the samples file: ${reason}`,
        severity: 'error',
      },
    ]);
  }
}

/** A problem with a flag, placed on the command line as the scenario commands place theirs. */
function commandLineProblem(flag: string, message: string) {
  return { file: COMMAND_LINE, line: 0, column: 0, path: flag, message, severity: 'error' as const };
}
