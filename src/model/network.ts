import { RandomStream, Simulation, type EventHandler } from '../engine/index.js';
import { QueueCollector, combineTimeSeries } from '../metrics/index.js';
import type { Scenario } from '../scenario/types.js';
import { ConsumerPool } from './consumer-pool.js';
import { distributionFromSpec } from './distribution-from-spec.js';
import { EVENT_ARRIVAL, EVENT_SERVICE_END } from './events.js';
import { MessagePool } from './message-pool.js';
import { Producer } from './producer.js';
import { Queue } from './queue.js';
import type { QueueResult, RunResult } from './run-result.js';

/** The producers, queues and consumers of a scenario, wired onto one simulation kernel. */
export class Network implements EventHandler {
  readonly simulation = new Simulation();
  private readonly messages = new MessagePool();
  private readonly queues: Queue[] = [];
  private readonly collectors: QueueCollector[] = [];
  private readonly producers: Producer[] = [];

  /** Builds the network; `streamSeed` names the random streams (the scenario seed, or seed/replication). */
  constructor(
    private readonly scenario: Scenario,
    streamSeed: number | string = scenario.seed,
  ) {
    const queueByName = new Map<string, Queue>();
    scenario.queues.forEach((spec, index) => {
      const random = new RandomStream(streamSeed, `queue:${spec.name}/service`);
      const service = spec.service ? distributionFromSpec(spec.service) : null;
      const consumers = new ConsumerPool(spec.consumers, service, random);
      const collector = new QueueCollector();
      const capacity = spec.capacity ?? Infinity;
      const queue = new Queue(
        spec.name,
        index,
        capacity,
        consumers,
        this.simulation,
        this.messages,
        collector,
      );
      this.queues.push(queue);
      this.collectors.push(collector);
      queueByName.set(spec.name, queue);
    });
    scenario.producers.forEach((spec, index) => {
      const destination = queueByName.get(spec.to);
      if (!destination)
        throw new Error(`network: producer '${spec.name}' sends to unknown queue '${spec.to}'`);
      const random = new RandomStream(streamSeed, `producer:${spec.name}/interarrival`);
      const interarrival = distributionFromSpec(spec.interarrival);
      this.producers.push(
        new Producer(spec.name, index, interarrival, random, destination, this.simulation, this.messages),
      );
    });
  }

  /** Dispatches one event from the calendar to the component it targets. */
  handleEvent(kind: number, target: number, payload: number): void {
    if (kind === EVENT_SERVICE_END) {
      this.queues[target].finishService(payload, this.simulation.now);
    } else if (kind === EVENT_ARRIVAL) {
      this.producers[target].emit(this.simulation.now);
    } else {
      throw new Error(`network: unknown event kind ${kind} at t=${this.simulation.now}`);
    }
  }

  /** Schedules every producer's first message. */
  start(): void {
    for (const producer of this.producers) producer.start();
  }

  /** Ends the warm-up: statistics from here on are the measured ones. */
  startMeasuring(): void {
    const { now } = this.simulation;
    for (const collector of this.collectors) collector.startMeasuring(now, this.scenario.durationSeconds);
  }

  /** Messages currently inside the network (waiting or in service). */
  get messagesInFlight(): number {
    return this.messages.inUse;
  }

  /** The measured results so far. */
  result(): RunResult {
    const now = this.simulation.now;
    const queues: Record<string, QueueResult> = {};
    this.scenario.queues.forEach((spec, index) => {
      const stats = this.collectors[index].snapshot(now, spec.consumers);
      const latencyHistogram = this.collectors[index].latencyHistogram();
      queues[spec.name] = { ...stats, consumers: spec.consumers, capacity: spec.capacity, latencyHistogram };
    });
    const named = this.scenario.queues.map((spec, index) => [spec.name, this.collectors[index]] as const);
    return {
      scenario: this.scenario.name,
      seed: this.scenario.seed,
      measuredSeconds: this.scenario.durationSeconds,
      warmupSeconds: this.scenario.warmupSeconds,
      queues,
      timeseries: combineTimeSeries(named, now),
    };
  }
}
