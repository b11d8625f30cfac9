/**
 * How big a study is before it starts: the events it will simulate, from the traffic equations, and the
 * wall time that takes at a typical speed. A run of 10^12 seconds, 10^9 messages a second or batches of
 * 10^9 can never finish; the command line refuses such a run unless asked to go ahead (`--yes`).
 *
 * Events per second of simulated time: one per message published (a batch is one arrival event, but each
 * of its messages costs as much work) and one per service attempt at each queue (its completion); a message
 * dropped on arrival costs no event of its own.
 * On the scenarios/ examples this is within 15 % of the events counted (timers, TTL expiries and
 * autoscaler ticks, left out, make up the rest).
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_MAX_BACKLOG } from '../scenario/limits.js';
import { overloadedQueues } from './overload.js';
import { MAX_PILOT_REPLICATIONS, planStudy } from './replications.js';
import { wantsSloBatches } from './slo-batch-intervals.js';
import { serve } from './station.js';
import { solveTraffic } from './traffic-equations.js';
import { CONFIRM_ABOVE_EVENTS, TYPICAL_EVENTS_PER_SECOND } from './run-size-limits.js';

export { CONFIRM_ABOVE_EVENTS, TYPICAL_EVENTS_PER_SECOND };

/** The size of a study, before it runs. */
export interface RunSize {
  /** Events a second of simulated time, one run. */
  eventsPerSecond: number;
  /** Simulated runs (replications, pilot runs for `warmup: auto`, the second pass of batch means…). */
  runs: number;
  /** Events in all runs together, warm-ups included. */
  events: number;
  /** Wall-clock seconds at TYPICAL_EVENTS_PER_SECOND on one thread. */
  wallSeconds: number;
}

/**
 * Events a second of simulated time: producer arrivals plus service attempts at every queue. `traffic` is
 * the scenario's solved traffic, when the caller has it already.
 */
export function eventRate(scenario: Scenario, traffic = solveTraffic(scenario)): number {
  // A batch is one arrival event, but each of its messages is enqueued (or dropped) one by one: as much
  // work as an event, so messages published count here.
  const arrivals = scenario.producers.reduce((sum, producer) => {
    const batch = producer.batch ? Math.max(1, distributionFromSpec(producer.batch).mean) : 1;
    return sum + batch / distributionFromSpec(producer.interarrival).mean;
  }, 0);
  const services = scenario.queues.reduce((sum, queue) => {
    const offered = traffic.get(queue.name)?.arrivalRate ?? 0;
    if (offered === 0 || queue.service === null) return sum;
    // Attempts started per second: the busy consumers over the mean service time.
    const { utilization } = serve(queue, offered);
    return sum + (utilization * queue.consumers) / distributionFromSpec(queue.service).mean;
  }, 0);
  return arrivals + services;
}

/**
 * The events a study will simulate: the event rate × (warm-up + duration) × the runs it plans. With
 * `precision` only the first wave counts (later waves depend on the results); it is a lower bound there.
 */
export function estimateRunSize(scenario: Scenario): RunSize {
  const plan = planStudy(scenario);
  const traffic = solveTraffic(scenario);
  const perSecond = eventRate(scenario, traffic);
  const runSeconds = simulatedSecondsPerRun(scenario, traffic);
  // Batch means measure the same run twice (batches, then whole); a single run with SLOs likewise.
  const measuredRuns =
    plan.method === 'batches'
      ? 2
      : plan.method === 'single' && wantsSloBatches(scenario)
        ? 2
        : plan.replications;
  const pilots = scenario.warmupAuto ? Math.min(plan.replications, MAX_PILOT_REPLICATIONS) : 0;
  const pilotSeconds = Math.min(scenario.durationSeconds, runSeconds);
  const events = perSecond * (measuredRuns * runSeconds + pilots * pilotSeconds);
  return {
    eventsPerSecond: perSecond,
    runs: measuredRuns + pilots,
    events,
    wallSeconds: events / TYPICAL_EVENTS_PER_SECOND,
  };
}

/**
 * When an overloaded scenario's backlogs, growing together, pass the max-backlog and the run stops
 * (RunStoppedError); Infinity when no queue is overloaded.
 */
export function backlogStopSeconds(scenario: Scenario, traffic = solveTraffic(scenario)): number {
  const growth = overloadedQueues(scenario, traffic).reduce(
    (sum, { offered, served }) => sum + offered - served,
    0,
  );
  return growth > 0 ? (scenario.maxBacklog ?? DEFAULT_MAX_BACKLOG) / growth : Infinity;
}

/** Simulated seconds one run lasts: warm-up and duration, or less when the backlog limit stops it. */
function simulatedSecondsPerRun(scenario: Scenario, traffic: ReturnType<typeof solveTraffic>): number {
  return Math.min(scenario.warmupSeconds + scenario.durationSeconds, backlogStopSeconds(scenario, traffic));
}

/** The size of `runs` plain replications of a scenario (compare runs its scenarios this way). */
export function estimateReplications(scenario: Scenario, runs: number): RunSize {
  const traffic = solveTraffic(scenario);
  const runSeconds = simulatedSecondsPerRun(scenario, traffic);
  const perSecond = eventRate(scenario, traffic);
  const events = perSecond * runSeconds * runs;
  return { eventsPerSecond: perSecond, runs, events, wallSeconds: events / TYPICAL_EVENTS_PER_SECOND };
}

/** Several studies (a sweep's points, compare's scenarios) as one: their runs and events added. */
export function totalRunSize(sizes: readonly RunSize[]): RunSize {
  const events = sizes.reduce((sum, size) => sum + size.events, 0);
  return {
    eventsPerSecond: Math.max(0, ...sizes.map((size) => size.eventsPerSecond)),
    runs: sizes.reduce((sum, size) => sum + size.runs, 0),
    events,
    wallSeconds: events / TYPICAL_EVENTS_PER_SECOND,
  };
}
