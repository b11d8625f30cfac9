/**
 * Precision-driven stopping: keep adding replications (or batches) until every headline metric's 95 % CI
 * half-width is within a fraction of its mean. The rule is checked after each run in index order, so
 * where it stops depends only on the runs' results, never on how many ran at once.
 */
import type { RunResult, QueueResult } from '../model/run-result.js';
import type { UnconvergedMetric } from '../results/analysis-results.js';
import { halfWidthAround } from './metric-bounds.js';

/**
 * The metrics a capacity decision rests on: throughput, utilisation, losses (lossRate), the number in system and the
 * mean and tail of end-to-end latency. A metric that is null in every run (e.g. utilisation of a queue
 * without consumers) does not apply to that queue and is skipped.
 */
export const HEADLINE_METRICS = [
  'throughput',
  'utilization',
  'lossRate',
  'meanInSystem',
  'sojourn.mean',
  'sojourn.p99',
] as const;

/** The value of a dotted metric in a queue's result. */
export function metricValue(queue: QueueResult, name: string): number | null {
  let node: unknown = queue;
  for (const key of name.split('.')) node = (node as Record<string, unknown> | null)?.[key];
  return typeof node === 'number' ? node : null;
}

/**
 * Headline metrics of an aggregated result whose CI half-width exceeds `target` × |mean| (a mean of 0
 * needs a half-width of 0), or that have no CI because they are null in some runs.
 */
export function unconvergedMetrics(result: RunResult, target: number): UnconvergedMetric[] {
  const missing: UnconvergedMetric[] = [];
  for (const [queueName, queue] of Object.entries(result.queues)) {
    for (const metric of HEADLINE_METRICS) {
      const value = metricValue(queue, metric);
      if (value === null) continue;
      const interval = queue.ci95?.[metric];
      if (!interval) {
        missing.push({ queue: queueName, metric, relativeHalfWidth: null });
        continue;
      }
      const halfWidth = halfWidthAround(value, interval);
      if (halfWidth <= target * Math.abs(value)) continue;
      missing.push({
        queue: queueName,
        metric,
        relativeHalfWidth: value === 0 ? null : halfWidth / Math.abs(value),
      });
    }
  }
  return missing;
}

/**
 * How many runs to start next: enough to reach the target if the half-widths shrink as 1/√n (each metric
 * needs n·(width/target)² in all), at least one per worker, rounded up to whole waves, never past `max`.
 */
export function nextWaveSize(
  done: number,
  missing: readonly UnconvergedMetric[],
  target: number,
  concurrency: number,
  max: number,
): number {
  const worst = Math.max(1, ...missing.map((m) => (m.relativeHalfWidth ?? 2 * target) / target));
  const needed = Math.ceil(done * worst * worst) - done;
  // Never more than doubling at once: early half-widths are themselves noisy.
  const wanted = Math.min(Math.max(needed, 1), done);
  const waves = Math.ceil(wanted / concurrency) * concurrency;
  return Math.max(0, Math.min(waves, max - done));
}
