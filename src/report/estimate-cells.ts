/**
 * Table cells for replicated results (`value` over `± half-width` of the 95 % CI) and the rows that put
 * a queue's analytic estimate beside its simulated values.
 */
import type { QueueResult } from '../model/run-result.js';
import type { AnalyticComparison } from '../results/analysis-results.js';

/** Formats one value (null → '–'). */
export type Formatter = (value: number | null) => string;

/** Colours the table may use; identity functions when colour is off. */
export interface Paint {
  yellow(text: string): string;
  red(text: string): string;
  dim(text: string): string;
}

/** The value of a dotted metric in a queue's result. */
function valueOf(queue: QueueResult, metric: string): number | null {
  let node: unknown = queue;
  for (const key of metric.split('.')) node = (node as Record<string, unknown> | null)?.[key];
  return typeof node === 'number' ? node : null;
}

/** `value`, and under it `± half-width` when the queue has a CI for the metric. */
export function metricCell(queue: QueueResult, metric: string, format: Formatter, paint: Paint): string {
  const raw = valueOf(queue, metric);
  const value = format(raw);
  const interval = queue.ci95?.[metric];
  if (!interval) return value;
  // The longer side: an interval cut at 0 (or 1) keeps its statistical half-width on the other side.
  const halfWidth =
    raw === null ? (interval[1] - interval[0]) / 2 : Math.max(interval[1] - raw, raw - interval[0]);
  // Two significant digits: the width of an interval is itself only roughly known.
  return `${value}\n${paint.dim(`± ${format(Number(halfWidth.toPrecision(2)))}`)}`;
}

/** The analytic estimate if the queue has one (with a model). */
export function estimateOf(queue: QueueResult): AnalyticComparison | null {
  return queue.analytic && queue.analytic.model !== null ? queue.analytic : null;
}

/** Row label of an analytic estimate: "M/M/4 theory", "G/G/4 ≈ approx." or "M/G/12 at peak ≈ approx." */
export function estimateLabel(estimate: AnalyticComparison): string {
  const peak = estimate.peakRate !== undefined ? ' at peak' : '';
  return `${estimate.model}${peak} ${estimate.exact ? 'theory' : '≈ approx.'}`;
}

/** Why a queue has no estimate, when its result says so (null when it has one or none was asked for). */
export function noEstimateReason(queue: QueueResult): string | null {
  return queue.analytic && queue.analytic.model === null ? queue.analytic.reason : null;
}

/** Breaks a long sentence into lines of at most `width` characters, at spaces (a table cell stays narrow). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** The analytic value of `metric` ('' when the formula gives none), marked '!' when the simulation disagrees. */
export function estimateCell(
  estimate: AnalyticComparison,
  metric: string,
  format: Formatter,
  paint: Paint,
): string {
  if (!(metric in estimate.values)) return '';
  const text = format(estimate.values[metric]);
  return estimate.outside?.includes(metric) ? paint.red(`${text} !`) : text;
}
