/** Service-level objectives checked against a result: pure, so a saved result can be judged again. */
import type { RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../model/statistics-result.js';
import type { Scenario, SloSpec } from '../scenario/types.js';

type Plain = Record<string, unknown>;

/** The value at a dotted path of a plain record; null when absent or not a number. */
function valueAt(record: Plain | undefined, metric: string): number | null {
  let node: unknown = record;
  for (const key of metric.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Plain)[key];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

/** One SLO's verdict (see `SloVerdict`). */
export function judgeSlo(
  target: string,
  slo: Pick<SloSpec, 'max' | 'unit'>,
  value: number | null,
  ci95: [number, number] | undefined,
): SloVerdict {
  const base = { target, max: slo.max, unit: slo.unit, value, ...(ci95 ? { ci95 } : {}) };
  if (value === null) return { ...base, verdict: 'uncertain', significant: false };
  if (ci95) {
    const [low, high] = ci95;
    if (high <= slo.max) return { ...base, verdict: 'pass', significant: true };
    if (low > slo.max) return { ...base, verdict: 'fail', significant: true };
    return { ...base, verdict: 'uncertain', significant: false };
  }
  // One run has no confidence interval, so a pass cannot be significant: it is reported as uncertain.
  return { ...base, verdict: value <= slo.max ? 'uncertain' : 'fail', significant: false };
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

/** Every SLO of the scenario judged against the result, in the order written (empty without SLOs). */
export function evaluateSlos(result: RunResult, scenario: Pick<Scenario, 'slo'>): SloVerdict[] {
  return (scenario.slo ?? []).map((slo) => {
    const records = (slo.scope === 'queue' ? result.queues : result.flows) as unknown as Record<
      string,
      Plain
    >;
    const record = records[slo.name];
    const intervals = record?.ci95 as Record<string, [number, number]> | undefined;
    const section = slo.scope === 'queue' ? 'queues' : 'flows';
    return judgeSlo(
      `${section}.${slo.name}.${slo.metric}`,
      slo,
      valueAt(record, slo.metric),
      intervals?.[slo.metric],
    );
  });
}

/** True when some SLO failed (an uncertain verdict is not a failure). */
export function anySloFailed(verdicts: readonly SloVerdict[]): boolean {
  return verdicts.some((verdict) => verdict.verdict === 'fail');
}
