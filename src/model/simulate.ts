import type { Scenario } from '../scenario/types.js';
import { BacklogLimitReached, RunStoppedError } from './backlog-limit.js';
import { Network } from './network.js';
import type { RunProfile, RunResult } from './run-result.js';

export interface SimulationOutcome {
  result: RunResult;
  profile: RunProfile;
}

/** How to run one replication; the defaults give the scenario's own single run. */
export interface SimulateOptions {
  /** Names the random streams: the scenario seed (default), or one derived per replication. */
  streamSeed?: number | string;
  /** Told the fraction of simulated time done, about every 1 % of the run. */
  onProgress?: (fraction: number) => void;
  /** Epoch milliseconds at which the run stops where it is (the time budget); null or absent = none. */
  deadline?: number | null;
}

/** Events between looks at the wall clock (deadline) or reports of progress: a tenth of a second or so. */
const EVENTS_PER_SLICE = 200_000;

/**
 * Runs a scenario once: warm-up, then the measured duration. Same scenario and seed, same result. A run
 * that reaches its deadline stops there; its result covers the measured time up to that point and says so
 * in `partial`.
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationOutcome {
  const network = new Network(scenario, options.streamSeed ?? scenario.seed);
  const { simulation } = network;
  const end = scenario.warmupSeconds + scenario.durationSeconds;
  const deadline = options.deadline ?? null;
  const startedAt = performance.now();
  const finished = withinBacklogLimit(network, () => {
    network.start();
    // Without a warm-up, measuring starts before anything happens (a trace's first record arrives at 0).
    const warmedUp =
      scenario.warmupSeconds <= 0 ||
      runReporting(network, scenario.warmupSeconds, end, options.onProgress, deadline);
    if (!warmedUp) {
      network.startMeasuring(); // stopped in the warm-up: nothing measured
      return false;
    }
    network.startMeasuring();
    return runReporting(network, end, end, options.onProgress, deadline);
  });
  const loopSeconds = (performance.now() - startedAt) / 1000;
  const reached = simulation.now;
  const result = finished
    ? network.result()
    : {
        ...network.result(Math.max(0, reached - scenario.warmupSeconds)),
        partial: {
          reason: 'time-budget' as const,
          simulatedSeconds: reached,
          plannedSeconds: end,
          completedRuns: 0,
          plannedRuns: 1,
        },
      };
  const messages = Object.values(result.flows).reduce((sum, flow) => sum + flow.published, 0);
  const queueArrivals = Object.values(result.queues).reduce((sum, queue) => sum + queue.arrivals, 0);
  return { result, profile: { events: simulation.eventsProcessed, messages, queueArrivals, loopSeconds } };
}

/**
 * Runs the network to `until`, in 1 % steps of `end` when someone is listening for progress. With a
 * listener or a `deadline` (epoch ms) it runs in slices of events, so that progress and the deadline are
 * heard even when 1 % of the run is hours of work; it returns false, the clock where it stopped, once the
 * deadline has passed, and true when `until` was reached.
 */
export function runReporting(
  network: Network,
  until: number,
  end: number,
  onProgress?: (fraction: number) => void,
  deadline: number | null = null,
): boolean {
  const { simulation } = network;
  const advance = (to: number): boolean => {
    if (deadline === null && !onProgress) {
      simulation.runUntil(to, network);
      return true;
    }
    while (!simulation.runUntilOrEvents(to, network, EVENTS_PER_SLICE)) {
      if (deadline !== null && Date.now() >= deadline) return false;
      // A step of 1 % may hold billions of events: tell the listener how far it got meanwhile.
      if (end > 0) onProgress?.(simulation.now / end);
    }
    return deadline === null || Date.now() < deadline || to >= until;
  };
  if (onProgress && end > 0) {
    const step = end / 100;
    for (let next = simulation.now + step; next < until; next += step) {
      if (!advance(next)) return false;
      onProgress(next / end);
    }
  }
  if (!advance(until)) return false;
  onProgress?.(until / end);
  return true;
}

/** Runs `body` on `network`; a run past its backlog limit ends as a RunStoppedError naming the fullest queues. */
export function withinBacklogLimit<T>(network: Network, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!(error instanceof BacklogLimitReached)) throw error;
    const stop = { at: network.simulation.now, limit: error.limit, fullest: network.fullestQueues(3) };
    throw new RunStoppedError(stop);
  }
}
