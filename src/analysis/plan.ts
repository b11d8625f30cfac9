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
import { applyParameter, parsePath, type Parameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { estimateScenario } from './estimates.js';
import {
  StallWatch,
  bindingSlo,
  explainUnreachable,
  fillingQueues,
  fillingText,
  meetsSlos,
  planWarnings,
  structuralCap,
} from './plan-diagnosis.js';
import { runStudy, type TaskRunner } from './replications.js';
import { replicatedForSlos } from './slo.js';
import { slimResult } from './sweep.js';

/** The outcome of a search for the smallest passing value. */
export interface SmallestPassing {
  /** The smallest value that passes, or null when even `max` fails. */
  value: number | null;
  /** The largest value known to fail just below it (value − 1 when the bracket closed), or null. */
  runnerUp: number | null;
  evaluations: number;
}

/**
 * The smallest integer in [min, max] for which `passes` holds, assuming it is monotone (false … false, true …
 * true), starting from `guess`: gallop (steps 1, 2, 4…) to a bracket, then bisect. At most about
 * 2·log2(distance from the guess) + log2(bracket) evaluations.
 */
export async function smallestPassing(
  passes: (value: number) => Promise<boolean>,
  { guess, min, max, stalled }: { guess: number; min: number; max: number; stalled?: () => boolean },
): Promise<SmallestPassing> {
  const memo = new Map<number, boolean>();
  const test = async (value: number) => {
    if (!memo.has(value)) memo.set(value, await passes(value));
    return memo.get(value) as boolean;
  };
  const start = Math.min(max, Math.max(min, Math.round(guess)));
  let low: number | null = null; // largest known failing
  let high: number | null = null; // smallest known passing
  if (await test(start)) {
    high = start;
    for (let step = 1; ; step *= 2) {
      const next = Math.max(min, high - step);
      if (next === high) break;
      if (await test(next)) high = next;
      else {
        low = next;
        break;
      }
      if (next === min) break;
    }
  } else {
    low = start;
    for (let step = 1; ; step *= 2) {
      const next = Math.min(max, low + step);
      if (next === low) break;
      if (await test(next)) {
        high = next;
        break;
      }
      low = next;
      // More of the parameter stopped helping: the search would only climb to `max` in vain.
      if (next === max || stalled?.()) break;
    }
  }
  if (high === null) return { value: null, runnerUp: low, evaluations: memo.size };
  while (low !== null && high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (await test(middle)) high = middle;
    else low = middle;
  }
  return { value: high, runnerUp: low, evaluations: memo.size };
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

/** A setting's verdicts: the ones that decide whether it meets the SLOs. */
export interface PlanEvaluation {
  value: number;
  meets: boolean;
  result: RunResult;
}

/** What `queuesim plan` reports (`--json`). */
export interface PlanResult {
  scenario: string;
  /** Load multiplier the plan was made at (1 = as written). */
  load: number;
  /** Each optimised path → its smallest value that meets every SLO; null when no value does. */
  recommended: Record<string, number> | null;
  /** When no value meets the SLOs: why, naming the queue or flow and the cause; else null. */
  why: string | null;
  /** The SLO that decides the recommendation (the one the runner-up fails); null without one. */
  binding: string | null;
  /** Doubts about the recommended result (a queue still growing at the end of the run). */
  warnings: string[];
  /**
   * Queues still filling at the end of the runner-up's run (or the largest setting tried), one sentence
   * each: the reason it is not judged as meeting the SLOs even where every verdict passes.
   */
  runnerUpFilling: string[];
  /** Each optimised path → the value just below, which fails some SLO (absent when the range starts there). */
  runnerUp: Record<string, number>;
  /** The analytic starting point of the search. */
  analyticGuess: Record<string, number>;
  /** Simulation studies run (each with the scenario's replications). */
  evaluations: number;
  /** The recommended setting's result: metrics with CIs and SLO verdicts. */
  result: RunResult | null;
  /** The runner-up's result, showing which SLO it fails. */
  runnerUpResult: RunResult | null;
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
  const replicated = replicatedForSlos(scenario);
  const loaded =
    load === 1 ? replicated : applyParameter(replicated, { path: 'load', unit: 'multiplier' }, load);
  const path = parameter.path;
  const min = lowestSetting(path);
  const results = new Map<number, PlanEvaluation>();
  const watch = new StallWatch();
  const passes = async (value: number) => {
    const sized = applyParameter(loaded, { path, unit: 'integer' }, value);
    const { result } = await runStudy(sized, { runner: options.runner });
    const meets = meetsSlos(result, loaded);
    results.set(value, { value, meets, result: slimResult(result) });
    if (!meets) watch.failed(value, result);
    return meets;
  };
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
  const resultAt = (value: number | null) => (value === null ? null : (results.get(value)?.result ?? null));
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
  };
}

/** The smallest value a plan tries for `path`: one consumer (or autoscale max), else 0. */
function lowestSetting(path: string): number {
  return path.endsWith('.consumers') || path.endsWith('.autoscale.max') ? 1 : 0;
}

/** The price of one unit of `path` under `cost`: its own entry, else `consumer` / `capacity`, else 1. */
export function unitCost(cost: Readonly<Record<string, number>> | undefined, path: string): number {
  const target = parsePath(path);
  const field = target?.section === 'queues' && !target.autoscale ? target.field : undefined;
  const shared = field === 'consumers' ? cost?.consumer : field === 'capacity' ? cost?.capacity : undefined;
  return cost?.[path] ?? shared ?? 1;
}

/** A multi-parameter plan: the single-parameter report plus the recommended setting's cost. */
/** A setting one unit below the recommendation in one parameter (the others as recommended), as evaluated. */
export interface OneLessSetting {
  /** Every optimised path → its value in this setting. */
  setting: Record<string, number>;
  /** Whether it met every SLO (false for every one, unless the search's noise disagrees with itself). */
  meets: boolean;
  /** Targets of its SLOs that do not pass ("queues.a.wait.mean"); a deadlock adds "deadlock". */
  failing: string[];
}

/**
 * A plan of several parameters. Its `runnerUp` is one complete setting that was evaluated and fails (one
 * unit less of the first parameter that can go lower, the others as recommended): `runnerUpResult` holds
 * that setting's verdicts, so the two always describe the same run.
 */
export interface MultiPlanResult extends PlanResult {
  /** Total cost of the recommended setting (Σ unit cost × value); null when none was found. */
  cost: number | null;
  /** Each evaluated one-less setting, in the order of the parameters (empty without a recommendation). */
  oneLess: OneLessSetting[];
}

/**
 * The cheapest setting of several integer parameters for which `passes` holds, assuming it is monotone in
 * each (raising any parameter never makes a passing setting fail), without a grid:
 *
 * 1. a generous setting (each parameter well above its guess, doubled until it passes);
 * 2. each parameter's single-parameter minimum with the others generous — a lower bound on it in every
 *    passing setting, so when these minima pass together they are the cheapest answer (independent queues);
 * 3. otherwise a cost-weighted ascent: of the single-parameter raises that make the setting pass, the
 *    cheapest (when none does alone, every parameter goes up by one);
 * 4. then a coordinate-wise descent: each parameter lowered to its smallest passing value with the others
 *    fixed, until nothing moves;
 * 5. and exchanges: one unit less of one parameter made up by the fewest more of another, taken when
 *    cheaper (skipped at the cost of one test when twice as much of the others cannot make up for it),
 *    back to 4 until no exchange pays.
 *
 * A local search, not an exhaustive one: it finds the optimum of separable problems (independent queues)
 * and of one shared requirement, and a cheap passing setting otherwise. Every evaluation is remembered, so
 * no setting is tested twice.
 */
export async function cheapestPassing(
  passes: (values: readonly number[]) => Promise<boolean>,
  bounds: {
    guesses: readonly number[];
    mins: readonly number[];
    maxes: readonly number[];
    prices: readonly number[];
    /** Told each generous setting that fails; true gives the search up (more stopped helping). */
    giveUp?: (values: readonly number[]) => boolean;
  },
): Promise<{ values: number[] | null; evaluations: number; tested: Map<string, boolean> }> {
  const { guesses, mins, maxes, prices, giveUp } = bounds;
  const tested = new Map<string, boolean>();
  const test = async (values: readonly number[]) => {
    const key = values.join(',');
    if (!tested.has(key)) tested.set(key, await passes(values));
    return tested.get(key) as boolean;
  };
  const withValue = (values: readonly number[], i: number, value: number) =>
    values.map((v, j) => (j === i ? value : v));
  const done = (values: number[] | null) => ({ values, evaluations: tested.size, tested });
  const n = guesses.length;

  // 1. A generous setting that passes.
  let generous = guesses.map((guess, i) => Math.min(maxes[i], Math.max(mins[i], guess * 2, guess + 4)));
  while (!(await test(generous))) {
    const stop = giveUp?.(generous) ?? false;
    if (stop || generous.every((value, i) => value >= maxes[i])) return done(null);
    generous = generous.map((value, i) => Math.min(maxes[i], Math.max(value * 2, mins[i] + 1)));
  }
  // 2. Each parameter's minimum with the others generous: a lower bound on it.
  const lower: number[] = [];
  for (let i = 0; i < n; i++) {
    const found = await smallestPassing((value) => test(withValue(generous, i, value)), {
      guess: Math.min(guesses[i], generous[i]),
      min: mins[i],
      max: generous[i],
    });
    lower.push(found.value ?? generous[i]);
  }
  let current = [...lower];
  // 3. Cost-weighted ascent to a passing setting.
  while (!(await test(current))) {
    let best: { values: number[]; extra: number } | null = null;
    for (let i = 0; i < n; i++) {
      if (current[i] >= maxes[i]) continue;
      const top = Math.max(current[i] + 1, generous[i]);
      const found = await smallestPassing((value) => test(withValue(current, i, value)), {
        guess: current[i] + 1,
        min: current[i] + 1,
        max: Math.min(maxes[i], top),
      });
      if (found.value === null) continue;
      const extra = (found.value - current[i]) * prices[i];
      if (best === null || extra < best.extra) best = { values: withValue(current, i, found.value), extra };
    }
    if (best === null && current.every((value, i) => value >= maxes[i])) return done(null);
    current = best?.values ?? current.map((value, i) => Math.min(maxes[i], value + 1));
  }
  const costOf = (values: readonly number[]) => values.reduce((sum, v, i) => sum + v * prices[i], 0);
  for (let improved = true; improved;) {
    improved = false;
    // 4. Coordinate-wise descent.
    for (let moved = true; moved;) {
      moved = false;
      for (let i = 0; i < n; i++) {
        if (current[i] <= mins[i]) continue;
        const found = await smallestPassing((value) => test(withValue(current, i, value)), {
          guess: current[i],
          min: mins[i],
          max: current[i],
        });
        if (found.value !== null && found.value < current[i]) {
          current = withValue(current, i, found.value);
          moved = true;
        }
      }
    }
    // 5. Exchanges: one unit less of i, made up by the fewest more of j, when that is cheaper.
    for (let i = 0; i < n && !improved; i++) {
      if (current[i] <= mins[i]) continue;
      const less = withValue(current, i, current[i] - 1);
      // Monotonicity: when even twice as much of every other cannot make up for it, no exchange will.
      const roomy = current.map((v, j) => Math.min(maxes[j], 2 * Math.max(v, generous[j])));
      if (!(await test(roomy.map((v, j) => (j === i ? less[i] : v))))) continue;
      for (let j = 0; j < n && !improved; j++) {
        if (j === i || current[j] >= maxes[j]) continue;
        const found = await smallestPassing((value) => test(withValue(less, j, value)), {
          guess: current[j] + 1,
          min: current[j] + 1,
          max: Math.max(current[j] + 1, roomy[j]),
        });
        if (found.value === null) continue;
        const candidate = withValue(less, j, found.value);
        if (costOf(candidate) < costOf(current)) {
          current = candidate;
          improved = true;
        }
      }
    }
  }
  return done(current);
}

/**
 * The cheapest combination of several parameters (consumers or capacities) at which every SLO passes at
 * `load` times the written rates, each unit priced by `cost` (see `unitCost`), found by `cheapestPassing`.
 */
export async function planCapacityMulti(
  scenario: Scenario,
  paths: readonly string[],
  options: {
    runner: TaskRunner;
    load?: number;
    cost?: Readonly<Record<string, number>>;
    max?: number;
  },
): Promise<MultiPlanResult> {
  const load = options.load ?? 1;
  const replicated = replicatedForSlos(scenario);
  const loaded =
    load === 1 ? replicated : applyParameter(replicated, { path: 'load', unit: 'multiplier' }, load);
  const mins = paths.map(lowestSetting);
  const caps = paths.map((path) => structuralCap(loaded, path) ?? Infinity);
  const guesses = paths.map((path, i) => Math.max(mins[i], Math.min(caps[i], analyticGuess(loaded, path))));
  const prices = paths.map((path) => unitCost(options.cost, path));
  const results = new Map<string, RunResult>();
  const passes = async (values: readonly number[]) => {
    const sized = paths.reduce(
      (current, path, i) => applyParameter(current, { path, unit: 'integer' }, values[i]),
      loaded,
    );
    const { result } = await runStudy(sized, { runner: options.runner });
    results.set(values.join(','), slimResult(result));
    return meetsSlos(result, loaded);
  };
  // Each generous setting doubles the one before: a stall over one of them means more stopped helping.
  const watch = new StallWatch();
  const generousTried: string[] = [];
  const found = await cheapestPassing(passes, {
    guesses,
    mins,
    maxes: guesses.map((guess, i) =>
      Math.max(mins[i], Math.min(caps[i], options.max ?? Math.max(4096, guess * 4))),
    ),
    prices,
    giveUp: (values) => {
      generousTried.push(values.join(','));
      return watch.failed(2 ** generousTried.length, results.get(values.join(',')) as RunResult);
    },
  });
  const best = found.values;
  let runnerUp: Record<string, number> = {};
  let runnerUpResult: RunResult | null = null;
  let evaluations = found.evaluations;
  const oneLess: OneLessSetting[] = [];
  const settingOf = (values: readonly number[]) =>
    Object.fromEntries(paths.map((path, i) => [path, values[i]]));
  if (best) {
    for (let i = 0; i < paths.length; i++) {
      const below = best.map((v, j) => (j === i ? v - 1 : v));
      if (below[i] < mins[i]) continue;
      const key = below.join(',');
      // One unit less of a parameter, the others as recommended (run when not yet known).
      if (!found.tested.has(key)) {
        found.tested.set(key, await passes(below));
        evaluations++;
      }
      const evaluated = results.get(key) ?? null;
      const meets = found.tested.get(key) === true;
      oneLess.push({ setting: settingOf(below), meets, failing: failingTargets(evaluated) });
      // The runner-up is the first failing one: the JSON names the very setting whose verdicts it holds.
      if (!meets && runnerUpResult === null && evaluated) {
        runnerUp = settingOf(below);
        runnerUpResult = evaluated;
      }
    }
  }
  const result = best ? (results.get(best.join(',')) ?? null) : null;
  const largest = generousTried.at(-1);
  const stalled = watch.stalledBetween;
  const setting = (key: string) =>
    key
      .split(',')
      .map((v, i) => `${paths[i]} = ${v}`)
      .join(', ');
  const earlier = stalled ? generousTried[Math.log2(stalled[0]) - 1] : undefined;
  const why =
    best === null && largest !== undefined
      ? explainUnreachable(
          loaded,
          paths,
          results.get(largest) as RunResult,
          setting(largest),
          earlier !== undefined
            ? {
                from: results.get(earlier) as RunResult,
                between: `${setting(earlier)} → ${setting(largest)}`,
              }
            : null,
        )
      : null;
  return {
    scenario: scenario.name,
    load,
    recommended: best ? Object.fromEntries(paths.map((path, i) => [path, best[i]])) : null,
    why,
    binding: best ? bindingSlo(result, runnerUpResult) : null,
    warnings: planWarnings(loaded, result),
    runnerUpFilling: fillingLines(loaded, runnerUpResult),
    runnerUp,
    analyticGuess: Object.fromEntries(paths.map((path, i) => [path, guesses[i]])),
    evaluations,
    result,
    runnerUpResult,
    cost: best ? best.reduce((sum, v, i) => sum + v * prices[i], 0) : null,
    oneLess,
  };
}

/** The queues still filling in a result, as sentences (see `fillingText`). */
function fillingLines(scenario: Scenario, result: RunResult | null): string[] {
  if (!result) return [];
  return fillingQueues(scenario, result).map((queue) => fillingText(queue, result.measuredSeconds));
}

/** The targets of a result's SLOs that do not pass, and "deadlock" when it deadlocked. */
function failingTargets(result: RunResult | null): string[] {
  if (!result) return [];
  const failing = (result.slo ?? []).filter((v) => v.verdict !== 'pass').map((v) => v.target);
  return result.deadlock ? [...failing, 'deadlock'] : failing;
}
