/**
 * Reading the option values the command line and the library share; a bad value is a located problem
 * (exit 2 on the command line). The library reports the same problems under its own option names.
 */
import { COMMAND_LINE, ScenarioError } from '../scenario/index.js';
import * as msg from '../scenario/messages.js';
import type { Scenario } from '../scenario/types.js';

/** A command-line problem (exit code 2), placed at the flag it is about. */
export function commandLineError(path: string, message: string): ScenarioError {
  return new ScenarioError([{ file: COMMAND_LINE, line: 0, column: 0, path, message, severity: 'error' }]);
}

/** A whole number of at least `least` for `flag`, e.g. `--workers 4`; anything else is bad input. */
export function parseWholeNumber(flag: string, value: string, least: number): number {
  const count = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isSafeInteger(count) && count >= least) return count;
  throw commandLineError(flag, msg.expectedInteger(`>= ${least}`, value));
}

/** `--load x1.5` or `1.5` → 1.5. */
export function parseLoad(value: string | undefined): number {
  if (value === undefined) return 1;
  const factor = Number(value.trim().replace(/^x/, ''));
  if (Number.isFinite(factor) && factor > 0 && value.trim() !== '') return factor;
  throw commandLineError('--load', msg.expectedLoad(value));
}

/** The scenario must have SLOs to size against. */
export function requireSlos(scenario: Scenario): void {
  if ((scenario.slo ?? []).length === 0) throw commandLineError('slo', msg.planNeedsSlo());
}

/** The `file` of problems with a library call's options (the command line's are `<command line>`). */
export const OPTIONS = '<options>';

/** `--max-backlog` → `maxBacklog`: the library option a flag's problem is about. */
function optionName(flag: string): string {
  if (!flag.startsWith('--')) return flag;
  return flag.slice(2).replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Runs `work`, re-placing any command-line problem it throws at the library option of the same meaning
 * (`<options>`, `maxBacklog`), so a library caller reads the names it passed.
 */
export async function withOptionNames<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    if (!error.problems.some((problem) => problem.file === COMMAND_LINE)) throw error;
    throw new ScenarioError(
      error.problems.map((problem) =>
        problem.file === COMMAND_LINE
          ? { ...problem, file: OPTIONS, path: optionName(problem.path) }
          : problem,
      ),
    );
  }
}
