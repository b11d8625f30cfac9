import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunResult } from '../model/run-result.js';
import { describeTopology } from '../model/topology.js';
import { latencyCsv, routesCsv, timeSeriesCsv } from '../report/csv.js';
import type { SweepResult } from '../analysis/sweep.js';
import { renderReportHtml } from '../report/html/index.js';
import { renderSweepHtml } from '../report/html/sweep-page.js';
import { toJson } from '../report/json.js';
import type { Scenario } from '../scenario/types.js';
import { replaceReportFiles } from './report-folder.js';
import { EXIT_BAD_INPUT, packageVersion, writeStderr, writeStdout } from './io.js';

/** The files a run writes beside its report, by name. */
export const REPORT_FILES = {
  html: 'report.html',
  summary: 'summary.json',
  timeSeries: 'timeseries.csv',
  latency: 'latency.csv',
  routes: 'routes.csv',
} as const;

/** Where a run's report goes unless `--out` says otherwise: reports/<scenario name>. */
export function defaultReportDir(scenarioName: string): string {
  const safe = scenarioName.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^\.+/, '_');
  return join('reports', safe || 'scenario');
}

/** The report folder or one of its files could not be written (a path or permission problem, not a bug). */
export class ReportWriteError extends Error {}

export interface RunReportOptions {
  dir: string;
  scenario: Scenario;
  /** The scenario file as the user named it. */
  scenarioPath: string;
  /** The scenario file's text, when it was read elsewhere (a merge reads it from the parts). */
  scenarioText?: string;
  result: RunResult;
  /** queuesim's version (default: this package's). */
  version?: string;
  generatedAt?: Date;
}

/**
 * Writes report.html, summary.json (the `--json` object), timeseries.csv and latency.csv into `dir`,
 * as one change (see report-folder); returns the path of the HTML report. File-system failures become ReportWriteError.
 */
export async function writeRunReport(options: RunReportOptions): Promise<string> {
  try {
    return await writeFiles(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('E')) {
      throw new ReportWriteError(`cannot write the report to ${options.dir}: ${(error as Error).message}`);
    }
    throw error;
  }
}

async function writeFiles(options: RunReportOptions): Promise<string> {
  const { dir, scenario, result } = options;
  const html = renderReportHtml({
    result,
    topology: describeTopology(scenario),
    description: scenario.description,
    scenarioSource: {
      path: options.scenarioPath,
      text: options.scenarioText ?? (await readFile(options.scenarioPath, 'utf8')),
    },
    version: options.version ?? packageVersion(),
    generatedAt: options.generatedAt ?? new Date(),
  });
  await replaceReportFiles(dir, {
    [REPORT_FILES.summary]: toJson(result),
    [REPORT_FILES.timeSeries]: timeSeriesCsv(result),
    [REPORT_FILES.latency]: latencyCsv(result),
    [REPORT_FILES.routes]: routesCsv(result),
    [REPORT_FILES.html]: html,
  });
  return join(dir, REPORT_FILES.html);
}

/**
 * Writes the report and prints its path: on stdout after the tables, or on stderr with `--json` (stdout
 * then holds nothing but the JSON). A folder that cannot be written is reported in one line, exit code 2.
 */
export async function writeReportAndSayWhere(options: RunReportOptions, json: boolean): Promise<void> {
  try {
    const path = await writeRunReport(options);
    (json ? writeStderr : writeStdout)(`Report: ${path}\n`);
  } catch (error) {
    if (!(error instanceof ReportWriteError)) throw error;
    writeStderr(`queuesim: ${error.message}`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

/**
 * Writes `files` into `dir` as one change and prints the path of `htmlName` there: on stdout after the
 * tables, on stderr with `--json`. A folder that cannot be written is one line on stderr and exit code 2.
 */
export async function writeReportFilesAndSayWhere(
  dir: string,
  htmlName: string,
  files: Record<string, string>,
  json: boolean,
): Promise<void> {
  try {
    await replaceReportFiles(dir, files);
    (json ? writeStderr : writeStdout)(`Report: ${join(dir, htmlName)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    writeStderr(`queuesim: cannot write the report to ${dir}: ${(error as Error).message}`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

/** Writes sweep.html and sweep.json (the `--json` object) into `dir` and prints where, as for a run. */
export async function writeSweepReportAndSayWhere(
  options: { dir: string; sweep: SweepResult; description: string },
  json: boolean,
): Promise<void> {
  const { dir, sweep } = options;
  const html = renderSweepHtml({
    sweep,
    description: options.description,
    version: packageVersion(),
    generatedAt: new Date(),
  });
  await writeReportFilesAndSayWhere(
    dir,
    'sweep.html',
    { 'sweep.json': toJson(sweep), 'sweep.html': html },
    json,
  );
}
