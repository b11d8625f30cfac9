/**
 * SLO-driven sizing: the smallest value of one integer parameter (a queue's consumers or capacity) at which
 * every SLO passes, found by a search that uses monotonicity (more consumers never make a queue slower)
 * instead of a grid. The analytic estimate gives the starting point; the search gallops from it to a
 * bracket [fails, passes] and bisects. Evaluations are remembered, so none is run twice.
 *
 * A setting "meets" the SLOs when every verdict is `pass`: with replications that is a significant pass,
 * so an uncertain verdict counts against the setting (the recommendation is one the data supports).
 */
import type { RunResult } from '../model/run-result.js';
import { applyParameter, type Parameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { estimateScenario } from './estimates.js';
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
  { guess, min, max }: { guess: number; min: number; max: number },
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
      if (next === max) break;
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
  const [section, queue, field] = path.split('.');
  const current = scenario.queues.find((q) => q.name === queue);
  if (section !== 'queues' || !current) return 1;
  if (field !== 'consumers') return current.capacity ?? 1;
  const slos = (scenario.slo ?? []).filter((slo) => slo.scope === 'queue' && slo.name === queue);
  for (let consumers = 1; consumers <= 4096; consumers++) {
    const sized = applyParameter(scenario, { path, unit: 'integer' }, consumers);
    const estimate = estimateScenario(sized)[queue];
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
  /** Each optimised path → its smallest value that meets every SLO (absent when none in range does). */
  recommended: Record<string, number>;
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
  const field = parameter.path.split('.')[2];
  const min = field === 'consumers' ? 1 : 0;
  const results = new Map<number, PlanEvaluation>();
  const passes = async (value: number) => {
    const sized = applyParameter(loaded, { path: parameter.path, unit: 'integer' }, value);
    const { result } = await runStudy(sized, { runner: options.runner });
    const meets = (result.slo ?? []).every((verdict) => verdict.verdict === 'pass');
    results.set(value, { value, meets, result: slimResult(result) });
    return meets;
  };
  const guess = options.guess ?? analyticGuess(loaded, parameter.path);
  const found = await smallestPassing(passes, { guess, min, max: options.max ?? Math.max(4096, guess * 4) });
  return {
    scenario: scenario.name,
    load,
    recommended: found.value === null ? {} : { [parameter.path]: found.value },
    runnerUp: found.runnerUp === null ? {} : { [parameter.path]: found.runnerUp },
    analyticGuess: { [parameter.path]: guess },
    evaluations: found.evaluations,
    result: found.value === null ? null : (results.get(found.value)?.result ?? null),
    runnerUpResult: found.runnerUp === null ? null : (results.get(found.runnerUp)?.result ?? null),
  };
}
