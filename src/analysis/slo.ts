/** Service-level objectives checked against a result: pure, so a saved result can be judged again. */
import type { RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../results/analysis-results.js';
import type { Scenario, SloSpec } from '../scenario/types.js';
import { isMaximum } from './aggregate.js';
import { halfWidthAround } from './metric-bounds.js';
import { sloField, sloRecord, sloTarget, valueAt, type BatchInterval } from './slo-batch-intervals.js';

/** Where a verdict's CI comes from: independent replications, or batch means of one run. */
export interface CiSource {
  method: 'replications' | 'batch means';
  /** Replications or batches behind the interval. */
  n: number;
}

/** Why a metric has no CI, and how many times longer a run would give it one (null: unknown). */
export interface NoInterval {
  reason: string;
  runLengthFactor: number | null;
}

/** A factor to two significant digits, at least 1.1: "4", "1.3", "250". */
function roundFactor(factor: number): string {
  return String(Number(Math.max(1.1, factor).toPrecision(2)));
}

/**
 * What would turn an uncertain verdict into a clear one. A CI's half-width h shrinks as 1/√n, so it clears
 * the limit once h·√(n/n′) < |value − max|: n′ ≈ n·(h / |value − max|)² replications, or for batch means of
 * one run a run (h / |value − max|)² times longer.
 */
export function whatWouldDecide(
  value: number,
  max: number,
  ci95: [number, number],
  source: CiSource,
): string {
  const distance = Math.abs(value - max);
  const halfWidth = halfWidthAround(value, ci95);
  if (!(distance > 0)) return 'nothing: the value sits on the limit (any run length leaves it uncertain)';
  const factor = Number(((halfWidth / distance) ** 2).toPrecision(6)); // 4.0000000001 is 4
  if (source.method === 'replications') {
    return `about ${Math.max(source.n + 1, Math.ceil(source.n * factor))} replications`;
  }
  return `a run about ${roundFactor(factor)}× longer (or about ${Math.max(2, Math.ceil(factor))} replications)`;
}

/** One SLO's verdict (see `SloVerdict`); `source` says where `ci95` comes from, `noInterval` why there is none. */
export function judgeSlo(
  target: string,
  slo: Pick<SloSpec, 'max' | 'unit'>,
  value: number | null,
  ci95: [number, number] | undefined,
  source?: CiSource,
  noInterval?: NoInterval,
): SloVerdict {
  const base = {
    target,
    max: slo.max,
    unit: slo.unit,
    value,
    ...(ci95 ? { ci95 } : {}),
    ...(ci95 && source ? { ciFrom: source } : {}),
  };
  if (value === null) {
    return { ...base, verdict: 'uncertain', significant: false, decide: 'a run in which messages complete' };
  }
  if (ci95) {
    const [low, high] = ci95;
    if (high <= slo.max) return { ...base, verdict: 'pass', significant: true };
    if (low > slo.max) return { ...base, verdict: 'fail', significant: true };
    const decide = whatWouldDecide(value, slo.max, ci95, source ?? { method: 'replications', n: 2 });
    return { ...base, verdict: 'uncertain', significant: false, decide };
  }
  // No confidence interval, so a pass cannot be significant: it is reported as uncertain.
  const decide = noInterval
    ? `${noInterval.runLengthFactor === null ? 'replications' : `a run about ${roundFactor(noInterval.runLengthFactor)}× longer`} (no CI: ${noInterval.reason})`
    : 'replications (no CI)';
  return { ...base, verdict: value <= slo.max ? 'uncertain' : 'fail', significant: false, decide };
}

/**
 * A maximum's verdict: `value` is the largest seen over `replications` runs, so a pass means no run
 * exceeded the limit and a fail that one did. Neither is an inference from a CI, so both are significant.
 */
export function judgeMaximum(
  target: string,
  slo: Pick<SloSpec, 'max' | 'unit'>,
  value: number | null,
  replications: number,
): SloVerdict {
  const base = { target, max: slo.max, unit: slo.unit, value, largestOf: { replications } };
  if (value === null) {
    return { ...base, verdict: 'uncertain', significant: false, decide: 'a run in which messages complete' };
  }
  return { ...base, verdict: value <= slo.max ? 'pass' : 'fail', significant: true };
}

/** Replications SLO-driven searches run when the scenario asks for a single run (a pass needs a CI). */
export const SLO_SEARCH_REPLICATIONS = 5;

/** The scenario as an SLO-driven search runs it: with replications, so that verdicts can be significant. */
export function replicatedForSlos(scenario: Scenario): Scenario {
  const statistics = scenario.statistics;
  if (
    statistics &&
    (statistics.replications !== null || statistics.batches !== null || statistics.precision !== null)
  ) {
    return scenario;
  }
  return {
    ...scenario,
    statistics: {
      batches: null,
      precision: null,
      maxReplications: null,
      maxDurationSeconds: null,
      timeBudgetSeconds: null,
      ...statistics,
      replications: SLO_SEARCH_REPLICATIONS,
    },
  };
}

/**
 * Every SLO of the scenario judged against the result, in the order written (empty without SLOs). A
 * metric without a CI in the result (a single run) takes its interval from `singleRun`, batch means of that
 * same run, when given. A maximum is judged on the largest value seen (see `judgeMaximum`).
 */
export function evaluateSlos(
  result: RunResult,
  scenario: Pick<Scenario, 'slo'>,
  singleRun?: ReadonlyMap<string, BatchInterval>,
): SloVerdict[] {
  const source: CiSource | undefined =
    result.replications !== undefined
      ? { method: 'replications', n: result.replications }
      : result.batchMeans
        ? { method: 'batch means', n: result.batchMeans.batches }
        : undefined;
  return (scenario.slo ?? []).map((slo) => {
    const record = sloRecord(result, slo);
    const intervals = record?.ci95 as Record<string, [number, number]> | undefined;
    const target = sloTarget(slo);
    const field = sloField(record, slo.metric);
    const value = valueAt(record, field);
    if (isMaximum(slo.metric)) return judgeMaximum(target, slo, value, result.replications ?? 1);
    const own = intervals?.[field];
    if (own) return judgeSlo(target, slo, value, own, source);
    const batch = singleRun?.get(target);
    if (batch?.ci95) {
      return judgeSlo(target, slo, value, batch.ci95, { method: 'batch means', n: batch.batches });
    }
    return judgeSlo(target, slo, value, undefined, undefined, batch ?? undefined);
  });
}

/** True when some SLO failed (an uncertain verdict is not a failure). */
export function anySloFailed(verdicts: readonly SloVerdict[]): boolean {
  return verdicts.some((verdict) => verdict.verdict === 'fail');
}
