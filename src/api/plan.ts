/** Capacity plans: which settings to search (`--optimize`), at what load, and the library's `plan`. */
import { planCapacity, planCapacityMulti, type MultiPlanResult, type PlanResult } from '../analysis/plan.js';
import type { TaskRunner } from '../analysis/replications.js';
import { applyOverrides, type Scenario, type ScenarioOverrides } from '../scenario/index.js';
import * as msg from '../scenario/messages.js';
import { closestMatch } from '../scenario/suggest.js';
import { asJson } from './json-shape.js';
import { commandLineError, parseLoad, requireSlos, withOptionNames } from './option-values.js';
import { defaultWorkers, parallelTasks, withRunner, type StudyCallOptions } from './runner.js';

/** The settings a plan searches and the load it sizes for. */
export interface PlanRequest {
  /** One path (the smallest passing value) or several (the cheapest passing combination). */
  paths: string[];
  /** Multiple of the written arrival rates. */
  load: number;
}

/** A plan's result: one setting searched, or several with costs. */
export type PlanOutcome = { multi: false; plan: PlanResult } | { multi: true; plan: MultiPlanResult };

/**
 * Checks a plan's inputs: the scenario has SLOs, each `optimize` path is one a plan can search (the
 * consumers of the first queue an SLO names when none is given), no path twice, and `load` is a factor.
 */
export function planRequest(
  scenario: Scenario,
  optimize: readonly string[] | undefined,
  load: string | undefined,
): PlanRequest {
  requireSlos(scenario);
  const given = optimize ?? [undefined];
  const paths = given.map((path) => optimisedPath(scenario, path));
  const twice = paths.find((path, i) => paths.indexOf(path) !== i);
  if (twice !== undefined) throw commandLineError('--optimize', msg.planPathTwice(twice));
  return { paths, load: parseLoad(load) };
}

/** Searches the smallest setting (one path) or the cheapest settings (several) meeting every SLO. */
export async function runPlan(
  scenario: Scenario,
  request: PlanRequest,
  runner: TaskRunner,
): Promise<PlanOutcome> {
  const { paths, load } = request;
  if (paths.length === 1) {
    return { multi: false, plan: await planCapacity(scenario, { path: paths[0] }, { runner, load }) };
  }
  return {
    multi: true,
    plan: await planCapacityMulti(scenario, paths, { runner, load, cost: scenario.cost }),
  };
}

/** `--optimize`, or the consumers of the first queue an SLO names. */
function optimisedPath(scenario: Scenario, optimize: string | undefined): string {
  const known = scenario.queues.flatMap((queue) => [
    `queues.${queue.name}.consumers`,
    `queues.${queue.name}.capacity`,
    // More replicas at the floor or the ceiling never make an autoscaled queue slower.
    ...(queue.autoscale ? [`queues.${queue.name}.autoscale.min`, `queues.${queue.name}.autoscale.max`] : []),
  ]);
  if (optimize === undefined) {
    const queue = scenario.slo?.find((slo) => slo.scope === 'queue')?.name;
    if (queue === undefined) throw commandLineError('--optimize', msg.planNeedsOptimize());
    return `queues.${queue}.consumers`;
  }
  if (!known.includes(optimize)) {
    throw commandLineError(
      '--optimize',
      msg.planPathUnsupported(optimize, known, closestMatch(optimize, known)),
    );
  }
  return optimize;
}

/** What `plan` takes: the `--optimize` paths, `--load`, and the overrides and threads of `queuesim plan`. */
export interface PlanOptions extends ScenarioOverrides, StudyCallOptions {
  /** The setting(s) to size, e.g. `queues.orders.consumers`; default: the consumers of the first queue an SLO names. */
  optimize?: string | string[];
  /** Multiple of the written arrival rates to size for (`1.5` or `'x1.5'`); default 1. */
  load?: number | string;
}

/** What `queuesim plan --json` prints: the plan and the wall-clock seconds the search took. */
export type PlanReport = (PlanResult | MultiPlanResult) & { wallSeconds: number };

/**
 * Searches the smallest setting (or, with several `optimize` paths, the cheapest settings) that meets every
 * SLO and returns the object `queuesim plan --json` prints; `recommended` is null when none does.
 */
export async function plan(scenario: Scenario, options: PlanOptions = {}): Promise<PlanReport> {
  const { overridden, request } = await withOptionNames(() => {
    const overridden = applyOverrides(scenario, options);
    const optimize = typeof options.optimize === 'string' ? [options.optimize] : options.optimize;
    const load = options.load === undefined ? undefined : String(options.load);
    return { overridden, request: planRequest(overridden, optimize, load) };
  });
  const { value, wallSeconds } = await withRunner(
    parallelTasks(overridden),
    options.workers ?? defaultWorkers(),
    (runner) => runPlan(overridden, request, runner),
  );
  return asJson({ ...value.plan, wallSeconds });
}
