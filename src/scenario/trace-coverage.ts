/**
 * Whether each trace lasts as long as the run, checked on the scenario as it will run: after `--duration`
 * or `--warmup`, and at every sweep point (a rate multiple replays a trace faster). The load-time check
 * (trace-check.ts) can only read the file's own `duration`, so its warning is replaced by this one.
 */
import type { ScenarioProblem } from './errors.js';
import * as msg from './messages.js';
import type { Scenario } from './types.js';

/** A trace covering less of the run than this share leaves its producer silent for long enough to matter. */
export const COVERAGE_WARNED = 0.95;

/** A producer whose trace (without `loop`) ends before the run does. */
export interface TraceShortfall {
  /** Index of the producer in the scenario. */
  index: number;
  producer: string;
  /** When the trace's last record arrives, simulated seconds (its span over its speedup). */
  traceSeconds: number;
  /** Warm-up plus measured time, seconds. */
  runSeconds: number;
}

/** Every trace producer of `scenario` whose replay ends well before its run does. */
export function traceShortfalls(scenario: Scenario): TraceShortfall[] {
  const runSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  return scenario.producers.flatMap((producer, index) => {
    const trace = producer.trace;
    if (!trace || trace.loop) return [];
    const traceSeconds = trace.spanSeconds / trace.speedup;
    return traceSeconds < COVERAGE_WARNED * runSeconds
      ? [{ index, producer: producer.name, traceSeconds, runSeconds }]
      : [];
  });
}

/**
 * The load-time warnings with each trace's coverage judged again on the scenario as it will run: a
 * warning the file's settings raised goes when the actual run is short enough, one they did not raise is
 * added (at the same place when the file had it), and the figures are the actual ones.
 */
export function withActualTraceWarnings(
  scenario: Scenario,
  warnings: readonly ScenarioProblem[],
  file: string,
): ScenarioProblem[] {
  const kept = warnings.filter((warning) => warning.code !== 'trace-ends-before-run');
  const fresh = traceShortfalls(scenario).map((shortfall): ScenarioProblem => {
    const path = `producers[${shortfall.index}].trace`;
    const earlier = warnings.find((warning) => warning.path === path);
    return {
      file,
      line: earlier?.line ?? 0,
      column: earlier?.column ?? 0,
      path,
      message: msg.traceEndsBeforeRun(shortfall.producer, shortfall.traceSeconds, shortfall.runSeconds),
      severity: 'warning',
      code: 'trace-ends-before-run',
    };
  });
  return [...kept, ...fresh];
}
