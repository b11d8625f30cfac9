/**
 * Who sends to whom, as far as the file can be read: producers → queues or exchanges, exchange bindings,
 * `then` routes and `dead-letter` edges, resolved against the one namespace that queues and exchanges
 * share, and which producers' messages (of which types) can reach each queue and exchange.
 */
import type { Path } from '../positions.js';
import { EXCHANGE_TYPES, partSchemas } from '../raw-schema.js';
import { topicMatches } from '../topic-pattern.js';
import { asName, type Entry } from './entries.js';
import { Arrivals } from './arrivals.js';

/**
 * The type of messages from producers without `types` ('' is no valid type name). A message keeps its type
 * all the way, through exchanges, `then` and dead-lettering.
 */
export const UNTYPED = '';

export type ExchangeType = (typeof EXCHANGE_TYPES)[number];

/** A queue or an exchange: where a `to` can point. */
export interface Destination {
  kind: 'queue' | 'exchange';
  name: string;
  entry: Entry;
}

export interface ProducerLink {
  producer: Entry;
  /** The named destination (valid name, maybe unknown); undefined when `to` is no valid name. */
  to: string | undefined;
  /** Types emitted ([UNTYPED] without `types`); undefined when `types` cannot be read. */
  types: string[] | undefined;
}

export interface BindingLink {
  exchange: Entry;
  /** The exchange's type; undefined when it is not a valid one (the schema reports it). */
  exchangeType: ExchangeType | undefined;
  queue: string;
  /** Types routed by the binding; null when it names none. */
  types: string[] | null;
  /** Patterns of a topic binding; null when it names none. */
  patterns: string[] | null;
  /** The binding as written, its queue name, and its types list. */
  path: Path;
  queuePath: Path;
  typesPath: Path;
}

export interface RouteLink {
  from: Entry;
  to: string;
  probability: number;
  /** Where the destination's name is written. */
  path: Path;
}

export interface DeadLetterLink {
  from: Entry;
  to: string;
  path: Path;
}

export interface RoutingGraph {
  /** Queues and exchanges by name (the first definition of a name; duplicates are errors). */
  destinations: Map<string, Destination>;
  producerLinks: ProducerLink[];
  bindings: BindingLink[];
  routes: RouteLink[];
  deadLetters: DeadLetterLink[];
  /**
   * True when some `to`, binding, `then` or `dead-letter` is unreadable or names nothing usable (an error
   * explains it), so findings about what is not reached would be guesses.
   */
  hasBrokenReferences: boolean;
  /** For each destination name: producer index → the types of its messages that can arrive there. */
  arrivals: Arrivals;
}

/** The destination called `name` if it is of `kind` (either kind when omitted). */
export function destinationOf(
  destinations: ReadonlyMap<string, Destination>,
  name: string,
  kind?: Destination['kind'],
): Destination | undefined {
  const destination = destinations.get(name);
  return destination !== undefined && (kind === undefined || destination.kind === kind)
    ? destination
    : undefined;
}

/** True when messages of `type` pass the binding. */
export function bindingPasses(binding: BindingLink, type: string): boolean {
  // An exchange of unknown type is an error already; let everything through so cycles are still found.
  if (binding.exchangeType === 'topic') {
    return type !== UNTYPED && (binding.patterns ?? []).some((pattern) => topicMatches(pattern, type));
  }
  if (binding.exchangeType !== 'direct') return true;
  return binding.types?.includes(type) ?? false;
}

/** The exchange's type, when it is a valid one. */
export function exchangeTypeOf(exchange: Entry): ExchangeType | undefined {
  return EXCHANGE_TYPES.find((type) => type === exchange.fields.type);
}

