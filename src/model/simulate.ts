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
}

/** Runs a scenario once: warm-up, then the measured duration. Same scenario and seed, same result. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationOutcome {
  const network = new Network(scenario, options.streamSeed ?? scenario.seed);
  const { simulation } = network;
  const end = scenario.warmupSeconds + scenario.durationSeconds;
  const startedAt = performance.now();
  withinBacklogLimit(network, () => {
    network.start();
    // Without a warm-up, measuring starts before anything happens (a trace's first record arrives at 0).
    if (scenario.warmupSeconds > 0) runReporting(network, scenario.warmupSeconds, end, options.onProgress);
    network.startMeasuring();
    runReporting(network, end, end, options.onProgress);
  });
  const loopSeconds = (performance.now() - startedAt) / 1000;
  const result = network.result();
  const messages = Object.values(result.flows).reduce((sum, flow) => sum + flow.published, 0);
  const queueArrivals = Object.values(result.queues).reduce((sum, queue) => sum + queue.arrivals, 0);
  return { result, profile: { events: simulation.eventsProcessed, messages, queueArrivals, loopSeconds } };
}

/** Runs the network to `until`, in 1 % steps of `end` when someone is listening for progress. */
export function runReporting(
  network: Network,
  until: number,
  end: number,
  onProgress?: (fraction: number) => void,
): void {
  const { simulation } = network;
  if (onProgress && end > 0) {
    const step = end / 100;
    for (let next = simulation.now + step; next < until; next += step) {
      simulation.runUntil(next, network);
      onProgress(next / end);
    }
  }
  simulation.runUntil(until, network);
  onProgress?.(until / end);
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
