import { readFile } from 'node:fs/promises';
import { fitDistributions } from '../../analysis/fit/rank.js';
import { readSamples } from '../../analysis/fit/read-samples.js';
import { fitSnippet, type ObservedKind } from '../../report/fit-snippet.js';
import { renderFitTable } from '../../report/fit-table.js';
import { toJson } from '../../report/json.js';
import { ScenarioError } from '../../scenario/index.js';
import { commandLineError } from '../../api/option-values.js';
import type { FitArgs } from '../commands/fit.js';
import { stdoutWantsColor, writeStdout } from '../io.js';

/** Fits every family to the samples, ranks them and prints the scenario line to paste. */
export async function handle(args: FitArgs): Promise<void> {
  if (args.timestamps && args.kind === 'service') {
    throw commandLineError('--kind', '--timestamps gives inter-arrival times; drop --kind service');
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
}

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
