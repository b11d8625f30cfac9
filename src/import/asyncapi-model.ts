/**
 * An AsyncAPI document (2.x or 3.x) reduced to what queuesim maps, and the mapping itself: pure functions over
 * plain data, so they are testable without the parser. AMQP channel bindings follow the AMQP 0-9-1 binding
 * (github.com/asyncapi/bindings/tree/master/amqp): `is: routingKey` names an exchange (and the channel's
 * address is the routing key), `is: queue` a queue. Kafka channel bindings follow the Kafka binding
 * (github.com/asyncapi/bindings/tree/master/kafka): `topic`, `partitions`, `topicConfiguration.retention.ms`.
 */
import type { Path } from '../scenario/positions.js';
import type { Commented } from './commented-yaml.js';

/** A channel with the binding queuesim reads. */
export interface ApiChannel {
  id: string;
  address: string;
  /** Names (or ids) of the messages the channel carries: a queue channel is bound where they are sent. */
  messages: string[];
  amqp?: {
    is: 'routingKey' | 'queue';
    exchange?: { name: string; type: string };
    queue?: { name: string };
  };
  kafka?: { topic?: string; partitions?: number; retentionMs?: number };
  path: Path;
}

/** A send or receive operation, with the application doing it (its first tag, else its id). */
export interface ApiOperation {
  id: string;
  action: 'send' | 'receive';
  channel: string;
  application: string;
  /** A Kafka consumer group (operation binding `groupId`: its const, first enum value or default). */
  groupId?: string;
  path: Path;
}

export interface ApiDocument {
  version: string;
  title: string;
  channels: ApiChannel[];
  operations: ApiOperation[];
}

/** Defaults for what a document cannot say, each written with "measure: …". */
export const API_DEFAULTS = { rate: '10/s', service: '10ms', consumers: 1 } as const;

/** What a written queue is on the broker, so measurements can be put on it. */
export interface QueueSource {
  /** The RabbitMQ queue's name (a queue channel's binding `queue.name`, else its address). */
  amqpQueue?: string;
  /** The Kafka topic and the consumer group this queue stands for. */
  topic?: string;
  group?: string;
}

/** Where a written producer's messages go on the broker. */
export type ProducerSource =
  | { topic: string }
  /** The scenario queues each of its messages reaches. */
  | { queues: string[] };

export interface MappedScenario {
  scenario: Record<string, unknown>;
  comments: Commented[];
  notes: string[];
  /** Per written queue (same order as `scenario.queues`). */
  queueSources: QueueSource[];
  /** Per written producer (same order as `scenario.producers`). */
  producerSources: ProducerSource[];
}

interface QueueEntry {
  name: string;
  source: QueueSource;
  consumers?: number;
  service?: string;
  partitions?: number;
  retention?: string;
  comment: string;
  consumerComment?: string;
  partitionsComment?: string;
  retentionComment?: string;
}

interface ExchangeEntry {
  name: string;
  type: string;
  to: Map<string, string[]>;
  comment: string;
}

/** Scenario names hold letters, digits, `_ . -` only. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9_.-]/g, '-');

/** The document as a scenario object with the comment for each written value. */
export function mapAsyncApi(api: ApiDocument, file: string): MappedScenario {
  return new AsyncApiMapping(api).map(file);
}

/** The queues and exchanges the channels make, built channel by channel. */
class AsyncApiMapping {
  readonly notes: string[] = [];
  readonly queues = new Map<string, QueueEntry>();
  readonly exchanges = new Map<string, ExchangeEntry>();
  readonly byId: Map<string, ApiChannel>;

  constructor(readonly api: ApiDocument) {
    this.byId = new Map(api.channels.map((c) => [c.id, c]));
  }

  map(file: string): MappedScenario {
    for (const channel of this.api.channels) {
      if (channel.amqp?.is === 'queue') this.queueChannel(channel, channel.amqp);
      else if (channel.amqp?.is === 'routingKey') this.routingKeyChannel(channel, channel.amqp);
      else if (channel.kafka) this.kafkaChannel(channel, channel.kafka);
      else this.notes.push(`channel ${channel.id}: no amqp or kafka binding`);
    }
    this.bindQueueChannels();
    const comments: Commented[] = [];
    const producers = this.producers(comments);
    return this.write(file, producers, comments);
  }

  private receivers(channel: ApiChannel): ApiOperation[] {
    return this.api.operations.filter((op) => op.action === 'receive' && op.channel === channel.id);
  }

  private consumed(entry: QueueEntry, ops: ApiOperation[]): void {
    if (ops.length === 0) return;
    entry.consumers = ops.length * API_DEFAULTS.consumers;
    entry.service = API_DEFAULTS.service;
    entry.consumerComment = `received by ${ops.map((o) => `${o.application} (operation ${o.id})`).join(', ')}; measure: consumers per application and service time`;
  }

