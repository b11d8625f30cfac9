/** Writing the compare report: compare.html and compare.csv in the first scenario's report folder. */
import type { CompareResult } from '../analysis/compare.js';
import { compareCsv } from '../report/compare-csv.js';
import { renderCompareHtml } from '../report/html/compare-page.js';
import { packageVersion } from './io.js';
import { defaultReportDir, writeReportFilesAndSayWhere } from './report-files.js';

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
  const html = renderCompareHtml({
    compare,
    description: options.description,
    version: packageVersion(),
    generatedAt: new Date(),
  });
  const files = { [COMPARE_FILES.csv]: compareCsv(compare), [COMPARE_FILES.html]: html };
  await writeReportFilesAndSayWhere(dir, COMPARE_FILES.html, files, json);
}
