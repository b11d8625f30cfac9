/**
 * `queuesim plan` over several parameters: the cheapest combination meeting every SLO (see
 * `cheapestPassing`), with the one-less settings that show it cannot be lowered and, when none passes, why.
 */
import type { RunResult } from '../model/run-result.js';
import { applyParameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { cheapestPassing, type CheapestFound } from './plan-cheapest.js';
import {
  StallWatch,
  bindingSlo,
  explainUnreachable,
  meetsSlos,
  planWarnings,
  structuralCap,
} from './plan-diagnosis.js';
import {
  analyticGuess,
  failingTargets,
  fillingLines,
  lowestSetting,
  planPoints,
  plannedScenario,
  unitCost,
} from './plan-setup.js';
import type { MultiPlanResult, OneLessSetting } from './plan-types.js';
import { runStudy, type TaskRunner } from './replications.js';
import { slimResult } from './sweep.js';

/** Each combination evaluated through `runner`, its slimmed result kept under its key ("3,5"). */
function combinationEvaluator(loaded: Scenario, paths: readonly string[], runner: TaskRunner) {
  const results = new Map<string, RunResult>();
  const passes = async (values: readonly number[]) => {
    const sized = paths.reduce(
      (current, path, i) => applyParameter(current, { path, unit: 'integer' }, values[i]),
      loaded,
    );
    const { result } = await runStudy(sized, { runner });
    results.set(values.join(','), slimResult(result));
    return meetsSlos(result, loaded);
  };
  return { passes, results };
}

/** The one-less settings of a recommendation, and the first failing one as the runner-up. */
interface OneLessOutcome {
  oneLess: OneLessSetting[];
  runnerUp: Record<string, number>;
  runnerUpResult: RunResult | null;
  /** Settings that had to be run for this (the search had not tested them). */
  extraEvaluations: number;
}

/** One unit less of each parameter in turn, the others as recommended (run when not yet known). */
async function oneLessSettings(
  best: readonly number[],
  paths: readonly string[],
  found: CheapestFound,
  evaluator: ReturnType<typeof combinationEvaluator>,
): Promise<OneLessOutcome> {
  const outcome: OneLessOutcome = { oneLess: [], runnerUp: {}, runnerUpResult: null, extraEvaluations: 0 };
  const settingOf = (values: readonly number[]) =>
    Object.fromEntries(paths.map((path, i) => [path, values[i]]));
  for (let i = 0; i < paths.length; i++) {
    const below = best.map((v, j) => (j === i ? v - 1 : v));
    if (below[i] < lowestSetting(paths[i])) continue;
    const key = below.join(',');
    if (!found.tested.has(key)) {
      found.tested.set(key, await evaluator.passes(below));
      outcome.extraEvaluations++;
    }
    const evaluated = evaluator.results.get(key) ?? null;
    const meets = found.tested.get(key) === true;
    outcome.oneLess.push({ setting: settingOf(below), meets, failing: failingTargets(evaluated) });
    // The runner-up is the first failing one: the JSON names the very setting whose verdicts it holds.
    if (!meets && outcome.runnerUpResult === null && evaluated) {
      outcome.runnerUp = settingOf(below);
      outcome.runnerUpResult = evaluated;
    }
  }
  return outcome;
}

/** Why no combination passes: the largest generous setting tried, and the stall that ended the search. */
function whyNoCombination(
  loaded: Scenario,
  paths: readonly string[],
  results: ReadonlyMap<string, RunResult>,
  generousTried: readonly string[],
  stalled: readonly [number, number] | null,
): string | null {
  const largest = generousTried.at(-1);
  if (largest === undefined) return null;
  const setting = (key: string) =>
    key
      .split(',')
      .map((v, i) => `${paths[i]} = ${v}`)
      .join(', ');
  // Generous setting k was told to the watch as 2^k: the stall's start maps back to its key.
  const earlier = stalled ? generousTried[Math.log2(stalled[0]) - 1] : undefined;
  return explainUnreachable(
    loaded,
    paths,
    results.get(largest) as RunResult,
    setting(largest),
    earlier !== undefined
      ? { from: results.get(earlier) as RunResult, between: `${setting(earlier)} → ${setting(largest)}` }
      : null,
  );
}

/** Every combination the search tested, with its verdicts, as plan points. */
function searched(
  paths: readonly string[],
  prices: readonly number[],
  tested: ReadonlyMap<string, boolean>,
  results: ReadonlyMap<string, RunResult>,
) {
  const evaluated = [...tested].map(
    ([key, meets]) => [key, { meets, result: results.get(key) as RunResult }] as const,
  );
  return planPoints(paths, prices, new Map(evaluated));
}

/**
 * The cheapest combination of several parameters (consumers or capacities) at which every SLO passes at
 * `load` times the written rates, each unit priced by `cost` (see `unitCost`), found by `cheapestPassing`.
 */
export async function planCapacityMulti(
  scenario: Scenario,
  paths: readonly string[],
  options: { runner: TaskRunner; load?: number; cost?: Readonly<Record<string, number>>; max?: number },
): Promise<MultiPlanResult> {
  const load = options.load ?? 1;
  const loaded = plannedScenario(scenario, load);
  const mins = paths.map(lowestSetting);
  const caps = paths.map((path) => structuralCap(loaded, path) ?? Infinity);
  const guesses = paths.map((path, i) => Math.max(mins[i], Math.min(caps[i], analyticGuess(loaded, path))));
  const prices = paths.map((path) => unitCost(options.cost, path));
  const evaluator = combinationEvaluator(loaded, paths, options.runner);
  // Each generous setting doubles the one before: a stall over one of them means more stopped helping.
  const watch = new StallWatch();
  const generousTried: string[] = [];
  const found = await cheapestPassing(evaluator.passes, {
    guesses,
    mins,
    maxes: guesses.map((guess, i) =>
      Math.max(mins[i], Math.min(caps[i], options.max ?? Math.max(4096, guess * 4))),
    ),
    prices,
    giveUp: (values) => {
      generousTried.push(values.join(','));
      return watch.failed(2 ** generousTried.length, evaluator.results.get(values.join(',')) as RunResult);
    },
  });
  const best = found.values;
  const below = best
    ? await oneLessSettings(best, paths, found, evaluator)
    : { oneLess: [], runnerUp: {}, runnerUpResult: null, extraEvaluations: 0 };
  const result = best ? (evaluator.results.get(best.join(',')) ?? null) : null;
  return {
    scenario: scenario.name,
    load,
    recommended: best ? Object.fromEntries(paths.map((path, i) => [path, best[i]])) : null,
    why:
      best === null
        ? whyNoCombination(loaded, paths, evaluator.results, generousTried, watch.stalledBetween)
        : null,
    binding: best ? bindingSlo(result, below.runnerUpResult) : null,
    warnings: planWarnings(loaded, result),
    runnerUpFilling: fillingLines(loaded, below.runnerUpResult),
    runnerUp: below.runnerUp,
    analyticGuess: Object.fromEntries(paths.map((path, i) => [path, guesses[i]])),
    evaluations: found.evaluations + below.extraEvaluations,
    result,
    runnerUpResult: below.runnerUpResult,
    cost: best ? best.reduce((sum, v, i) => sum + v * prices[i], 0) : null,
    oneLess: below.oneLess,
    evaluated: searched(paths, prices, found.tested, evaluator.results),
  };
}
