/**
 * Confidence intervals for a single run's SLO metrics, by batch means of that same run: the run is
 * simulated again over the same random streams, cut into equal batches (model/batch-run.ts, the machinery
 * behind `batches:`), and each SLO metric's 95 % CI is centred on the single run's own value with the
 * half-width of the batch means' Student-t CI. The single run's numbers are untouched.
 *
 * Guards, since a batch-means CI is only as good as its batches' independence and size:
 * - the lag-1 autocorrelation of the metric's batch values must stay below 2/√B (a 5 % one-sided test of
 *   independence: its standard error is about 1/√B); above it the batches are too short to be independent;
 * - a queue's or a flow's percentile gets its interval by sectioning (percentile-sections.ts): consecutive
 *   batches merged into sections of at least 100 completions beyond the percentile, the interval centred on
 *   the whole run's percentile with the spread of the sections' percentiles (a short batch's percentile is
 *   biased and skewed, so neither the batches' mean nor their plain spread will do); fewer than 2 such
 *   sections give no interval. Only a result without histograms falls back to the batch percentiles'
 *   spread, with 10 completions beyond the percentile in every batch;
 * - a maximum gets no CI: the largest value of a run is not a mean of its batches (its SLO is judged on the
 *   largest value itself, see `judgeMaximum`).
 * A metric that fails a guard gets no CI, and the reason says what would give one.
 */
import type { HistogramBucket } from '../metrics/index.js';
import type { RunResult } from '../model/run-result.js';
import type { Scenario, SloSpec } from '../scenario/types.js';
import { lag1Autocorrelation } from './aggregate.js';
import { confidenceInterval } from './confidence-interval.js';
import { clampInterval } from './metric-bounds.js';
import { TAIL_OBSERVATIONS, sectionedPercentile } from './percentile-sections.js';

/** Batches a single run is cut into for its SLO intervals (Schmeiser 1982: 10 to 30 batches suffice). */
export const SLO_BATCHES = 20;
/**
 * Completions beyond a percentile each batch needs for that percentile's spread to mean something, where
 * batches cannot be merged into sections (a result that carries no histograms).
 */
const FLOW_TAIL_OBSERVATIONS = 10;

/** A single run's interval for one SLO metric, or why it has none (and how much longer a run would give one). */
export type BatchInterval =
  | { ci95: [number, number]; batches: number }
  | { ci95: null; reason: string; runLengthFactor: number | null };

type Plain = Record<string, unknown>;

