/** Sweeps: the grid `--vary` names, its points' own trace warnings, and the library's `sweep`. */
import { planSweep, runSweep, type SweepResult } from '../analysis/sweep.js';
import {
  applyOverrides,
  traceShortfalls,
  withActualTraceWarnings,
  type Scenario,
  type ScenarioOverrides,
  type ScenarioProblem,
} from '../scenario/index.js';
import { parseParameters, type Parameter } from '../scenario/parameters.js';
import { asJson } from './json-shape.js';
import { withOptionNames } from './option-values.js';
import { defaultWorkers, parallelTasks, withRunner, type StudyCallOptions } from './runner.js';

/** A sweep's parameters and every point of its grid. */
export interface SweepGrid {
  parameters: Parameter[];
  grid: Array<{ settings: Record<string, number>; scenario: Scenario }>;
}

/** The parameters `vary` names (`queues.orders.consumers=1..8`, …) and the grid they span. */
export function sweepGrid(scenario: Scenario, vary: readonly string[]): SweepGrid {
  const parameters = parseParameters(scenario, vary);
  return { parameters, grid: planSweep(scenario, parameters) };
}

/**
 * The trace-coverage warnings of each sweep point whose settings change them (a rate multiple replays a
 * trace faster); the base scenario's own warnings were given when it was loaded.
 */
export function sweepPointWarnings(
  base: Scenario,
  grid: SweepGrid['grid'],
  file: string,
): Array<{ settings: Record<string, number>; warnings: ScenarioProblem[] }> {
  const key = (scenario: Scenario) => JSON.stringify(traceShortfalls(scenario));
  const baseKey = key(base);
  return grid.flatMap((point) => {
    if (key(point.scenario) === baseKey) return [];
    const warnings = withActualTraceWarnings(point.scenario, [], file);
    return warnings.length === 0 ? [] : [{ settings: point.settings, warnings }];
  });
}

/** What `sweep` takes: the `--vary` specs, and the overrides and threads of `queuesim sweep`. */
export interface SweepOptions extends ScenarioOverrides, StudyCallOptions {
  /** One spec per parameter, as `--vary` takes them: `queues.orders.consumers=1..8`, `producers.web.rate=x1,x2`. */
  vary: string[];
  /** Called as grid points finish: how many of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Called with the trace-coverage warnings of a point whose settings change them. */
  onWarnings?: (warnings: ScenarioProblem[], settings: Record<string, number>) => void;
}

/** Runs every point of the grid and returns the object `queuesim sweep --json` prints. */
export async function sweep(scenario: Scenario, options: SweepOptions): Promise<SweepResult> {
  const { overridden, parameters, grid } = await withOptionNames(() => {
    const overridden = applyOverrides(scenario, options);
    return { overridden, ...sweepGrid(overridden, options.vary) };
  });
  for (const point of sweepPointWarnings(overridden, grid, `<${overridden.name}>`))
    options.onWarnings?.(point.warnings, point.settings);
  const { value } = await withRunner(
    grid.length * parallelTasks(overridden),
    options.workers ?? defaultWorkers(),
    (runner) => runSweep(overridden, parameters, { runner, onProgress: options.onProgress }),
  );
  return asJson(value.result);
}
