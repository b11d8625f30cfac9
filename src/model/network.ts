import { RandomStream, Simulation, type EventHandler } from '../engine/index.js';
import {
  FlowCollector,
  PartitionCollector,
  QueueCollector,
  combineTimeSeries,
  type TopicStats,
} from '../metrics/index.js';
import type { Scenario } from '../scenario/types.js';
import { DuplicateGroups } from './duplicate-groups.js';
import type { Autoscaler } from './autoscaler.js';
import { DeadlockWatch } from './deadlock-watch.js';
import {
  EVENT_ARRIVAL,
  EVENT_AUTOSCALE_POLL,
  EVENT_CONSUMER_STARTED,
  EVENT_EXPIRY_CHECK,
  EVENT_REBALANCE_END,
  EVENT_REDELIVERY,
  EVENT_SERVICE_END,
  EVENT_TIMEOUT,
  NO_PUBLISHER,
  OFFER_BLOCKED,
} from './events.js';
import type { Destination } from './destination.js';
import type { ElasticConsumers } from './elastic-consumers.js';
import type { Exchange } from './exchange.js';
import { FLAG_BACKLOG, MessagePool } from './message-pool.js';
import { DEFAULT_MAX_BACKLOG } from '../scenario/limits.js';
import { buildComponents } from './network-builder.js';
import type { Producer } from './producer.js';
import { Queue } from './queue.js';
import type { RouteTracking } from './route-tracking.js';
import type { MessageRouter } from './routing.js';
import type { FlowResult, QueueResult, RunResult } from './run-result.js';
import type { Topic } from './topic.js';

/**
 * The producers, exchanges, queues and consumers of a scenario, wired onto one simulation kernel.
 * It dispatches calendar events to components and routes messages between them.
 */
export class Network implements EventHandler, MessageRouter {
  readonly simulation = new Simulation();
  private readonly messages: MessagePool;
  private readonly producers: Producer[];
  /** Queues and topics by destination number. */
  private readonly queues: Array<Destination & ElasticConsumers>;
  private readonly topics: Array<Topic | null>;
  private readonly partitionCollectors: Array<PartitionCollector | null>;
  private readonly exchanges: Exchange[];
  private readonly queueCollectors: QueueCollector[];
  private readonly flowCollectors: FlowCollector[];
  private readonly routes: RouteTracking | null;
  private readonly autoscalers: Array<Autoscaler | null>;
  /** For publisher codes of workers (≥ number of producers): their queue and worker index. */
  private readonly publisherQueue: Int32Array;
  private readonly publisherWorker: Int32Array;
  /** Plain queues by destination number (null for topics): where publishers can be blocked. */
  private readonly plainQueues: Array<Queue | null>;
  private readonly deadlocks: DeadlockWatch;

  /** Builds the network; `streamSeed` names the random streams (the scenario seed, or seed/replication). */
  constructor(
    private readonly scenario: Scenario,
    streamSeed: number | string = scenario.seed,
  ) {
    this.messages = new MessagePool(scenario.maxBacklog ?? DEFAULT_MAX_BACKLOG);
    const parts = buildComponents(scenario, {
      simulation: this.simulation,
      messages: this.messages,
      duplicates: new DuplicateGroups(),
      router: this,
      random: (name) => new RandomStream(streamSeed, name),
    });
    this.producers = parts.producers;
    this.queues = parts.queues;
    this.topics = parts.topics;
    this.partitionCollectors = parts.partitionCollectors;
    this.exchanges = parts.exchanges;
    this.queueCollectors = parts.queueCollectors;
    this.flowCollectors = parts.flowCollectors;
    this.routes = parts.routes;
    this.autoscalers = parts.autoscalers;
    this.publisherQueue = parts.publisherQueue;
    this.publisherWorker = parts.publisherWorker;
    this.plainQueues = this.queues.map((queue) => (queue instanceof Queue ? queue : null));
    const producerCount = this.producers.length;
    this.deadlocks = new DeadlockWatch(
      // An autoscaler may add a consumer that breaks the wait: its queue never counts as stalled.
      this.plainQueues.map((queue, index) => (scenario.queues[index].autoscale ? null : queue)),
      scenario.queues.map((spec) => spec.name),
      (publisher) => (publisher < producerCount ? -1 : this.publisherQueue[publisher]),
    );
  }

