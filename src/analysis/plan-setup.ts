/**
 * What both plans start from and end with: the scenario at the planned load, each parameter's lowest
 * setting, analytic guess and unit price, and the sentences on queues still filling.
 */
import type { RunResult } from '../model/run-result.js';
import { applyParameter, parsePath } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { estimateScenario } from './estimates.js';
import { fillingQueues, fillingText } from './plan-diagnosis.js';
import type { PlanPoint } from './plan-types.js';
import { replicatedForSlos } from './slo.js';

/** The scenario a plan evaluates: replicated as its SLOs need, at `load` times the written rates. */
export function plannedScenario(scenario: Scenario, load: number): Scenario {
  const replicated = replicatedForSlos(scenario);
  return load === 1 ? replicated : applyParameter(replicated, { path: 'load', unit: 'multiplier' }, load);
}

/** The analytic first guess for `path`: the fewest consumers whose estimate meets the SLOs it can judge. */
export function analyticGuess(scenario: Scenario, path: string): number {
  const target = parsePath(path);
  const queue = target?.section === 'queues' ? target.name : undefined;
  const current = scenario.queues.find((q) => q.name === queue);
  if (target?.section !== 'queues' || queue === undefined || !current) return 1;
  const field = target.field;
  if (target.autoscale)
    return path.endsWith('.min') ? (current.autoscale?.min ?? 0) : (current.autoscale?.max ?? 1);
  if (field !== 'consumers') return current.capacity ?? 1;
  const slos = (scenario.slo ?? []).filter((slo) => slo.scope === 'queue' && slo.name === queue);
  for (let consumers = 1; consumers <= 4096; consumers++) {
    const sized = applyParameter(scenario, { path, unit: 'integer' }, consumers);
    const estimate = estimateScenario(sized, { rough: true })[queue];
    if (!estimate || estimate.model === null) return Math.max(1, current.consumers);
    if (!estimate.stable) continue;
    const meets = slos.every((slo) => {
      const value = estimate.values[slo.metric];
      return value === undefined || (value !== null && value <= slo.max);
    });
    if (meets) return consumers;
  }
  return Math.max(1, current.consumers);
}

/** The smallest value a plan tries for `path`: one consumer (or autoscale max), else 0. */
export function lowestSetting(path: string): number {
  return path.endsWith('.consumers') || path.endsWith('.autoscale.max') ? 1 : 0;
}

/** The price of one unit of `path` under `cost`: its own entry, else `consumer` / `capacity`, else 1. */
export function unitCost(cost: Readonly<Record<string, number>> | undefined, path: string): number {
  const target = parsePath(path);
  const field = target?.section === 'queues' && !target.autoscale ? target.field : undefined;
  const shared = field === 'consumers' ? cost?.consumer : field === 'capacity' ? cost?.capacity : undefined;
  return cost?.[path] ?? shared ?? 1;
}

/** The queues still filling in a result, as sentences (see `fillingText`). */
export function fillingLines(scenario: Scenario, result: RunResult | null): string[] {
  if (!result) return [];
  return fillingQueues(scenario, result).map((queue) => fillingText(queue, result.measuredSeconds));
}

/** The targets of a result's SLOs that do not pass, and "deadlock" when it deadlocked. */
export function failingTargets(result: RunResult | null): string[] {
  if (!result) return [];
  const failing = (result.slo ?? []).filter((v) => v.verdict !== 'pass').map((v) => v.target);
  return result.deadlock ? [...failing, 'deadlock'] : failing;
}

/**
 * The settings a search evaluated (`values` key "3,5" → whether it met the SLOs and its result), as plan
 * points in increasing order of their values, each priced at `prices` (one a path).
 */
export function planPoints(
  paths: readonly string[],
  prices: readonly number[],
  evaluated: ReadonlyMap<string, { meets: boolean; result: RunResult }>,
): PlanPoint[] {
  const points = [...evaluated].map(([key, { meets, result }]) => {
    const values = key.split(',').map(Number);
    return {
      values,
      point: {
        setting: Object.fromEntries(paths.map((path, i) => [path, values[i]])),
        cost: values.reduce((sum, value, i) => sum + value * prices[i], 0),
        meets,
        slo: result.slo ?? [],
      },
    };
  });
  const order = (a: number[], b: number[]) => a.findIndex((v, i) => v !== b[i]);
  points.sort((a, b) => {
    const i = order(a.values, b.values);
    return i < 0 ? 0 : a.values[i] - b.values[i];
  });
  return points.map(({ point }) => point);
}
