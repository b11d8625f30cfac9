/**
 * `import asyncapi --metrics`: measured rates and consumers from a saved Prometheus query_range response, put
 * on the scenario an AsyncAPI document maps to. Kafka topics take their publish rate from the exporter's
 * partition offsets (summed over partitions) and their consumers from `kafka_consumergroup_members`; the
 * recorded consumer-group lag is written as a check on the simulated one. AMQP queues read RabbitMQ's plugin
 * series exactly as `import rabbitmq --metrics` does (the same functions).
 */
import type { ScenarioProblem } from '../scenario/errors.js';
import type { Commented } from './commented-yaml.js';
import type { MappedScenario, QueueSource } from './asyncapi-model.js';
import { readRangeResponse, summarizeRange, type LagMetrics, type RangeMetrics } from './prometheus-range.js';
import {
  measuredConsumers,
  measuredRate,
  queueMetricsOf,
  unknownSeries,
  type MetricsInput,
  type QueueMetrics,
} from './rabbitmq-metrics.js';

/** The metrics applied: warnings to print and the header line naming the file. */
export interface AppliedMetrics {
  warnings: ScenarioProblem[];
  header: string[];
}

type Entry = Record<string, unknown>;

/** Replaces the mapped scenario's `measure:` rates and consumers with what the metrics recorded (in place). */
export function applyAsyncApiMetrics(mapped: MappedScenario, input: MetricsInput): AppliedMetrics {
  const range = summarizeRange(readRangeResponse(input.text, input.file), input.file);
  const warnings: ScenarioProblem[] = [];
  const { scenario, comments, queueSources } = mapped;
  const queues = scenario.queues as Entry[];

  const amqpNames = new Map<string, string>();
  queueSources.forEach(
    (s, i) => s.amqpQueue !== undefined && amqpNames.set(s.amqpQueue, String(queues[i]!.name)),
  );
  const byQueue = queueMetricsOf(range, input, amqpNames, (queue) =>
    warnings.push(unknownSeries(input.file, `queue '${queue}', which the document does not have`)),
  );
  const byTopic: QueueMetrics = { input, byQueue: range.topics, window: byQueue.window, kind: 'topic' };
  const documentTopics = new Set(queueSources.flatMap((s) => (s.topic === undefined ? [] : [s.topic])));
  for (const topic of range.topics.keys())
    if (!documentTopics.has(topic))
      warnings.push(unknownSeries(input.file, `Kafka topic '${topic}', which the document does not have`));
  const documentGroups = new Set(queueSources.flatMap((s) => (s.group === undefined ? [] : [s.group])));
  for (const group of new Set([...range.groups.keys(), ...range.lags.map((l) => l.group)]))
    if (!documentGroups.has(group))
      warnings.push(unknownSeries(input.file, `consumer group '${group}', which no operation binding names`));

  const set = (path: Commented['path'], comment: string) => comments.push({ path, comment });
  measuredProducers(mapped, byQueue, byTopic, set);
  queues.forEach((queue, i) => {
    const found = measuredQueueConsumers(queue, queueSources[i]!, byQueue, range);
    if (found === undefined) return;
    queue.consumers = found.consumers;
    set(['queues', i, 'consumers'], found.comment);
  });

  if (!input.peak) {
    scenario.duration = `${byQueue.window.seconds}s`;
    set(['duration'], `the recorded window of ${input.file}, ${byQueue.window.from} to ${byQueue.window.to}`);
  }
  return { warnings, header: [`Rates and consumers named after a series come from ${input.file}.`] };
}

/** The recorded lag, and where a run reports the simulated one to compare it with. */
function lagCheck(lag: LagMetrics): string {
  const round = (n: number) => Number(n.toFixed(1));
  return (
    `recorded lag (${lag.series} summed over partitions): mean ${round(lag.mean)}, max ${round(lag.max)}; ` +
    'compare with meanInSystem and partitions.perPartition[].lag of this queue in run --json'
  );
}

type SetComment = (path: Commented['path'], comment: string) => void;

/**
 * Each producer's measured rate: a topic's from its offsets, an AMQP producer's from the queues its messages
 * reach. Producers whose rate comes from the same topic or queue share what was measured there equally.
 */
function measuredProducers(
  mapped: MappedScenario,
  byQueue: QueueMetrics,
  byTopic: QueueMetrics,
  set: SetComment,
): void {
  const producers = mapped.scenario.producers as Entry[];
  // An AMQP producer's rate is its first reached queue's with a published series (measuredRate's pick).
  const keys = mapped.producerSources.map((source) => {
    if ('topic' in source) return `topic\u0000${source.topic}`;
    const measuredAt = source.queues.find((q) => byQueue.byQueue.get(q)?.published !== undefined);
    return `queue\u0000${measuredAt ?? source.queues.join('\u0000')}`;
  });
  const shares = new Map<string, number>();
  for (const key of keys) shares.set(key, (shares.get(key) ?? 0) + 1);
  producers.forEach((producer, i) => {
    const source = mapped.producerSources[i]!;
    const share = shares.get(keys[i]!)!;
    const measured =
      'topic' in source
        ? measuredRate(byTopic, [source.topic], [source.topic], share)
        : measuredRate(byQueue, source.queues, source.queues, share);
    if (measured === undefined) return;
    producer.rate = measured.rate;
    set(['producers', i, 'rate'], measured.comment);
  });
}

/** A consumed queue's measured consumers: RabbitMQ's per-queue count, or a Kafka group's members and lag. */
function measuredQueueConsumers(
  queue: Entry,
  source: QueueSource,
  byQueue: QueueMetrics,
  range: RangeMetrics,
): { consumers: number; comment: string } | undefined {
  if (queue.consumers === undefined) return undefined;
  if (source.topic === undefined) return measuredConsumers(byQueue, String(queue.name));
  const group = source.group === undefined ? undefined : range.groups.get(source.group);
  const lag = range.lags.find((l) => l.group === source.group && l.topic === source.topic);
  if (group === undefined && lag === undefined) return undefined;
  const window = `${byQueue.window.from} to ${byQueue.window.to} (${byQueue.input.file})`;
  const counted = group !== undefined && group.members >= 1;
  const members = counted
    ? `max of ${group.series} of group ${source.group}, ${window}`
    : `measure: consumers per application (no kafka_consumergroup_members for group ${source.group})`;
  return {
    consumers: counted ? Math.round(group.members) : Number(queue.consumers),
    comment: lag === undefined ? members : `${members}; ${lagCheck(lag)}`,
  };
}
