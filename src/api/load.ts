/** Loading a scenario for a study: read, validate, apply the caller's overrides, hand back the warnings. */
import {
  applyOverrides,
  loadScenarioFile,
  parseScenario,
  withActualTraceWarnings,
  type ParsedScenario,
  type ScenarioOverrides,
  type ScenarioProblem,
} from '../scenario/index.js';
import type { Scenario } from '../scenario/types.js';

/** Scenario YAML given as text rather than as a file. */
export interface ScenarioText {
  /** The YAML. */
  text: string;
  /**
   * The name problems are located in, and the file relative trace and samples paths resolve against
   * (default `<text>`: relative to the working directory).
   */
  file?: string;
}

/** What `loadScenario` takes besides the scenario: overrides as the command line's flags give them. */
export interface LoadOptions extends ScenarioOverrides {
  /**
   * Called with the warnings found (each located like an error); called up to twice: once for the file as
   * written, once for the warnings that depend on the run's length after the overrides. Default: ignored.
   */
  onWarnings?: (warnings: ScenarioProblem[]) => void;
}

/** Where a scenario comes from: a file path, or YAML text. */
export type ScenarioSource = string | ScenarioText;

/** The name problems of `source` are located in. */
export function sourceFile(source: ScenarioSource): string {
  return typeof source === 'string' ? source : (source.file ?? '<text>');
}

/**
 * Reads, validates and overrides a scenario; errors are thrown as ScenarioError (every problem, located).
 * Warnings that depend on the run's length are judged on the settings after the overrides.
 */
export async function loadOverriddenScenario(
  source: ScenarioSource,
  options: LoadOptions = {},
): Promise<Scenario> {
  const file = sourceFile(source);
  const parsed: ParsedScenario =
    typeof source === 'string' ? await loadScenarioFile(source) : parseScenario(source.text, file);
  const { scenario, warnings } = parsed;
  const settled = warnings.filter((warning) => warning.code === undefined);
  if (settled.length > 0) options.onWarnings?.(settled);
  const overridden = applyOverrides(scenario, {
    seed: options.seed,
    duration: options.duration,
    warmup: options.warmup,
    replications: options.replications,
    batches: options.batches,
    precision: options.precision,
    maxReplications: options.maxReplications,
    maxDuration: options.maxDuration,
    timeBudget: options.timeBudget,
    maxBacklog: options.maxBacklog,
  });
  const actual = withActualTraceWarnings(overridden, warnings, file).filter((warning) => warning.code);
  if (actual.length > 0) options.onWarnings?.(actual);
  return overridden;
}
