/** RabbitMQ queues with their effective settings → scenario queues, each value commented with its source. */
import type { Path } from '../scenario/positions.js';
import type { RabbitDefinitions, RabbitQueue } from './rabbitmq-definitions.js';
import type { EffectiveSetting, QueueSettings } from './rabbitmq-queue-settings.js';
import { deadLetterQueues, type NameMap } from './rabbitmq-routing.js';

/** A queue entry of the scenario, with comments at paths inside it. */
export interface ImportedQueue {
  source: RabbitQueue;
  entry: QueueEntry;
  comments: { path: Path; comment: string }[];
}

/** The keys written for a queue. */
interface QueueEntry {
  name: string;
  capacity?: number;
  'capacity-bytes'?: number;
  overflow?: string;
  ttl?: string;
  'dead-letter'?: string;
  'max-priority'?: number;
  consumers: number;
  service: string;
  retry?: { 'max-attempts': number };
}

/** RabbitMQ 4.0 made 20 the default delivery limit of quorum queues (rabbitmq.com/docs/quorum-queues). */
const QUORUM_DEFAULT_DELIVERY_LIMIT = 20;

/** Milliseconds as the largest whole unit, e.g. 600000 → 10m. */
function duration(ms: number): string {
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** Every queue of the vhost as a scenario queue (names made first, so exchanges yield on a clash). */
export function importQueues(
  definitions: RabbitDefinitions,
  settings: QueueSettings[],
  names: NameMap,
  notes: string[],
): ImportedQueue[] {
  for (const { queue } of settings) names.nameOf('queue', queue.name);
  return settings.map((queueSettings) => importQueue(definitions, queueSettings, names, notes));
}

function importQueue(
  definitions: RabbitDefinitions,
  { queue, settings, notModelled }: QueueSettings,
  names: NameMap,
  notes: string[],
): ImportedQueue {
  const entry: QueueEntry = { name: names.nameOf('queue', queue.name), consumers: 1, service: '10ms' };
  const comments: ImportedQueue['comments'] = [];
  const note = (key: string, setting: EffectiveSetting | string) =>
    comments.push({ path: [key], comment: typeof setting === 'string' ? setting : setting.source });
  note(
    'name',
    `${queue.queueType} queue ${queue.name}${notModelled.length > 0 ? `; not modelled: ${notModelled.join(', ')}` : ''}`,
  );
  const { 'max-length': length, 'max-length-bytes': bytes, 'message-ttl': ttl } = settings;
  const priority = settings['max-priority'];
  const put = <Key extends keyof QueueEntry>(key: Key, value: QueueEntry[Key], from: EffectiveSetting) => {
    entry[key] = value;
    note(key, from);
  };
  if (length) put('capacity', Number(length.value), length);
  if (bytes) put('capacity-bytes', Number(bytes.value), bytes);
  if (ttl && Number(ttl.value) > 0) put('ttl', duration(Number(ttl.value)), ttl);
  else if (ttl)
    notes.push(`queue ${queue.name}: message-ttl 0 (expire unless delivered at once) is not modelled`);
  if (priority && Number(priority.value) > 0) put('max-priority', Number(priority.value), priority);
  const deadLetter = resolveDeadLetter(definitions, queue, settings, names, notes);
  if (deadLetter) {
    entry['dead-letter'] = deadLetter.name;
    note('dead-letter', deadLetter.comment);
  }
  writeOverflow(entry, settings, note);
  const limit = deliveryLimit(definitions, queue, settings);
  if (limit) {
    entry.retry = { 'max-attempts': limit.value + 1 };
    comments.push({ path: ['retry', 'max-attempts'], comment: limit.comment });
  }
  note('consumers', 'not in the definitions: must be measured');
  note('service', 'not in the definitions: must be measured');
  return { source: queue, entry, comments };
}

/** `overflow`, in RabbitMQ's words: the effective one, or RabbitMQ's default drop-head when a limit is set. */
function writeOverflow(
  entry: QueueEntry,
  settings: QueueSettings['settings'],
  note: (key: string, setting: EffectiveSetting | string) => void,
): void {
  const overflow = settings.overflow;
  const limited = entry.capacity !== undefined || entry['capacity-bytes'] !== undefined;
  if (overflow?.value === 'reject-publish-dlx' && entry['dead-letter'] === undefined) {
    entry.overflow = 'reject-publish';
    note('overflow', `${overflow.source}; no dead-letter queue, so refused messages are lost`);
  } else if (overflow) {
    entry.overflow = String(overflow.value);
    note('overflow', overflow);
  } else if (limited) {
    entry.overflow = 'drop-head';
    note('overflow', "RabbitMQ's default when a length limit is reached (rabbitmq.com/docs/maxlength)");
  }
}

/** The delivery limit: set, or quorum queues' default from RabbitMQ 4.0 on. */
function deliveryLimit(
  definitions: RabbitDefinitions,
  queue: RabbitQueue,
  settings: QueueSettings['settings'],
) {
  const set = settings['delivery-limit'];
  if (set) return { value: Number(set.value), comment: `${set.source}: delivery-limit + 1 deliveries` };
  const major = Number((definitions.rabbitVersion ?? '').split('.')[0]);
  if (queue.queueType !== 'quorum' || !(major >= 4)) return undefined;
  return {
    value: QUORUM_DEFAULT_DELIVERY_LIMIT,
    comment: `quorum queue default delivery-limit ${QUORUM_DEFAULT_DELIVERY_LIMIT} (RabbitMQ 4.0+): 21 deliveries`,
  };
}

/** The queue the dead-letter exchange (and routing key) deliver to, with a comment saying how it was found. */
function resolveDeadLetter(
  definitions: RabbitDefinitions,
  queue: RabbitQueue,
  settings: QueueSettings['settings'],
  names: NameMap,
  notes: string[],
): { name: string; comment: string } | undefined {
  const exchange = settings['dead-letter-exchange'];
  if (exchange === undefined) return undefined;
  const key = settings['dead-letter-routing-key'];
  const targets = deadLetterQueues(definitions, String(exchange.value), key ? String(key.value) : undefined);
  const how = `${exchange.source} '${exchange.value}'${key ? `, ${key.source} '${key.value}'` : ''}`;
  if (targets.length === 0) {
    notes.push(
      `queue ${queue.name}: dead-letter exchange '${exchange.value}' routes to no queue; its dead letters are lost`,
    );
    return undefined;
  }
  const name = names.nameOf('queue', targets[0]);
  if (targets.length > 1) {
    notes.push(
      `queue ${queue.name}: dead-letter exchange '${exchange.value}' reaches ${targets.join(', ')}; the scenario sends dead letters to one queue, ${targets[0]}`,
    );
  }
  return { name, comment: `via ${how}` };
}