  /** The queues holding the most waiting messages now, most first (for a run stopped by its backlog limit). */
  fullestQueues(count: number): Array<{ queue: string; waiting: number }> {
    return this.queues
      .map((queue, index) => ({ queue: this.scenario.queues[index].name, waiting: queue.waitingMessages() }))
      .filter((entry) => entry.waiting > 0)
      .sort((a, b) => b.waiting - a.waiting)
      .slice(0, count);
  }

  /** Dispatches one event from the calendar to the component it targets. */
  handleEvent(kind: number, target: number, payload: number): void {
    const now = this.simulation.now;
    switch (kind) {
      case EVENT_SERVICE_END:
        this.queues[target].finishService(payload, now);
        break;
      case EVENT_ARRIVAL:
        this.producers[target].emit(now);
        break;
      case EVENT_REDELIVERY:
        this.queues[target].redeliver(payload, now);
        break;
      case EVENT_TIMEOUT:
        this.queues[target].timeOut(payload, now);
        break;
      case EVENT_EXPIRY_CHECK:
        this.queues[target].checkExpiry(now);
        break;
      case EVENT_AUTOSCALE_POLL:
        (this.autoscalers[target] as Autoscaler).poll(now, payload);
        break;
      case EVENT_CONSUMER_STARTED:
        (this.autoscalers[target] as Autoscaler).consumerStarted(now);
        break;
      case EVENT_REBALANCE_END:
        (this.topics[target] as Topic).endRebalance(now);
        break;
      default:
        throw new Error(`network: unknown event kind ${kind} at t=${now}`);
    }
  }

  publish(message: number, destination: number, publisher: number, now: number): number {
    const queues = this.queues;
    if (destination < queues.length) {
      return queues[destination].offer(message, now, publisher) === OFFER_BLOCKED ? 1 : 0;
    }
    const exchange = this.exchanges[destination - queues.length];
    const targets = exchange.targetsFor(this.messages.type[message]);
    if (targets.length === 0) {
      exchange.unroutable(message, this.messages, this.flowCollectors);
      return 0;
    }
    let blocked = 0;
    // Every bound queue but the last gets a copy; the last one takes the original.
    for (let i = 0; i < targets.length; i++) {
      const copy = i < targets.length - 1 ? this.messages.copy(message) : message;
      if (queues[targets[i]].offer(copy, now, publisher) === OFFER_BLOCKED) blocked++;
    }
    return blocked;
  }

  deliveryUnblocked(publisher: number, now: number): void {
    if (publisher === NO_PUBLISHER) return;
    if (publisher < this.producers.length) {
      this.producers[publisher].deliveryUnblocked(now);
    } else {
      this.queues[this.publisherQueue[publisher]].workerUnblocked(this.publisherWorker[publisher], now);
    }
  }

  consumersStalled(destination: number, now: number): void {
    this.deadlocks.consumersStalled(destination, now);
  }

  /** Puts each queue's initial backlog in place, then schedules every producer's first message. */
  start(): void {
    this.scenario.queues.forEach((spec, index) => {
      const now = this.simulation.now;
      for (let i = 0; i < (spec.backlog ?? 0); i++) {
        // A backlog message belongs to no producer's flow: it is flagged so no flow counts it.
        const message = this.messages.allocate(now, 0, -1, 0, 0);
        this.messages.flags[message] = FLAG_BACKLOG;
        this.queues[index].offer(message, now, NO_PUBLISHER);
      }
    });
    for (const producer of this.producers) producer.start();
    for (const autoscaler of this.autoscalers) autoscaler?.start();
  }

  /** Writes each queue's ∫(number in system)dt since measuring started into `into`, by queue index. */
  integratedInSystem(into: Float64Array): void {
    for (let i = 0; i < this.queueCollectors.length; i++) {
      into[i] = this.queueCollectors[i].integratedInSystem(this.simulation.now);
    }
  }

  /** The topic of that name (for tests that watch it), or undefined when there is no such topic. */
  topic(name: string): Topic | undefined {
    const index = this.scenario.queues.findIndex((spec) => spec.name === name);
    return this.topics[index] ?? undefined;
  }

  /** The consumers an autoscaler can resize, by queue or topic name (for tests that drive them). */
  elasticConsumers(name: string): ElasticConsumers | undefined {
    return this.queues[this.scenario.queues.findIndex((spec) => spec.name === name)];
  }

