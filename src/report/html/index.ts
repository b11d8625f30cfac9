/** The HTML report: one self-contained page per run. */
export type { ReportInput } from './input.js';
export { renderReportHtml } from './page.js';
