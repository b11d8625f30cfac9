/**
 * Sweeps: the same scenario at every point of a grid of parameter values, each point a full study
 * (replications with CIs, SLO verdicts). Every point keeps the scenario's seed — common random numbers, so
 * neighbouring points differ by the parameter rather than by noise — and the points share one task runner,
 * so a worker pool stays busy across points. Results come back in grid order whatever finishes first, so a
 * parallel sweep equals a serial one.
 */
import type { RunResult } from '../model/run-result.js';
import { applyParameter, type Parameter } from '../scenario/parameters.js';
import type { Scenario } from '../scenario/types.js';
import { runStudy, type StudyProfile, type TaskRunner } from './replications.js';

/** One grid point: its parameter values (by path) and its study's result. */
export interface SweepPoint {
  settings: Record<string, number>;
  /** The point's combined result, without time series and histograms (they are per-run detail). */
  result: RunResult;
}

/** A sweep's outcome: plain, JSON-safe data (the `--json` object of `queuesim sweep`). */
export interface SweepResult {
  scenario: string;
  seed: number;
  parameters: Parameter[];
  points: SweepPoint[];
}

/** Every grid point's settings and scenario, the first parameter varying slowest. */
export function planSweep(
  scenario: Scenario,
  parameters: readonly Parameter[],
): Array<{ settings: Record<string, number>; scenario: Scenario }> {
  let points: Array<{ settings: Record<string, number>; scenario: Scenario }> = [{ settings: {}, scenario }];
  for (const parameter of parameters) {
    points = points.flatMap((point) =>
      parameter.values.map((value) => ({
        settings: { ...point.settings, [parameter.path]: value },
        scenario: applyParameter(point.scenario, parameter, value),
      })),
    );
  }
  return points;
}

/** A result without the bulky per-run detail a sweep table or chart never reads. */
export function slimResult(result: RunResult): RunResult {
  const { timeseries: _timeseries, ...rest } = result;
  return {
    ...rest,
    queues: Object.fromEntries(
      Object.entries(rest.queues).map(([name, queue]) => {
        const { latencyHistogram: _histogram, ...kept } = queue;
        return [name, kept];
      }),
    ),
    flows: Object.fromEntries(
      Object.entries(rest.flows).map(([name, flow]) => {
        const { latencyHistogram: _histogram, ...kept } = flow;
        return [name, kept];
      }),
    ),
  };
}

export interface SweepOptions {
  runner: TaskRunner;
  /** Called as points finish: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

/** Runs every point of the grid and returns their results in grid order, with the computation's totals. */
export async function runSweep(
  scenario: Scenario,
  parameters: readonly Parameter[],
  options: SweepOptions,
): Promise<{ result: SweepResult; profile: StudyProfile }> {
  const plan = planSweep(scenario, parameters);
  let done = 0;
  const outcomes = await Promise.all(
    plan.map(async (point) => {
      const outcome = await runStudy(point.scenario, { runner: options.runner });
      options.onProgress?.(++done, plan.length);
      return outcome;
    }),
  );
  const profile: StudyProfile = { runs: 0, events: 0, messages: 0, queueArrivals: 0, loopSeconds: 0 };
  for (const { profile: part } of outcomes) {
    for (const key of Object.keys(profile) as Array<keyof StudyProfile>) profile[key] += part[key];
  }
  return {
    result: {
      scenario: scenario.name,
      seed: scenario.seed,
      parameters: [...parameters],
      points: plan.map((point, index) => ({
        settings: point.settings,
        result: slimResult(outcomes[index].result),
      })),
    },
    profile,
  };
}
