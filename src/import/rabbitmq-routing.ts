/**
 * RabbitMQ exchanges and bindings as scenario exchanges, and dead-letter exchanges resolved to the queue
 * they deliver to (a scenario's `dead-letter` names a queue). Names are made scenario names here too.
 */
import { NAME_PATTERN } from '../scenario/fields.js';
import { topicMatches, topicPatternProblem } from '../scenario/topic-pattern.js';
import type { RabbitBinding, RabbitDefinitions, RabbitExchange } from './rabbitmq-definitions.js';

/** A scenario exchange to write: its bindings by scenario queue name. */
export interface ImportedExchange {
  source: RabbitExchange;
  /** Its scenario name. */
  name: string;
  type: 'fanout' | 'direct' | 'topic';
  /** Scenario queue name → routing keys (direct) or patterns (topic); fanout: empty lists. */
  bindings: Map<string, string[]>;
}

/** Scenario names for RabbitMQ names (queues and exchanges share one namespace in a scenario). */
export class NameMap {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** The scenario name of a queue or exchange, made once: invalid characters become '-', clashes get a suffix. */
  nameOf(kind: 'queue' | 'exchange', rabbitName: string): string {
    const key = `${kind}\u0000${rabbitName}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const base = rabbitName.replace(/[^A-Za-z0-9_.-]/g, '-') || 'default';
    let name = this.taken.has(base) ? `${base}.${kind}` : base;
    for (let k = 2; this.taken.has(name); k++) name = `${base}.${kind}${k}`;
    this.taken.add(name);
    this.byKey.set(key, name);
    return name;
  }
}

/** True when `key` can be a message type (the routing key of a scenario message). */
export const isTypeName = (key: string): boolean => new RegExp(NAME_PATTERN).test(key);

/** The exchanges to write, with notes on what could not be (headers, plugins, exchange-to-exchange bindings). */
export function importExchanges(
  definitions: RabbitDefinitions,
  names: NameMap,
  notes: string[],
): ImportedExchange[] {
  const imported: ImportedExchange[] = [];
  for (const exchange of definitions.exchanges) {
    const bindings = definitions.bindings.filter((b) => b.source === exchange.name);
    for (const b of bindings.filter((b) => b.destinationType === 'exchange')) {
      notes.push(
        `exchange-to-exchange binding ${exchange.name} -> ${b.destination} (key '${b.routingKey}'): not followed; ${b.destination} gets its own producer`,
      );
    }
    const toQueues = bindings.filter((b) => b.destinationType === 'queue');
    if (toQueues.length === 0) continue;
    if (exchange.type !== 'fanout' && exchange.type !== 'direct' && exchange.type !== 'topic') {
      notes.push(
        `${exchange.type} exchange ${exchange.name}: not imported (${exchange.type === 'headers' ? 'scenario messages carry no headers' : 'a plugin exchange type'}); its queues get their own producers`,
      );
      continue;
    }
    const byQueue = new Map<string, string[]>();
    for (const binding of toQueues) {
      const keep = routingKeyUsable(exchange, binding, notes);
      const queue = names.nameOf('queue', binding.destination);
      const keys = byQueue.get(queue) ?? [];
      if (keep && exchange.type !== 'fanout' && !keys.includes(binding.routingKey))
        keys.push(binding.routingKey);
      if (keep || byQueue.has(queue)) byQueue.set(queue, keys);
    }
    if (byQueue.size === 0) continue;
    const name = names.nameOf('exchange', exchange.name);
    imported.push({ source: exchange, name, type: exchange.type, bindings: byQueue });
  }
  return imported;
}

/** True when the binding's key can be written for this exchange type (else a note says why it is left out). */
function routingKeyUsable(exchange: RabbitExchange, binding: RabbitBinding, notes: string[]): boolean {
  const { routingKey } = binding;
  if (exchange.type === 'fanout') return true;
  const problem =
    exchange.type === 'topic'
      ? topicPatternProblem(routingKey)
      : isTypeName(routingKey)
        ? undefined
        : 'is no message type name (letters, digits, _ . -)';
  if (problem === undefined) return true;
  notes.push(`binding ${exchange.name} -> ${binding.destination}: key '${routingKey}' ${problem}; left out`);
  return false;
}

/**
 * The queues a message dead-lettered to `exchange` reaches: with `routingKey` (x-dead-letter-routing-key) the
 * bindings it matches; without one the message keeps its own key, which the definitions cannot tell, so
 * every bound queue is a candidate. The default exchange ('') delivers to the queue named by the key.
 */
export function deadLetterQueues(
  definitions: RabbitDefinitions,
  exchangeName: string,
  routingKey: string | undefined,
): string[] {
  if (exchangeName === '')
    return routingKey !== undefined && definitions.queues.some((q) => q.name === routingKey)
      ? [routingKey]
      : [];
  const exchange = definitions.exchanges.find((e) => e.name === exchangeName);
  if (exchange === undefined) return [];
  const matches = (binding: RabbitBinding) => {
    if (exchange.type === 'fanout' || routingKey === undefined) return true;
    if (exchange.type === 'topic') return topicMatches(binding.routingKey, routingKey);
    return binding.routingKey === routingKey;
  };
  const queues = definitions.bindings
    .filter((b) => b.source === exchangeName && b.destinationType === 'queue' && matches(b))
    .map((b) => b.destination);
  return [...new Set(queues)];
}

/** One example routing key a topic pattern matches: `*` becomes `any`, `#` no word (or `any` alone). */
export function exampleKey(pattern: string): string {
  const words = pattern.split('.').flatMap((word) => (word === '#' ? [] : [word === '*' ? 'any' : word]));
  const key = words.join('.');
  return isTypeName(key) ? key : 'any';
}
