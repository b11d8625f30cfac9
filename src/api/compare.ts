/** Comparisons: the scenarios paired, how many replications, and the library's `compare`. */
import { compareScenarios, type CompareResult } from '../analysis/compare.js';
import { applyOverrides, ScenarioError, type Scenario, type ScenarioOverrides } from '../scenario/index.js';
import { compareNeedsFixedWarmup, compareNeedsTwo } from '../scenario/messages.js';
import { withVariants } from '../scenario/parameters.js';
import { DEFAULT_COMPARE_REPLICATIONS } from './defaults.js';
import { asJson } from './json-shape.js';
import { commandLineError, parseWholeNumber, withOptionNames } from './option-values.js';
import { defaultWorkers, withRunner, type StudyCallOptions } from './runner.js';

/** The scenarios a comparison pairs (each loaded one, then its variants) and how often. */
export interface CompareRequest {
  scenarios: Scenario[];
  replications: number;
  timeBudgetSeconds: number | null;
}

/**
 * Checks a comparison's inputs: two scenarios at least (counting variants), fixed warm-ups, a whole number
 * of replications (default: the first scenario's, else DEFAULT_COMPARE_REPLICATIONS). `files` locate the
 * problems of each loaded scenario.
 */
export function compareRequest(
  loaded: readonly Scenario[],
  files: readonly string[],
  replications: string | undefined,
): CompareRequest {
  // Each file contributes itself, then its variants; the first is the baseline.
  const scenarios = loaded.flatMap(withVariants);
  if (scenarios.length < 2) throw commandLineError('scenarios', compareNeedsTwo(scenarios.length));
  requireFixedWarmups(loaded, files);
  return {
    scenarios,
    replications:
      replications === undefined
        ? (loaded[0].statistics?.replications ?? DEFAULT_COMPARE_REPLICATIONS)
        : parseWholeNumber('--replications', replications, 2),
    timeBudgetSeconds: loaded[0].statistics?.timeBudgetSeconds ?? null,
  };
}

/** Pairs need one warm-up for all: a file with `warmup: auto` is a problem located in that file. */
function requireFixedWarmups(loaded: readonly Scenario[], files: readonly string[]): void {
  const problems = loaded.flatMap((scenario, i) =>
    scenario.warmupAuto
      ? [
          {
            file: files[i],
            line: 0,
            column: 0,
            path: 'warmup',
            message: compareNeedsFixedWarmup(),
            severity: 'error' as const,
          },
        ]
      : [],
  );
  if (problems.length > 0) throw new ScenarioError(problems);
}

/** What `compare` takes: the overrides of `queuesim compare`, its paired replications and threads. */
export interface CompareOptions
  extends Pick<ScenarioOverrides, 'seed' | 'duration' | 'warmup' | 'maxBacklog'>, StudyCallOptions {
  /** Paired replications (default: the first scenario's `statistics.replications`, else 5). */
  replications?: number;
  /** The file each scenario came from, to locate problems (default `<scenario name>`). */
  files?: string[];
}

/**
 * Runs the scenarios (each followed by its variants; the first is the baseline) with common random numbers
 * and returns the object `queuesim compare --json` prints.
 */
export async function compare(
  scenarios: readonly Scenario[],
  options: CompareOptions = {},
): Promise<CompareResult> {
  const request = await withOptionNames(() => {
    const { seed, duration, warmup, maxBacklog } = options;
    const loaded = scenarios.map((scenario) =>
      applyOverrides(scenario, { seed, duration, warmup, maxBacklog }),
    );
    const files = options.files ?? loaded.map((scenario) => `<${scenario.name}>`);
    const replications = options.replications === undefined ? undefined : String(options.replications);
    return compareRequest(loaded, files, replications);
  });
  const { value } = await withRunner(
    request.replications * request.scenarios.length,
    options.workers ?? defaultWorkers(),
    (runner) =>
      compareScenarios(request.scenarios, {
        runner,
        replications: request.replications,
        timeBudgetSeconds: request.timeBudgetSeconds,
      }),
  );
  return asJson(value);
}