  private exchangeOf(channel: ApiChannel): ExchangeEntry | undefined {
    const declared = channel.amqp?.exchange;
    if (!declared) return undefined;
    const name = safeName(declared.name);
    const entry = this.exchanges.get(name) ?? {
      name,
      type: declared.type,
      to: new Map<string, string[]>(),
      comment: `${declared.type} exchange ${declared.name} (channel ${channel.id}, amqp binding exchange)`,
    };
    this.exchanges.set(name, entry);
    return entry;
  }

  private bind(exchange: ExchangeEntry, queue: string, key: string): void {
    const keys = exchange.to.get(queue) ?? [];
    if (exchange.type !== 'fanout' && !keys.includes(key)) keys.push(key);
    exchange.to.set(queue, keys);
  }

  private queueChannel(channel: ApiChannel, amqp: NonNullable<ApiChannel['amqp']>): void {
    const name = safeName(amqp.queue?.name ?? channel.address);
    const entry: QueueEntry = {
      name,
      source: { amqpQueue: amqp.queue?.name ?? channel.address },
      comment: `queue ${name} (channel ${channel.id}, amqp binding queue)`,
    };
    this.queues.set(name, entry);
    this.consumed(entry, this.receivers(channel));
  }

  private routingKeyChannel(channel: ApiChannel, amqp: NonNullable<ApiChannel['amqp']>): void {
    const type = amqp.exchange?.type;
    if (type === 'headers')
      this.notes.push(`channel ${channel.id}: a headers exchange (messages carry no headers)`);
    else if (type !== 'default' && amqp.exchange) this.exchangeOf(channel);
    const ops = this.receivers(channel);
    const exchange = type === 'default' || type === 'headers' ? undefined : this.exchangeOf(channel);
    for (const op of ops) {
      // A consumer of a routing key reads from a queue the document does not name: one per application.
      const name = safeName(`${exchange?.name ?? channel.address}.${op.application}`);
      const entry: QueueEntry = {
        name,
        source: {},
        comment: `the queue ${op.application} consumes ${channel.address} from (unnamed in the document)`,
      };
      this.queues.set(name, entry);
      this.consumed(entry, [op]);
      if (exchange) this.bind(exchange, name, channel.address);
    }
  }

  private kafkaChannel(channel: ApiChannel, kafka: NonNullable<ApiChannel['kafka']>): void {
    const topic = safeName(kafka.topic ?? channel.address);
    const groups = [...new Set(this.receivers(channel).map((op) => op.groupId ?? op.application))];
    const names = groups.length <= 1 ? [topic] : groups.map((g) => safeName(`${topic}.${g}`));
    if (groups.length > 1) {
      this.exchanges.set(topic, {
        name: topic,
        type: 'fanout',
        to: new Map(names.map((n) => [n, []])),
        comment: `Kafka topic ${topic}: every consumer group reads every record, so one topic per group`,
      });
    }
    names.forEach((name, i) => {
      const group = groups[i];
      const entry: QueueEntry = {
        name,
        source: { topic: kafka.topic ?? channel.address, ...(group ? { group } : {}) },
        comment: `Kafka topic ${topic} (channel ${channel.id})${group ? `, consumer group ${group}` : ''}`,
        partitions: kafka.partitions ?? 1,
        partitionsComment:
          kafka.partitions !== undefined
            ? 'kafka binding partitions'
            : "no kafka binding partitions: Kafka's default num.partitions 1",
      };
      const retention = kafka.retentionMs;
      if (retention !== undefined && retention >= 0) {
        entry.retention = retention % 3_600_000 === 0 ? `${retention / 3_600_000}h` : `${retention}ms`;
        entry.retentionComment = 'kafka binding topicConfiguration retention.ms';
      }
      this.queues.set(name, entry);
      this.consumed(
        entry,
        this.receivers(channel).filter((op) => (op.groupId ?? op.application) === group),
      );
    });
  }

  /** A queue channel is bound wherever the messages it carries are sent with a routing key. */
  private bindQueueChannels(): void {
    for (const channel of this.api.channels.filter((c) => c.amqp?.is === 'queue')) {
      const queue = safeName(channel.amqp?.queue?.name ?? channel.address);
      for (const source of this.api.channels.filter((c) => c.amqp?.is === 'routingKey')) {
        const exchange = source.amqp?.exchange && this.exchanges.get(safeName(source.amqp.exchange.name));
        if (exchange && source.messages.some((m) => channel.messages.includes(m)))
          this.bind(exchange, queue, source.address);
      }
    }
  }

