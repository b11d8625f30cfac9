/** Writing the compare report: compare.html and compare.csv in the first scenario's report folder. */
import { join } from 'node:path';
import type { CompareResult } from '../analysis/compare.js';
import { compareCsv } from '../report/compare-csv.js';
import { renderCompareHtml } from '../report/html/compare-page.js';
import { EXIT_BAD_INPUT, packageVersion, writeStderr, writeStdout } from './io.js';
import { defaultReportDir } from './report-files.js';
import { replaceReportFiles } from './report-folder.js';

/** The files `compare` writes, by name (beside a run's report.html when the folder is shared). */
export const COMPARE_FILES = { html: 'compare.html', csv: 'compare.csv' } as const;

/**
 * Writes compare.html and compare.csv into `dir` (default reports/<first scenario name>), keeping the other
 * files there, and prints where: on stdout after the tables, on stderr with `--json`. A folder that cannot
 * be written is one line on stderr and exit code 2.
 */
export async function writeCompareReportAndSayWhere(
  options: { dir?: string; compare: CompareResult; description: string },
  json: boolean,
): Promise<void> {
  const { compare } = options;
  const dir = options.dir ?? defaultReportDir(compare.scenarios[0].name);
  try {
    const html = renderCompareHtml({
      compare,
      description: options.description,
      version: packageVersion(),
      generatedAt: new Date(),
    });
    await replaceReportFiles(dir, { [COMPARE_FILES.csv]: compareCsv(compare), [COMPARE_FILES.html]: html });
    (json ? writeStderr : writeStdout)(`Report: ${join(dir, COMPARE_FILES.html)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code !== 'string' || !code.startsWith('E')) throw error;
    writeStderr(`queuesim: cannot write the report to ${dir}: ${(error as Error).message}`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}