/** The value at a dotted path of a plain record; null when absent or not a number. */
export function valueAt(record: unknown, metric: string): number | null {
  let node: unknown = record;
  for (const key of metric.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Plain)[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

/** The record an SLO reads in a result: the queue's or the flow's. */
export function sloRecord(result: RunResult, slo: Pick<SloSpec, 'scope' | 'name'>): Plain | undefined {
  const records = (slo.scope === 'queue' ? result.queues : result.flows) as unknown as Record<string, Plain>;
  return records[slo.name];
}

/**
 * The field an SLO metric reads in a record: a topic's `utilization` SLO reads its busiest consumer's
 * utilisation (a partition is served by one consumer, so the group's mean hides one that cannot keep up).
 */
export function sloField(record: unknown, metric: string): string {
  const busiest = (record as Plain | undefined)?.busiestConsumerUtilization;
  return metric === 'utilization' && typeof busiest === 'number' ? 'busiestConsumerUtilization' : metric;
}

/** The dotted path an SLO is reported under: "queues.billing.sojourn.p99". */
export function sloTarget(slo: Pick<SloSpec, 'scope' | 'name' | 'metric'>): string {
  return `${slo.scope === 'queue' ? 'queues' : 'flows'}.${slo.name}.${slo.metric}`;
}

/** The quantile of a percentile metric ("sojourn.p99" → 0.99); null for any other metric. */
function quantileOf(metric: string): number | null {
  const match = /\.p(\d+)$/.exec(metric);
  return match ? Number(match[1]) / 100 : null;
}

/** The interval of one SLO metric from a single run (`whole`) and the same run cut into `batches`. */
export function batchInterval(
  slo: Pick<SloSpec, 'scope' | 'name' | 'metric'>,
  whole: RunResult,
  batches: readonly RunResult[],
): BatchInterval {
  const count = batches.length;
  const field = sloField(sloRecord(whole, slo), slo.metric);
  const value = valueAt(sloRecord(whole, slo), field);
  if (value === null)
    return { ci95: null, reason: 'the metric has no value in this run', runLengthFactor: null };
  if (slo.metric.endsWith('.max')) {
    return { ci95: null, reason: 'a maximum has no batch-means interval', runLengthFactor: null };
  }
  const quantile = quantileOf(slo.metric);
  const sectioned = quantile === null ? null : sectionedInterval(slo, value, quantile, batches);
  if (sectioned) return sectioned;
  if (quantile !== null) {
    const needed = FLOW_TAIL_OBSERVATIONS / (1 - quantile);
    const fewest = Math.min(...batches.map((batch) => valueAt(sloRecord(batch, slo), 'completed') ?? 0));
    if (fewest < needed) {
      return {
        ci95: null,
        reason: `${Math.round(fewest)} completions in a batch of 1/${count} of the run, a p${Math.round(quantile * 100)} needs ${Math.round(needed)}`,
        runLengthFactor: fewest > 0 ? needed / fewest : null,
      };
    }
  }
  const values = batches.map((batch) => valueAt(sloRecord(batch, slo), field));
  if (values.some((v) => v === null)) {
    return { ci95: null, reason: 'some batch has no value for the metric', runLengthFactor: null };
  }
  const defined = values as number[];
  const lag1 = lag1Autocorrelation(defined);
  if (lag1 !== null && lag1 > 2 / Math.sqrt(count)) {
    return {
      ci95: null,
      reason: `batch means correlated (lag-1 ${lag1.toFixed(2)})`,
      // Batch means decorrelate once a batch outlasts the correlation time; four times as long is a first step.
      runLengthFactor: 4,
    };
  }
  const { halfWidth } = confidenceInterval(defined, 0.95);
  return { ci95: clampInterval(field, value - halfWidth, value + halfWidth), batches: count };
}

/** The histogram an SLO's percentile reads in a result: a queue's wait or sojourn, a flow's end to end. */
function histogramOf(
  result: RunResult,
  slo: Pick<SloSpec, 'scope' | 'name' | 'metric'>,
): HistogramBucket[] | undefined {
  const kind = slo.metric.split('.')[0];
  if (slo.scope === 'flow')
    return kind === 'endToEnd' ? result.flows[slo.name]?.latencyHistogram?.endToEnd : undefined;
  if (kind !== 'wait' && kind !== 'sojourn') return undefined;
  return result.queues[slo.name]?.latencyHistogram?.[kind];
}

/**
 * A queue's or flow's percentile from its batches' histograms by sectioning (percentile-sections.ts): the
 * batches merged into sections of 100 completions beyond the percentile, the interval centred on the run's
 * own percentile. Null when a batch has no histogram.
 */
function sectionedInterval(
  slo: Pick<SloSpec, 'scope' | 'name' | 'metric'>,
  value: number,
  quantile: number,
  batches: readonly RunResult[],
): BatchInterval | null {
  const units = batches.map((batch) => histogramOf(batch, slo));
  if (!units.every((unit) => unit !== undefined)) return null;
  const sectioned = sectionedPercentile(units, quantile, value);
  if (sectioned.ci95) return { ci95: sectioned.ci95, batches: sectioned.sections };
  const section = Math.round(TAIL_OBSERVATIONS / (1 - quantile));
  const completions = batches.reduce(
    (sum, batch) => sum + (valueAt(sloRecord(batch, slo), 'completed') ?? 0),
    0,
  );
  const p = `p${Math.round(quantile * 100)}`;
  return {
    ci95: null,
    reason: `${Math.round(completions)} completions in the run, a ${p} interval needs 2 sections of ${section} (${TAIL_OBSERVATIONS} beyond the ${p} in each)`,
    runLengthFactor: sectioned.runLengthFactor,
  };
}

/** Whether a single run of this scenario should be given batch-means intervals for its SLOs. */
export function wantsSloBatches(scenario: Pick<Scenario, 'slo'>): boolean {
  return (scenario.slo ?? []).length > 0;
}