/** The `then` routes of a queue, with where each destination is written; [] when absent, undefined when unreadable. */
function routesOf(queue: Entry): RouteLink[] | undefined {
  if (queue.fields.then === undefined) return [];
  const parsed = partSchemas.then.safeParse(queue.fields.then);
  if (!parsed.success) return undefined;
  const base = ['queues', queue.index, 'then'];
  const route = (item: string | { to: string; probability: number }, path: Path): RouteLink =>
    typeof item === 'string'
      ? { from: queue, to: item, probability: 1, path }
      : { from: queue, to: item.to, probability: item.probability, path: [...path, 'to'] };
  return Array.isArray(parsed.data)
    ? parsed.data.map((item, j) => route(item, [...base, j]))
    : [route(parsed.data, base)];
}

/** The bindings of an exchange; an unreadable one is undefined. */
function bindingsOf(exchange: Entry): (BindingLink | undefined)[] {
  const list = exchange.fields.to;
  if (!Array.isArray(list)) return [undefined];
  const exchangeType = exchangeTypeOf(exchange);
  return list.flatMap((item: unknown, j) => {
    const parsed = partSchemas.binding.safeParse(item);
    if (!parsed.success) return [undefined];
    const path = ['exchanges', exchange.index, 'to', j];
    return typeof parsed.data === 'string'
      ? [
          {
            exchange,
            exchangeType,
            queue: parsed.data,
            types: null,
            patterns: null,
            path,
            queuePath: path,
            typesPath: path,
          },
        ]
      : [
          {
            exchange,
            exchangeType,
            queue: parsed.data.queue,
            types: parsed.data.types ?? null,
            patterns: parsed.data.patterns ?? null,
            path,
            queuePath: [...path, 'queue'],
            typesPath: [...path, 'types'],
          },
        ];
  });
}

/**
 * The types a producer emits: [UNTYPED] without `types`, undefined when they cannot be read. A trace
 * producer emits the types of its trace's records, and those of `types` (or untyped messages) for records
 * without one; undefined while its trace could not be read.
 */
function typesOf(producer: Entry, traceTypes: ReadonlyMap<number, string[]>): string[] | undefined {
  const fromTrace = producer.fields.trace === undefined ? [] : traceTypes.get(producer.index);
  if (fromTrace === undefined) return undefined;
  const written = typesWritten(producer);
  if (written === undefined) return undefined;
  // A typed trace's records all have a type unless `types` supplies the rest (the trace check insists).
  return fromTrace.length > 0 && written[0] === UNTYPED
    ? fromTrace
    : [...new Set([...fromTrace, ...written])];
}

/** The types of a producer's `types` mix: [UNTYPED] without one, undefined when it cannot be read. */
function typesWritten(producer: Entry): string[] | undefined {
  if (producer.fields.types === undefined) return [UNTYPED];
  const parsed = partSchemas.types.safeParse(producer.fields.types);
  return parsed.success ? Object.keys(parsed.data) : undefined;
}

/** The routing graph of the readable parts of a scenario. */
export function buildRoutingGraph(
  producers: Entry[],
  queues: Entry[],
  exchanges: Entry[],
  traceTypes: ReadonlyMap<number, string[]> = new Map(),
): RoutingGraph {
  const destinations = new Map<string, Destination>();
  for (const entry of queues) {
    if (entry.name !== undefined && !destinations.has(entry.name)) {
      destinations.set(entry.name, { kind: 'queue', name: entry.name, entry });
    }
  }
  for (const entry of exchanges) {
    if (entry.name !== undefined && !destinations.has(entry.name)) {
      destinations.set(entry.name, { kind: 'exchange', name: entry.name, entry });
    }
  }

  const producerLinks = producers.map((producer) => ({
    producer,
    to: asName(producer.fields.to),
    types: typesOf(producer, traceTypes),
  }));
  const bindingsRead = exchanges.flatMap(bindingsOf);
  const routesRead = queues.map(routesOf);
  const bindings = bindingsRead.filter((link) => link !== undefined);
  const routes = routesRead.flatMap((links) => links ?? []);
  const deadLetters = queues.flatMap((queue) => {
    const to = asName(queue.fields['dead-letter']);
    return to !== undefined ? [{ from: queue, to, path: ['queues', queue.index, 'dead-letter'] }] : [];
  });

  const graph: RoutingGraph = {
    destinations,
    producerLinks,
    bindings,
    routes,
    deadLetters,
    hasBrokenReferences:
      bindingsRead.includes(undefined) ||
      routesRead.includes(undefined) ||
      producerLinks.some((link) => link.to === undefined || !destinations.has(link.to)) ||
      bindings.some((link) => destinationOf(destinations, link.queue, 'queue') === undefined) ||
      routes.some((link) => !destinations.has(link.to)) ||
      deadLetters.some((link) => destinationOf(destinations, link.to, 'queue') === undefined),
    arrivals: new Arrivals([], () => []),
  };
  graph.arrivals = new Arrivals(producerLinks, (to, type) => reachableFrom(graph, to, type));
  return graph;
}

