/** SLO verdicts as text: a terminal table and the one-line wording the HTML report shares. */
import Table from 'cli-table3';
import type { SloVerdict } from '../results/analysis-results.js';
import type { Paint } from './estimate-cells.js';
import { formatNumber, formatPercent, formatSeconds } from './format.js';

/** A value in the SLO's unit. */
export function formatSloValue(verdict: Pick<SloVerdict, 'unit'>, value: number | null): string {
  if (verdict.unit === 'seconds') return formatSeconds(value);
  if (verdict.unit === 'fraction') return formatPercent(value);
  return formatNumber(value);
}

/** "pass", "fail", "uncertain", with "(no CI, not significant)" when no CI backs a fail. */
export function describeVerdict(verdict: SloVerdict): string {
  if (verdict.value === null) return 'uncertain (no value)';
  if (verdict.significant || verdict.verdict === 'uncertain') return verdict.verdict;
  return `${verdict.verdict} (no CI, not significant)`;
}

/**
 * Where the CI comes from: "batch means (20 batches)", "5 replications"; for a maximum, what it is the
 * largest of: "largest of 10 replications", "largest of the run"; '' otherwise.
 */
export function describeCiSource(verdict: SloVerdict): string {
  if (verdict.largestOf) {
    const n = verdict.largestOf.replications;
    return n > 1 ? `largest of ${n} replications` : 'largest of the run';
  }
  if (!verdict.ciFrom) return '';
  const { method, n } = verdict.ciFrom;
  return method === 'replications' ? `${n} replications` : `batch means (${n} batches)`;
}

/** "decide with about 40 replications" for a verdict that is not significant; '' otherwise. */
export function describeDecide(verdict: SloVerdict): string {
  return verdict.decide ? `to decide: ${verdict.decide}` : '';
}

/** The measured value with its 95 % CI when there is one: "212ms [198ms, 226ms]". */
export function describeSloValue(verdict: SloVerdict): string {
  const value = formatSloValue(verdict, verdict.value);
  if (!verdict.ci95) return value;
  const [low, high] = verdict.ci95;
  return `${value} [${formatSloValue(verdict, low)}, ${formatSloValue(verdict, high)}]`;
}

/** "queues.billing.sojourn.p99 ≤ 250ms: 212ms [198ms, 226ms] → uncertain (to decide: about 40 replications)". */
export function sloLine(verdict: SloVerdict): string {
  const decide = describeDecide(verdict);
  const largest = verdict.largestOf ? ` (${describeCiSource(verdict)})` : '';
  return `${verdict.target} ≤ ${formatSloValue(verdict, verdict.max)}: ${describeSloValue(verdict)}${largest} → ${describeVerdict(verdict)}${decide ? ` (${decide})` : ''}`;
}

/** The SLO table: target, limit, value (with its 95 % CI) and verdict, coloured when asked. */
export function sloTable(
  verdicts: readonly SloVerdict[],
  paint: Paint & { green(text: string): string },
  style: { head?: string[]; border?: string[] },
): string {
  // The CI's source and what would decide are columns only when some verdict has them.
  const sources = verdicts.some((verdict) => verdict.ciFrom || verdict.largestOf);
  const decides = verdicts.some((verdict) => verdict.decide);
  const table = new Table({
    head: [
      'SLO',
      'max',
      'value [95% CI]',
      ...(sources ? ['CI from'] : []),
      'verdict',
      ...(decides ? ['what would decide'] : []),
    ],
    colAligns: ['left', 'right', 'right', ...(sources ? ['left' as const] : []), 'left', 'left'],
    style,
  });
  for (const verdict of verdicts) {
    const text = describeVerdict(verdict);
    const colored =
      verdict.verdict === 'pass'
        ? paint.green(text)
        : verdict.verdict === 'fail'
          ? paint.red(text)
          : paint.yellow(text);
    table.push([
      verdict.target,
      formatSloValue(verdict, verdict.max),
      describeSloValue(verdict),
      ...(sources ? [describeCiSource(verdict)] : []),
      colored,
      ...(decides ? [verdict.decide ?? ''] : []),
    ]);
  }
  return table.toString();
}
