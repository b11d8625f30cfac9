/** The scenario module: YAML scenario files → validated, normalised `Scenario` data. */
export {
  MAX_PRINTED_PROBLEMS,
  ScenarioError,
  formatProblems,
  type ScenarioProblem,
  type Severity,
} from './errors.js';
export { scenarioJsonSchema } from './json-schema.js';
export { applyOverrides, COMMAND_LINE, emptyStatistics, type ScenarioOverrides } from './overrides.js';
export { traceShortfalls, withActualTraceWarnings, type TraceShortfall } from './trace-coverage.js';
export { loadScenarioFile, parseScenario, type ParsedScenario } from './parse.js';
export type { RawScenarioInput } from './raw-schema.js';
export type * from './types.js';
export { averageRate, cumulativeArrivals } from './normalise.js';
export { parseBytes, parseDurationSeconds, parsePrecision, parseRatePerSecond } from './units.js';
