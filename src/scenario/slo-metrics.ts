/**
 * The metrics an SLO can bound, by what it bounds (a queue, or a flow: one producer's messages end to end),
 * and the unit of each, which decides how its `max` is written: a duration, a percentage or fraction, or
 * a plain number.
 */
import { parseDurationSeconds, parsePercent } from './units.js';
import type { SloUnit } from './types.js';

const LATENCY_STATS = ['mean', 'p50', 'p95', 'p99', 'max'] as const;
const latency = (prefix: string) => LATENCY_STATS.map((stat) => `${prefix}.${stat}`);

/** Metrics of a queue an SLO can bound, with their units (the names of the `--json` queue results). */
export const QUEUE_SLO_METRICS: Readonly<Record<string, SloUnit>> = {
  ...Object.fromEntries(latency('wait').map((metric) => [metric, 'seconds'])),
  ...Object.fromEntries(latency('sojourn').map((metric) => [metric, 'seconds'])),
  dropRate: 'fraction',
  lossRate: 'fraction',
  utilization: 'fraction',
  probabilityOfWait: 'fraction',
  meanQueueLength: 'count',
  meanInSystem: 'count',
};

/** Metrics of a flow (a producer's messages end to end) an SLO can bound. */
export const FLOW_SLO_METRICS: Readonly<Record<string, SloUnit>> = {
  ...Object.fromEntries(latency('endToEnd').map((metric) => [metric, 'seconds'])),
  lossRate: 'fraction',
};

/** What an SLO bounds: a queue or a flow. */
export type SloScope = 'queue' | 'flow';

/** The metrics an SLO of this scope can bound. */
export function sloMetrics(scope: SloScope): Readonly<Record<string, SloUnit>> {
  return scope === 'queue' ? QUEUE_SLO_METRICS : FLOW_SLO_METRICS;
}

/**
 * An SLO's `max` in the metric's SI unit, or undefined when it is not written in that unit: seconds from a
 * duration (`250ms`, or a number of seconds); a fraction from a percentage (`0.1%`) or a plain number; a
 * plain number for counts.
 */
export function parseSloMax(unit: SloUnit, value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (unit === 'seconds') return parseDurationSeconds(value);
  if (unit === 'fraction') return parsePercent(value);
  return undefined;
}
