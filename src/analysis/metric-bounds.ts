/**
 * Where a metric's true value can lie, so that its confidence interval does not claim values it cannot
 * take. Every metric of a queue, flow or exchange record is a count, rate, time or share, so none is
 * negative; shares of messages or of time are also at most 1. (Differences in `compare` can be negative
 * and are not bounded here.)
 *
 * Why clamp rather than work on a log scale: a Student-t interval of the mean is what the precision
 * target, the SLO verdicts and the analytic checks are built on, and its upper end (the one a capacity
 * decision reads) is unchanged by clamping; a log-scale interval would need every observation > 0, which
 * a loss rate of 0 in some replications breaks. Clamping only removes values the metric cannot take, so
 * the coverage of the interval is kept (or raised).
 */

/** Shares in [0, 1], by the last part of a dotted metric name. */
const FRACTIONS = new Set([
  'dropRate',
  'lossRate',
  'utilization',
  'probabilityOfWait',
  'busiestConsumerUtilization',
  'shareOfArrivals',
]);

/** The values a queue, flow or exchange metric can take: [0, 1] for shares, [0, ∞) for all others. */
export function metricBounds(metric: string): [number, number] {
  const last = metric.slice(metric.lastIndexOf('.') + 1);
  return FRACTIONS.has(last) ? [0, 1] : [0, Infinity];
}

/** A confidence interval of a queue, flow or exchange metric, cut to the values the metric can take. */
export function clampInterval(metric: string, low: number, high: number): [number, number] {
  const [least, most] = metricBounds(metric);
  return [Math.min(Math.max(low, least), most), Math.max(Math.min(high, most), least)];
}

/**
 * The half-width of an interval around `value` that may have been clamped on one side: the longer side,
 * which is the statistical half-width as long as only one side was cut.
 */
export function halfWidthAround(value: number, interval: readonly [number, number]): number {
  return Math.max(interval[1] - value, value - interval[0], 0);
}
