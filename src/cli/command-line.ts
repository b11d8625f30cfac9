/** Reading the flags every handler shares; a bad value is a located command-line problem (exit 2). */
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
