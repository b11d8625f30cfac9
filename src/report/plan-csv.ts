/**
 * The searches of `plan` and `headroom` as CSV: one row per evaluated point and SLO, so a spreadsheet can
 * pivot them either way. Values are in the SLO's unit (seconds, fraction or count), as in `--json`.
 */
import type { HeadroomResult } from '../analysis/headroom.js';
import type { PlanResult } from '../analysis/plan.js';
import type { RunResult } from '../model/run-result.js';
import type { SloVerdict } from '../results/analysis-results.js';
import { routesCsv, toCsv } from './csv.js';

const SLO_COLUMNS = ['slo', 'unit', 'value', 'ci_low', 'ci_high', 'max', 'verdict'];

/** One verdict's cells, in the order of SLO_COLUMNS. */
function sloCells(verdict: SloVerdict): unknown[] {
  return [
    verdict.target,
    verdict.unit,
    verdict.value,
    verdict.ci95?.[0],
    verdict.ci95?.[1],
    verdict.max,
    verdict.verdict,
  ];
}

/** True when `setting` holds the same value as `other` for every path. */
function sameSetting(setting: Record<string, number>, other: Record<string, number> | null): boolean {
  if (other === null || Object.keys(other).length === 0) return false;
  return Object.entries(setting).every(([path, value]) => other[path] === value);
}

/** Every setting the plan evaluated: its values, cost, role (recommended, runner-up) and each SLO verdict. */
export function planCsv(plan: PlanResult): string {
  const paths = Object.keys(plan.analyticGuess);
  const rows = plan.evaluated.flatMap((point) => {
    const role = sameSetting(point.setting, plan.recommended)
      ? 'recommended'
      : sameSetting(point.setting, plan.runnerUp)
        ? 'runner-up'
        : '';
    const lead = [...paths.map((path) => point.setting[path]), point.cost, point.meets, role];
    return point.slo.length === 0 ? [lead] : point.slo.map((verdict) => [...lead, ...sloCells(verdict)]);
  });
  return toCsv([...paths, 'cost', 'meets_slos', 'role', ...SLO_COLUMNS], rows);
}

/** Every load the headroom search evaluated: the multiple, its role (headroom, fails at) and each SLO verdict. */
export function headroomCsv(headroom: HeadroomResult): string {
  // Undecided: the last sure pass is not the headroom (see HeadroomUndecided).
  const roleOf = (load: number) =>
    load === headroom.headroom
      ? 'headroom'
      : load === headroom.cannotTell?.passesAt
        ? 'passes-at'
        : load === headroom.failsAt
          ? 'fails-at'
          : '';
  const rows = headroom.evaluated.flatMap((point) => {
    const role = roleOf(point.load);
    return point.slo.map((verdict) => [point.load, point.meets, role, ...sloCells(verdict)]);
  });
  return toCsv(['load', 'meets_slos', 'role', ...SLO_COLUMNS], rows);
}

/** The setting whose routes a plan shows: the recommendation, else the largest setting tried. */
export interface PlanRoutes {
  role: 'recommended' | 'largest tried';
  setting: Record<string, number>;
  result: RunResult;
}

/** The plan's setting to show per-route latency for; null when the scenario has no `then` routes. */
export function planRoutes(plan: PlanResult): PlanRoutes | null {
  const chosen: PlanRoutes | null =
    plan.recommended && plan.result
      ? { role: 'recommended', setting: plan.recommended, result: plan.result }
      : Object.keys(plan.runnerUp).length > 0 && plan.runnerUpResult
        ? { role: 'largest tried', setting: plan.runnerUp, result: plan.runnerUpResult }
        : null;
  return chosen && Object.keys(chosen.result.routes ?? {}).length > 0 ? chosen : null;
}

/**
 * plan-routes.csv: routes.csv of `run` (one row per route, end-to-end percentiles with their CIs) at the
 * setting planRoutes picks, led by that setting's values and its role; null without routes.
 */
export function planRoutesCsv(plan: PlanResult): string | null {
  const chosen = planRoutes(plan);
  if (!chosen) return null;
  const paths = Object.keys(chosen.setting);
  return routesCsv(chosen.result, {
    header: [...paths, 'role'],
    cells: [...paths.map((path) => chosen.setting[path]), chosen.role],
  });
}
