/**
 * The fuzzing harness: runs a scenario file's bytes as the CLI would (decode, parse, simulate) in-process,
 * with a bound on the events simulated, and sorts what happened into an outcome. Anything thrown that is
 * not a ScenarioError or a run stopped by its backlog limit is a crash.
 */
import { RunStoppedError } from '../../src/model/backlog-limit.js';
import { Network } from '../../src/model/network.js';
import { withinBacklogLimit } from '../../src/model/simulate.js';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';
import type { DistributionSpec, Scenario } from '../../src/scenario/types.js';

/** The fixed fast-check seed of the fuzz suite (FUZZ_SEED overrides it). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261203);

/** Cases of a property: `base` in `npm test`, FUZZ_RUNS=n for a long run. */
export function fuzzRuns(base: number): number {
  const wanted = Number(process.env.FUZZ_RUNS ?? 0);
  return wanted > 0 ? wanted : base;
}

/** Events one fuzz case may simulate: enough to reach every component, few enough to stay in milliseconds. */
export const FUZZ_EVENT_BOUND = 20_000;

/** Messages one fuzz case may hold at once: a bound on its memory, whatever the scenario says. */
export const FUZZ_MAX_BACKLOG = 100_000;

/** What a fuzz case came to. */
export type FuzzOutcome =
  | { kind: 'refused'; templates: string[] }
  | { kind: 'ran'; events: number }
  | { kind: 'stopped' }
  | { kind: 'not run'; why: string }
  | { kind: 'crashed'; error: unknown };

class EventBoundReached extends Error {}

/** Simulates `scenario` for at most FUZZ_EVENT_BOUND events (and its backlog at most FUZZ_MAX_BACKLOG). */
export function boundedSimulate(scenario: Scenario): number {
  const bounded: Scenario = {
    ...scenario,
    maxBacklog: Math.min(scenario.maxBacklog ?? FUZZ_MAX_BACKLOG, FUZZ_MAX_BACKLOG),
  };
  const network = new Network(bounded, bounded.seed);
  const { simulation } = network;
  let events = 0;
  const handler = {
    handleEvent(kind: number, target: number, payload: number): void {
      if (++events > FUZZ_EVENT_BOUND) throw new EventBoundReached();
      network.handleEvent(kind, target, payload);
    },
  };
  const end = bounded.warmupSeconds + bounded.durationSeconds;
  try {
    withinBacklogLimit(network, () => {
      network.start();
      if (bounded.warmupSeconds > 0) simulation.runUntil(bounded.warmupSeconds, handler);
      network.startMeasuring();
      simulation.runUntil(end, handler);
    });
  } catch (error) {
    if (!(error instanceof EventBoundReached)) throw error;
    return events;
  }
  // A result must be buildable from any run, finished or not.
  network.result();
  return events;
}

/** Largest messages one batch publishes in a single event: no bound on events can bound one event. */
export const FUZZ_BATCH_BOUND = 10_000;

/** A rough upper end of a batch-size distribution. */
function largestBatch(spec: DistributionSpec): number {
  switch (spec.kind) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return spec.max;
    case 'empirical':
      return spec.values.reduce((a, b) => Math.max(a, b), 0);
    case 'normal':
      return spec.mean + 10 * spec.sd;
    default:
      return 50 * ('mean' in spec ? spec.mean : spec.scale);
  }
}

/**
 * Why a valid scenario is not simulated here: a batch of a billion messages is one event that runs for
 * minutes (the run-time estimate before a run is for such scenarios, not a crash).
 */
function whyNotRun(scenario: Scenario): string | null {
  for (const producer of scenario.producers)
    if (producer.batch && largestBatch(producer.batch) > FUZZ_BATCH_BOUND) return 'batch too large';
  return null;
}

/** Parses and (when valid) runs one scenario file's bytes; never throws. */
export function fuzzCase(bytes: Buffer): FuzzOutcome {
  try {
    const { scenario } = parseScenario(bytes.toString('utf8'), 'fuzz.yaml');
    const why = whyNotRun(scenario);
    if (why !== null) return { kind: 'not run', why };
    return { kind: 'ran', events: boundedSimulate(scenario) };
  } catch (error) {
    if (error instanceof ScenarioError) {
      return { kind: 'refused', templates: error.problems.map((p) => messageTemplate(p.message)) };
    }
    if (error instanceof RunStoppedError) return { kind: 'stopped' };
    return { kind: 'crashed', error };
  }
}

/** A message with its particulars (quoted text, numbers) blanked, to count the distinct kinds of error. */
export function messageTemplate(message: string): string {
  return message
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/-?\d[\d,.]*(e[+-]?\d+)?/gi, '#')
    .replace(/\s+/g, ' ')
    .slice(0, 80);
}