  private producers(
    comments: Commented[],
  ): Array<{ entry: Record<string, unknown>; source: ProducerSource }> {
    return this.api.operations
      .filter((op) => op.action === 'send')
      .flatMap((op) => {
        const channel = this.byId.get(op.channel);
        if (!channel) return [];
        const target = sendTarget(channel, this.exchanges);
        if (!target) {
          this.notes.push(`operation ${op.id}: its channel ${op.channel} has no queue, exchange or topic`);
          return [];
        }
        return [{ op, ...target }];
      })
      .map((p, i) => {
        comments.push({
          path: ['producers', i, 'name'],
          comment: `${p.op.application} sends (operation ${p.op.id})`,
        });
        comments.push({
          path: ['producers', i, 'rate'],
          comment: 'measure: the publish rate (not in the document)',
        });
        if (p.types)
          comments.push({
            path: ['producers', i, 'types'],
            comment: `routing key: channel ${p.op.channel} address`,
          });
        return {
          entry: {
            name: safeName(`${p.op.application}.${p.op.id}`),
            to: p.to,
            rate: API_DEFAULTS.rate,
            ...(p.types ? { types: { [p.types]: 1 } } : {}),
          },
          source: p.topic !== undefined ? { topic: p.topic } : { queues: this.reached(p.to, p.types) },
        };
      });
  }

  /** The queues a message sent to `to` (an exchange or a queue) with routing key `key` reaches. */
  private reached(to: string, key: string | undefined): string[] {
    const exchange = this.exchanges.get(to);
    if (!exchange) return [to];
    return [...exchange.to]
      .filter(
        ([, keys]) =>
          exchange.type === 'fanout' ||
          keys.some((k) => (exchange.type === 'topic' ? routingKeyMatches(k, key ?? '') : k === key)),
      )
      .map(([queue]) => queue);
  }

  private write(
    file: string,
    producers: Array<{ entry: Record<string, unknown>; source: ProducerSource }>,
    comments: Commented[],
  ): MappedScenario {
    const exchangeList = [...this.exchanges.values()].filter((e) => e.to.size > 0);
    exchangeList.forEach((e, i) => comments.push({ path: ['exchanges', i, 'name'], comment: e.comment }));
    const queueList = [...this.queues.values()];
    queueList.forEach((q, i) => {
      const at = (key: string): Path => ['queues', i, key];
      comments.push({ path: at('name'), comment: q.comment });
      if (q.partitionsComment) comments.push({ path: at('partitions'), comment: q.partitionsComment });
      if (q.retentionComment) comments.push({ path: at('retention'), comment: q.retentionComment });
      if (q.consumerComment) {
        comments.push({ path: at('consumers'), comment: q.consumerComment });
        comments.push({ path: at('service'), comment: 'measure: the service time (not in the document)' });
      }
    });
    comments.push({ path: ['duration'], comment: 'simulated time to measure: choose' });
    const scenario = {
      name: safeName(this.api.title.toLowerCase().replace(/\s+/g, '-')) || 'asyncapi',
      description: `Imported from ${file} (AsyncAPI ${this.api.version}).`,
      duration: '10m',
      producers: producers.map((p) => p.entry),
      ...(exchangeList.length > 0
        ? {
            exchanges: exchangeList.map((e) => ({
              name: e.name,
              type: e.type,
              to: [...e.to].map(([queue, keys]) =>
                e.type === 'fanout'
                  ? queue
                  : e.type === 'direct'
                    ? { queue, types: keys }
                    : { queue, patterns: keys },
              ),
            })),
          }
        : {}),
      queues: queueList.map((q) => ({
        name: q.name,
        ...(q.partitions !== undefined ? { partitions: q.partitions } : {}),
        ...(q.retention !== undefined ? { retention: q.retention } : {}),
        ...(q.consumers !== undefined ? { consumers: q.consumers, service: q.service } : {}),
      })),
    };
    return {
      scenario,
      comments,
      notes: this.notes,
      queueSources: queueList.map((q) => q.source),
      producerSources: producers.map((p) => p.source),
    };
  }
}

/** Where a send on this channel goes: the exchange (with the routing key as type), the queue, or the topic. */
function sendTarget(
  channel: ApiChannel,
  exchanges: Map<string, ExchangeEntry>,
): { to: string; types?: string; topic?: string } | undefined {
  if (channel.amqp?.is === 'queue') return { to: safeName(channel.amqp.queue?.name ?? channel.address) };
  if (channel.amqp?.is === 'routingKey') {
    const type = channel.amqp.exchange?.type;
    if (type === 'default' || !channel.amqp.exchange) return { to: safeName(channel.address) };
    const exchange = exchanges.get(safeName(channel.amqp.exchange.name));
    if (!exchange || exchange.to.size === 0) return undefined;
    return exchange.type === 'fanout' ? { to: exchange.name } : { to: exchange.name, types: channel.address };
  }
  if (channel.kafka) {
    const topic = channel.kafka.topic ?? channel.address;
    return { to: safeName(topic), topic };
  }
  return undefined;
}

/** An AMQP binding key against a routing key: words split on `.`, `*` one word, `#` zero or more. */
export function routingKeyMatches(pattern: string, key: string): boolean {
  const match = (p: string[], k: string[]): boolean => {
    if (p.length === 0) return k.length === 0;
    const [head, ...rest] = p;
    if (head === '#') return match(rest, k) || (k.length > 0 && match(p, k.slice(1)));
    return k.length > 0 && (head === '*' || head === k[0]) && match(rest, k.slice(1));
  };
  return match(pattern.split('.'), key.split('.'));
}
