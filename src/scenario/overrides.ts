/** Command-line flags (`--seed`, `--duration`, `--warmup`, `--replications`…) applied over a loaded scenario. */
import { ScenarioError, type ScenarioProblem } from './errors.js';
import { MAX_BATCHES, MAX_REPLICATIONS } from './limits.js';
import * as msg from './messages.js';
import { nonStationaryProducer } from './statistics-checks.js';
import type { Scenario, StatisticsSpec } from './types.js';
import { parseDurationSeconds, parsePrecision } from './units.js';

/** Flag values as the command line gives them; undefined means "not given". */
export interface ScenarioOverrides {
  seed?: string | number;
  duration?: string | number;
  warmup?: string | number;
  replications?: string | number;
  batches?: string | number;
  precision?: string | number;
  maxReplications?: string | number;
  maxDuration?: string | number;
  timeBudget?: string | number;
  maxBacklog?: string | number;
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
  if (overrides.warmup === 'auto') {
    const found = nonStationaryProducer(scenario.producers);
    if (found) reject('--warmup', msg.warmupAutoNonStationary(found.name, found.input));
    result.warmupSeconds = 0;
    result.warmupAuto = true;
  } else if (overrides.warmup !== undefined) {
    const seconds = parseDurationSeconds(overrides.warmup);
    if (seconds === undefined) reject('--warmup', msg.expectedWarmup(overrides.warmup));
    else {
      result.warmupSeconds = seconds;
      delete result.warmupAuto;
    }
  }
  if (overrides.maxBacklog !== undefined) {
    const limit = parseCount(overrides.maxBacklog, 1);
    if (limit === undefined) reject('--max-backlog', msg.expectedInteger('>= 1', overrides.maxBacklog));
    else result.maxBacklog = limit;
  }
  const statistics = statisticsOverrides(scenario.statistics, overrides, reject);
  if (statistics) result.statistics = statistics;

  if (problems.length > 0) throw new ScenarioError(problems);
  return result;
}

/** A count flag: a safe integer >= `min`, as a number or a string of digits. */
function parseCount(value: string | number, min: number): number | undefined {
  const count = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(count) && count >= min ? count : undefined;
}

/** The statistics settings with the flags applied; undefined when neither the file nor a flag has any. */
function statisticsOverrides(
  base: StatisticsSpec | undefined,
  overrides: ScenarioOverrides,
  reject: (flag: string, message: string) => void,
): StatisticsSpec | undefined {
  const flags = [
    overrides.replications,
    overrides.batches,
    overrides.precision,
    overrides.maxReplications,
    overrides.maxDuration,
    overrides.timeBudget,
  ];
  if (flags.every((flag) => flag === undefined)) return base;
  const result: StatisticsSpec = base ? { ...base } : emptyStatistics();
  const count = (flag: string, value: string | number | undefined, min: number, set: (n: number) => void) => {
    if (value === undefined) return;
    const parsed = parseCount(value, min);
    if (parsed === undefined) reject(flag, msg.expectedInteger(`>= ${min}`, value));
    else set(parsed);
  };
  const duration = (flag: string, value: string | number | undefined, set: (s: number) => void) => {
    if (value === undefined) return;
    const parsed = parseDurationSeconds(value);
    if (parsed === undefined) reject(flag, msg.expectedDuration(value));
    else if (parsed <= 0) reject(flag, msg.durationOutOfRange('> 0', value));
    else set(parsed);
  };
  // A flag for one method replaces the file's choice of the other.
  const limited = (flag: string, value: string | number | undefined, limit: number, why: string) => {
    const parsed = value === undefined ? undefined : parseCount(value, 0);
    if (parsed !== undefined && parsed > limit) reject(flag, msg.aboveLimit(parsed, limit, why));
  };
  limited('--replications', overrides.replications, MAX_REPLICATIONS, msg.LIMIT_REASONS.replications);
  limited('--max-replications', overrides.maxReplications, MAX_REPLICATIONS, msg.LIMIT_REASONS.replications);
  limited('--batches', overrides.batches, MAX_BATCHES, msg.LIMIT_REASONS.batches);
  count('--replications', overrides.replications, 1, (n) => {
    result.replications = n;
    if (overrides.batches === undefined && n > 1) result.batches = null;
  });
  count('--batches', overrides.batches, 2, (n) => {
    result.batches = n;
    if (overrides.replications === undefined) result.replications = null;
  });
  if (overrides.precision !== undefined) {
    const precision = parsePrecision(overrides.precision);
    if (precision === undefined) reject('--precision', msg.expectedPrecision(overrides.precision));
    else result.precision = precision;
  }
  count('--max-replications', overrides.maxReplications, 2, (n) => (result.maxReplications = n));
  duration('--max-duration', overrides.maxDuration, (s) => (result.maxDurationSeconds = s));
  duration('--time-budget', overrides.timeBudget, (s) => (result.timeBudgetSeconds = s));
  if (result.batches !== null && result.replications !== null && result.replications > 1) {
    reject('--batches', msg.replicationsAndBatches(result.replications));
  }
  return result;
}

/** Statistics settings with nothing given: one run, no precision, default caps. */
export function emptyStatistics(): StatisticsSpec {
  return {
    replications: null,
    batches: null,
    precision: null,
    maxReplications: null,
    maxDurationSeconds: null,
    timeBudgetSeconds: null,
  };
}
