import type { Scenario } from '../scenario/types.js';
import { Network } from './network.js';
import type { RunProfile, RunResult } from './run-result.js';

export interface SimulationOutcome {
  result: RunResult;
  profile: RunProfile;
}

/** Runs a scenario once: warm-up, then the measured duration. Same scenario and seed, same result. */
export function simulate(scenario: Scenario): SimulationOutcome {
  const network = new Network(scenario);
  const { simulation } = network;
  const startedAt = performance.now();
  network.start();
  simulation.runUntil(scenario.warmupSeconds, network);
  network.startMeasuring();
  simulation.runUntil(scenario.warmupSeconds + scenario.durationSeconds, network);
  const loopSeconds = (performance.now() - startedAt) / 1000;
  const result = network.result();
  const messages = Object.values(result.flows).reduce((sum, flow) => sum + flow.published, 0);
  const queueArrivals = Object.values(result.queues).reduce((sum, queue) => sum + queue.arrivals, 0);
  return { result, profile: { events: simulation.eventsProcessed, messages, queueArrivals, loopSeconds } };
}
