/**
 * Puts each queue's analytic estimate beside its simulated values and, when the simulation has confidence
 * intervals, names the metrics whose simulated value falls outside the estimate's plausible range — a
 * modelling difference the user should know about (finite run, warm-up, a non-Poisson stream) or a bug.
 */
import type { QueueResult, RunResult } from '../model/run-result.js';
import type { AnalyticComparison, NoAnalyticEstimate } from '../results/analysis-results.js';
import type { Scenario } from '../scenario/types.js';
import { estimateScenario, type AnalyticEstimate } from './estimates.js';
import { halfWidthAround } from './metric-bounds.js';
import { metricValue } from './precision.js';
import { studentTQuantile } from './student-t.js';

/** Judging level: with about ten metrics per queue, 99 % keeps false alarms rare (the table shows 95 %). */
const JUDGING_LEVEL = 0.99;
/** Relative resolution of the latency histograms (≤ 0.4 %, rounded up). */
const HISTOGRAM_RESOLUTION = 0.005;
/** How far an approximation may be off before it is worth a flag (Allen–Cunneen is often 10–20 % off). */
const APPROXIMATION_TOLERANCE = 0.3;

/**
 * Metrics whose simulated mean lies outside the plausible range of the analytic value: for an exact
 * formula, the analytic value must lie in the simulation's 99 % CI (widened by the histogram's resolution
 * for percentiles); for an approximation, within that CI plus 30 % of the analytic value.
 * `observations` is the number of replications or batches the CIs come from.
 */
export function metricsOutside(
  queue: QueueResult,
  estimate: AnalyticEstimate,
  observations: number,
): string[] {
  if (observations < 2 || !queue.ci95) return [];
  const widen =
    studentTQuantile(0.5 + JUDGING_LEVEL / 2, observations - 1) / studentTQuantile(0.975, observations - 1);
  const outside: string[] = [];
  for (const [metric, analytic] of Object.entries(estimate.values)) {
    const interval = queue.ci95[metric];
    const simulated = metricValue(queue, metric);
    if (analytic === null || simulated === null || !interval) continue;
    const halfWidth = halfWidthAround(simulated, interval) * widen;
    const slack = estimate.exact
      ? metric.includes('.p')
        ? HISTOGRAM_RESOLUTION * Math.abs(analytic)
        : 0
      : APPROXIMATION_TOLERANCE * Math.abs(analytic);
    // A tiny absolute floor so that 0 against 1e-17 of rounding is not a disagreement.
    if (Math.abs(simulated - analytic) > halfWidth + slack + 1e-12 * Math.max(1, Math.abs(analytic))) {
      outside.push(metric);
    }
  }
  return outside;
}

/** The result with every queue's `analytic` field filled in (and judged when there are CIs). */
export function withAnalyticEstimates(result: RunResult, scenario: Scenario): RunResult {
  const estimates = estimateScenario(scenario);
  const observations = result.replications ?? result.batchMeans?.batches ?? 1;
  const queues = Object.fromEntries(
    Object.entries(result.queues).map(([name, queue]) => {
      const estimate = estimates[name];
      let analytic: AnalyticComparison | NoAnalyticEstimate | undefined = estimate;
      // An estimate at a schedule's peak is not the run's average: nothing to judge it against.
      if (estimate && estimate.model !== null && estimate.peakRate === undefined && observations >= 2) {
        analytic = { ...estimate, outside: metricsOutside(queue, estimate, observations) };
      }
      return [name, analytic ? { ...queue, analytic } : queue];
    }),
  );
  return { ...result, queues };
}
