/**
 * SLO-driven sizing: the smallest value of one integer parameter (a queue's consumers or capacity, or an
 * autoscaled queue's autoscale min or max) at which every SLO passes, found by a search that uses
 * monotonicity (more consumers never make a queue slower) instead of a grid. The analytic estimate gives the starting point; the search gallops from it to a
 * bracket [fails, passes] and bisects. Evaluations are remembered, so none is run twice.
 *
 * A setting "meets" the SLOs when every verdict is `pass`: with replications that is a significant pass,
 * so an uncertain verdict counts against the setting (the recommendation is one the data supports). A
 * deadlocked setting fails. The search gives up early when more of the parameter stops improving the
 * failing SLOs, and never goes past a structural cap (a topic's partitions); it then says why.
 */
import type { RunResult } from '../model/run-result.js';
import { applyParameter, type Parameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import {
  StallWatch,
  bindingSlo,
  explainUnreachable,
  meetsSlos,
  planWarnings,
  structuralCap,
} from './plan-diagnosis.js';
import { smallestPassing } from './plan-search.js';
import {
  analyticGuess,
  fillingLines,
  lowestSetting,
  planPoints,
  plannedScenario,
  unitCost,
} from './plan-setup.js';
import type { PlanEvaluation, PlanResult } from './plan-types.js';
import { runStudy, type TaskRunner } from './replications.js';
import { slimResult } from './sweep.js';

export { cheapestPassing } from './plan-cheapest.js';
export { planCapacityMulti } from './plan-multi.js';
export { smallestPassing, type SmallestPassing } from './plan-search.js';
export { analyticGuess, unitCost } from './plan-setup.js';
export type { MultiPlanResult, OneLessSetting, PlanEvaluation, PlanPoint, PlanResult } from './plan-types.js';

/** Each value of one parameter evaluated once: its verdicts kept, its failures watched for a stall. */
function valueEvaluator(loaded: Scenario, path: string, runner: TaskRunner) {
  const results = new Map<number, PlanEvaluation>();
  const watch = new StallWatch();
  const passes = async (value: number) => {
    const sized = applyParameter(loaded, { path, unit: 'integer' }, value);
    const { result } = await runStudy(sized, { runner });
    const meets = meetsSlos(result, loaded);
    results.set(value, { value, meets, result: slimResult(result) });
    if (!meets) watch.failed(value, result);
    return meets;
  };
  const resultAt = (value: number | null) => (value === null ? null : (results.get(value)?.result ?? null));
  return { passes, watch, resultAt, results };
}

/**
 * Finds the smallest value of `parameter.path` at which every SLO passes, at `load` times the written rates.
 * Pure apart from the simulations it runs through `runner`.
 */
export async function planCapacity(
  scenario: Scenario,
  parameter: Pick<Parameter, 'path'>,
  options: { runner: TaskRunner; load?: number; max?: number; guess?: number },
): Promise<PlanResult> {
  const load = options.load ?? 1;
  const loaded = plannedScenario(scenario, load);
  const path = parameter.path;
  const min = lowestSetting(path);
  const { passes, watch, resultAt, results } = valueEvaluator(loaded, path, options.runner);
  // A topic's consumers past its partitions sit idle: the search never goes beyond them.
  const cap = structuralCap(loaded, path) ?? Infinity;
  const guess = Math.max(min, Math.min(cap, options.guess ?? analyticGuess(loaded, path)));
  const max = Math.max(min, Math.min(cap, options.max ?? Math.max(4096, guess * 4)));
  const found = await smallestPassing(passes, {
    guess,
    min,
    max,
    stalled: () => watch.stalledBetween !== null,
  });
  const result = resultAt(found.value);
  const runnerUpResult = resultAt(found.runnerUp);
  const stalled = watch.stalledBetween;
  const why =
    found.value === null && runnerUpResult
      ? explainUnreachable(
          loaded,
          [path],
          runnerUpResult,
          `${path} = ${found.runnerUp}`,
          stalled
            ? { from: resultAt(stalled[0]) as RunResult, between: `${path} ${stalled[0]} → ${stalled[1]}` }
            : null,
        )
      : null;
  return {
    scenario: scenario.name,
    load,
    recommended: found.value === null ? null : { [path]: found.value },
    why,
    binding: found.value === null ? null : bindingSlo(result, runnerUpResult),
    warnings: planWarnings(loaded, result),
    runnerUpFilling: fillingLines(loaded, runnerUpResult),
    runnerUp: found.runnerUp === null ? {} : { [path]: found.runnerUp },
    analyticGuess: { [path]: guess },
    evaluations: found.evaluations,
    result,
    runnerUpResult,
    evaluated: planPoints(
      [path],
      [unitCost(scenario.cost, path)],
      new Map([...results].map(([value, evaluation]) => [String(value), evaluation])),
    ),
  };
}
