import Table from 'cli-table3';
import pc from 'picocolors';
import type { FitReport, RankedFit } from '../analysis/fit/rank.js';
import { formatCount, formatNumber, formatSeconds } from './format.js';
import type { ObservedKind } from './fit-snippet.js';

/** `queuesim fit` output: the ranking, where the samples came from, and the scenario line to paste. */
export interface FitView {
  /** The samples file as given. */
  file: string;
  /** The column read: its header name (null without a header) and its number from 1. */
  column: { name: string | null; number: number };
  kind: ObservedKind;
  report: FitReport;
  /** The scenario line to paste: the best fit's, or the empirical one when no family fits. */
  yaml: string;
  /** Remarks about the input (units, sorting). */
  notes: string[];
}

type Paint = ReturnType<typeof pc.createColors>;

/** The fits as a terminal table with the sample summary above and the scenario snippet below. */
export function renderFitTable(view: FitView, options: { color: boolean }): string {
  const paint = options.color ? pc : pc.createColors(false);
  const style = options.color ? {} : { head: [], border: [] };
  const { report } = view;
  const s = report.summary;
  const what = view.kind === 'service' ? 'service times' : 'inter-arrival times';
  const lines = [
    `${paint.bold('fit')} ${formatCount(report.n)} ${what} from ${view.file}, column ${view.column.name === null ? view.column.number : `'${view.column.name}'`}`,
    `sample: mean ${formatSeconds(s.mean)}, cv ${formatNumber(s.cv)}, p50 ${formatSeconds(s.p50)}, ` +
      `p95 ${formatSeconds(s.p95)}, p99 ${formatSeconds(s.p99)}, min ${formatSeconds(s.min)}, max ${formatSeconds(s.max)}`,
  ];
  lines.push(fitsTable(report, paint, style));

  const p = report.best.percentiles;
  const compare = (name: keyof typeof p) =>
    `${name} ${formatSeconds(p[name].fitted)} (observed ${formatSeconds(p[name].observed)})`;
  lines.push(`best: ${report.best.distribution} — ${compare('p50')}, ${compare('p95')}, ${compare('p99')}`);
  lines.push(...fitNotes(view).map((note) => paint.dim(`· ${note}`)));

  if (!report.familyFits) lines.push(paint.yellow(noFamilyFits(report)));
  lines.push(
    '',
    view.kind === 'service'
      ? 'paste into the queue (in place of its service):'
      : 'paste into the producer (in place of its rate or interarrival):',
    `  ${paint.cyan(view.yaml)}`,
    '',
  );
  return lines.join('\n');
}

/** One row per fitted family, the best starred. */
function fitsTable(report: FitReport, paint: Paint, style: Record<string, unknown>): string {
  const table = new Table({
    head: ['', 'distribution', 'parameters', 'ln L', 'AIC', 'ΔAIC', 'KS D', 'KS p', 'A²'],
    colAligns: ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    style: { ...style, compact: true },
  });
  for (const fit of report.fits) {
    const best = fit.distribution === report.best.distribution;
    table.push([
      best ? paint.green('★') : '',
      best ? paint.bold(fit.distribution) : fit.distribution,
      describeParameters(fit),
      fixed(fit.logLikelihood, 1),
      fixed(fit.aic, 1),
      fixed(fit.deltaAic, 1),
      fit.ks.d.toFixed(4),
      formatP(fit.ks.pValue),
      formatNumber(fit.andersonDarling),
    ]);
  }
  return table.toString();
}

/** Why the best was chosen, what was skipped, how to read KS, and remarks about the data. */
function fitNotes(view: FitView): string[] {
  const { report } = view;
  const s = report.summary;
  return [
    ...(report.best.reason ? [report.best.reason] : []),
    ...report.fits.flatMap((fit) =>
      fit.note && fit.distribution === report.best.distribution ? [fit.note] : [],
    ),
    ...report.skipped.map((skip) => `${skip.distribution} not fitted: ${skip.reason}`),
    'KS p-values use the asymptotic Kolmogorov distribution; with parameters estimated from the same data they ' +
      'are conservative (Lilliefors), so a low p rejects a family, a high one does not prove it',
    ...view.notes,
    ...(s.seriallyCorrelated ? [correlationNote(view.kind, s.lag1Autocorrelation, s.n)] : []),
    ...(report.resolution !== null
      ? [
          `the values lie on a grid of ${formatSeconds(report.resolution)} and some are within a few steps of 0: ` +
            `they were treated as rounded to ${formatSeconds(report.resolution)} (each value stands for the ` +
            'interval around it; ln L is per grid step, KS and A² use the randomised probability integral transform)',
        ]
      : s.distinct < s.n / 2
        ? [
            `only ${formatCount(s.distinct)} different values among ${formatCount(s.n)}: the data are rounded, ` +
              'which KS and A² count against every continuous family alike; rely on the AIC ranking',
          ]
        : []),
  ];
}

/** The warning when every family is rejected: the best is only the least bad. */
function noFamilyFits(report: FitReport): string {
  return (
    `! no family fits: every KS p-value is below ${report.passPValue}. The ${report.best.distribution} ` +
    'above is only the least bad; the line below replays the sample itself' +
    (report.empirical !== null &&
    report.empirical.kind === 'empirical' &&
    report.empirical.values.length < report.n
      ? ` (the means of ${report.empirical.values.length} equal shares of the sorted sample)`
      : '')
  );
}

/** The fitted parameters in the scenario's names, times with units. */
function describeParameters(fit: RankedFit): string {
  return Object.entries(fit.parameters)
    .map(([name, value]) => `${name} ${isTime(name) ? formatSeconds(value) : formatNumber(value)}`)
    .join(', ');
}

/** True when the parameter is a duration (everything but cv, k and the Weibull shape). */
function isTime(parameter: string): boolean {
  return parameter !== 'cv' && parameter !== 'k' && parameter !== 'shape';
}

/** A number with fixed decimals and thousands separators; a dash for null. */
function fixed(value: number | null, decimals: number): string {
  if (value === null) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A p-value with two significant digits; tiny ones as an upper bound. */
function formatP(p: number): string {
  return p < 1e-4 ? '<0.0001' : String(Number(p.toPrecision(2)));
}

/** Why correlated observations matter: the simulator draws each value independently. */
function correlationNote(kind: ObservedKind, r1: number, n: number): string {
  const measured =
    `consecutive values are correlated (lag-1 autocorrelation ${r1.toFixed(2)}; ` +
    `independent ones stay within ±${(4 / Math.sqrt(n)).toFixed(2)})`;
  return kind === 'interarrival'
    ? `${measured}: the simulator draws each interval independently, so these bursts are not reproduced; consider arrival: { process: on-off, … } or a rate schedule`
    : `${measured}: the simulator draws each service time independently, so streaks of slow service are not reproduced, only their spread`;
}
