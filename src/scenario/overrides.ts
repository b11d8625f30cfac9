/** Command-line flags (`--seed`, `--duration`, `--warmup`) applied over a loaded scenario. */
import { ScenarioError, type ScenarioProblem } from './errors.js';
import * as msg from './messages.js';
import type { Scenario } from './types.js';
import { parseDurationSeconds } from './units.js';

/** Flag values as the command line gives them; undefined means "not given". */
export interface ScenarioOverrides {
  seed?: string | number;
  duration?: string | number;
  warmup?: string | number;
}

/** The `file` of problems that come from flags rather than from a scenario file. */
export const COMMAND_LINE = '<command line>';

/** A seed: a non-negative safe integer, as a number or a string of digits. */
function parseSeed(value: string | number): number | undefined {
  const seed = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(seed) && seed >= 0 ? seed : undefined;
}

/** A copy of `scenario` with the given flags applied; throws ScenarioError naming every bad flag. */
export function applyOverrides(scenario: Scenario, overrides: ScenarioOverrides): Scenario {
  const problems: ScenarioProblem[] = [];
  const reject = (flag: string, message: string) =>
    problems.push({ file: COMMAND_LINE, line: 0, column: 0, path: flag, message, severity: 'error' });
  const result: Scenario = { ...scenario };

  if (overrides.seed !== undefined) {
    const seed = parseSeed(overrides.seed);
    if (seed === undefined) reject('--seed', msg.expectedSeed(overrides.seed));
    else result.seed = seed;
  }
  if (overrides.duration !== undefined) {
    const seconds = parseDurationSeconds(overrides.duration);
    if (seconds === undefined) reject('--duration', msg.expectedDuration(overrides.duration));
    else if (seconds <= 0) reject('--duration', msg.durationOutOfRange('> 0', overrides.duration));
    else result.durationSeconds = seconds;
  }
  if (overrides.warmup !== undefined) {
    const seconds = parseDurationSeconds(overrides.warmup);
    if (seconds === undefined) reject('--warmup', msg.expectedDuration(overrides.warmup));
    else result.warmupSeconds = seconds;
  }

  if (problems.length > 0) throw new ScenarioError(problems);
  return result;
}