  /** Ends the warm-up: statistics from here on are the measured ones. */
  startMeasuring(): void {
    const now = this.simulation.now;
    for (const collector of this.queueCollectors)
      collector.startMeasuring(now, this.scenario.durationSeconds);
    for (const collector of this.partitionCollectors) collector?.startMeasuring(now);
    for (const collector of this.flowCollectors) collector.startMeasuring(now);
    this.routes?.startMeasuring();
    for (const exchange of this.exchanges) exchange.startMeasuring();
    for (const autoscaler of this.autoscalers) autoscaler?.startMeasuring();
  }

  /** The measured results so far; `measuredSeconds` is less than the duration for a run cut short. */
  result(measuredSeconds = this.scenario.durationSeconds): RunResult {
    const now = this.simulation.now;
    const queues: Record<string, QueueResult> = {};
    this.scenario.queues.forEach((spec, index) => {
      const collector = this.queueCollectors[index];
      const stats = collector.snapshot(now);
      const autoscaler = this.autoscalers[index];
      const topic = this.topics[index];
      const partitions = this.partitionCollectors[index];
      queues[spec.name] = {
        ...stats,
        blockedSeconds: stats.blockedSeconds + this.openBlockedSeconds(index, now),
        consumerBlockedSeconds: stats.consumerBlockedSeconds + this.openConsumerBlockedSeconds(index, now),
        consumers: spec.consumers,
        capacity: spec.capacity,
        overflow: spec.overflow,
        ...(autoscaler && spec.autoscale
          ? {
              autoscale: {
                range: [spec.autoscale.min, spec.autoscale.max] as [number, number],
                meanConsumers: measuredSeconds > 0 ? stats.consumerSeconds / measuredSeconds : 0,
                ...autoscaler.snapshot(),
              },
            }
          : {}),
        ...(topic && partitions
          ? topicFields(partitions.snapshot(now, topic.owners, topic.idleConsumers))
          : {}),
        latencyHistogram: collector.latencyHistogram(),
      };
    });
    const flows = this.flowResults(now);
    const exchanges = Object.fromEntries(
      this.exchanges.map((exchange) => [exchange.name, exchange.snapshot()]),
    );
    const deadlock = this.deadlocks.deadlock;
    const named = this.scenario.queues.map(
      (spec, index) => [spec.name, this.queueCollectors[index]] as const,
    );
    return {
      scenario: this.scenario.name,
      seed: this.scenario.seed,
      measuredSeconds,
      warmupSeconds: this.scenario.warmupSeconds,
      queues,
      flows,
      ...(this.routes ? { routes: this.routes.results() } : {}),
      exchanges,
      timeseries: combineTimeSeries(named, now),
      ...(deadlock ? { deadlock: { at: deadlock.at, queues: [...deadlock.queues] } } : {}),
    };
  }

  /** Each producer's flow at `now`, by producer name. */
  private flowResults(now: number): Record<string, FlowResult> {
    return Object.fromEntries(
      this.scenario.producers.map((spec, index) => {
        const collector = this.flowCollectors[index];
        const stats = collector.snapshot();
        // A producer still blocked at the end has been blocked all that time too.
        const since = this.producers[index].openBlockSince();
        if (since !== null) stats.blockedSeconds += collector.blockedWithin(since, now);
        const flow: FlowResult = { ...stats, latencyHistogram: collector.latencyHistogram() };
        return [spec.name, flow];
      }),
    );
  }

  /** Blocked time of the deliveries still waiting on queue `index` at `now`, within the measured interval. */
  private openBlockedSeconds(index: number, now: number): number {
    const queue = this.plainQueues[index];
    if (queue === null) return 0;
    const collector = this.queueCollectors[index];
    return queue.openBlocksSince().reduce((sum, since) => sum + collector.blockedWithin(since, now), 0);
  }

  /** Blocked time of queue `index`'s consumers still blocked on an onward publish at `now`, measured part. */
  private openConsumerBlockedSeconds(index: number, now: number): number {
    const consumersOf = this.plainQueues[index] ?? this.topics[index];
    if (consumersOf === null) return 0;
    const collector = this.queueCollectors[index];
    return consumersOf
      .openConsumerBlocksSince()
      .reduce((sum, since) => sum + collector.blockedWithin(since, now), 0);
  }
}

/** A topic's own fields: its partitions block and its busiest consumer's utilisation beside `utilization`. */
function topicFields(partitions: TopicStats): Pick<QueueResult, 'partitions' | 'busiestConsumerUtilization'> {
  return { busiestConsumerUtilization: partitions.busiestConsumer?.utilization ?? null, partitions };
}