/** The graph's links grouped by where they start, so a check looks up one entry instead of scanning all. */
export interface LinksFrom {
  routes: (entry: Entry) => readonly RouteLink[];
  bindings: (exchange: Entry) => readonly BindingLink[];
  deadLetters: (entry: Entry) => readonly DeadLetterLink[];
  producer: (index: number) => ProducerLink | undefined;
}

const linkIndexes = new WeakMap<RoutingGraph, LinksFrom>();

/** Groups `links` by a key, keeping their order. */
function groupBy<K, T>(links: readonly T[], key: (link: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const link of links) {
    const group = groups.get(key(link));
    if (group === undefined) groups.set(key(link), [link]);
    else group.push(link);
  }
  return groups;
}

/** The graph's links by origin, built once per graph (large networks would otherwise scan every link). */
export function linksFrom(graph: RoutingGraph): LinksFrom {
  const known = linkIndexes.get(graph);
  if (known !== undefined) return known;
  const routes = groupBy(graph.routes, (link) => link.from);
  const bindings = groupBy(graph.bindings, (link) => link.exchange);
  const deadLetters = groupBy(graph.deadLetters, (link) => link.from);
  const producers = new Map<number, ProducerLink>();
  for (const link of graph.producerLinks)
    if (!producers.has(link.producer.index)) producers.set(link.producer.index, link);
  const index: LinksFrom = {
    routes: (entry) => routes.get(entry) ?? [],
    bindings: (exchange) => bindings.get(exchange) ?? [],
    deadLetters: (entry) => deadLetters.get(entry) ?? [],
    producer: (i) => producers.get(i),
  };
  linkIndexes.set(graph, index);
  return index;
}

/** Where messages of `type` go from `destination` (one hop). */
function nextHops(graph: RoutingGraph, destination: Destination, type: string): string[] {
  const links = linksFrom(graph);
  if (destination.kind === 'exchange') {
    return links
      .bindings(destination.entry)
      .filter((link) => bindingPasses(link, type))
      .map((link) => link.queue);
  }
  return [
    ...links.routes(destination.entry).map((link) => link.to),
    ...links.deadLetters(destination.entry).map((link) => link.to),
  ];
}

/** The destinations a message of `type` entering at `to` can reach, in the order a depth-first walk meets them. */
function reachableFrom(graph: RoutingGraph, to: string, type: string): string[] {
  const seen = new Set<string>();
  const reached: string[] = [];
  const pending = [to];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    const destination = graph.destinations.get(name);
    if (seen.has(name) || destination === undefined) continue;
    seen.add(name);
    reached.push(name);
    pending.push(...nextHops(graph, destination, type));
  }
  return reached;
}

/** The types of messages that can arrive at `name`, from any producer. */
export function typesArriving(graph: RoutingGraph, name: string): Set<string> {
  const types = new Set<string>();
  for (const byType of graph.arrivals.get(name)?.values() ?? []) for (const type of byType) types.add(type);
  return types;
}
