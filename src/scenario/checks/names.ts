/** Names and references: unique names, one namespace for queues and exchanges, and every reference resolved. */
import * as msg from '../messages.js';
import { formatPath } from '../positions.js';
import { closestMatch } from '../suggest.js';
import type { Destination } from './routing-graph.js';
import { error, type Entry, type Rule, type Section } from './view.js';

/** The second use of a name within `entries` is the error; `clashes` names taken by another section. */
function repeatedNames(
  section: Section,
  kind: string,
  entries: readonly Entry[],
  clashes: ReadonlyMap<string, number> = new Map(),
) {
  const firstUse = new Map<string, number>();
  return entries.flatMap((entry) => {
    if (entry.name === undefined) return [];
    const path = [section, entry.index, 'name'];
    const clash = clashes.get(entry.name);
    if (clash !== undefined) {
      return [error(path, msg.sharedNameClash(kind, entry.name, formatPath(['queues', clash])))];
    }
    const first = firstUse.get(entry.name);
    if (first === undefined) {
      firstUse.set(entry.name, entry.index);
      return [];
    }
    return [error(path, msg.duplicateName(kind, entry.name, formatPath([section, first])))];
  });
}

/** Producer names are unique among producers. */
export const uniqueProducerNames: Rule = (view) => repeatedNames('producers', 'producer', view.producers);

/** Queue names are unique among queues. */
export const uniqueQueueNames: Rule = (view) => repeatedNames('queues', 'queue', view.queues);

/** Exchange names are unique among exchanges and differ from every queue's (a `to` must be unambiguous). */
export const uniqueExchangeNames: Rule = (view) => {
  const queueNames = new Map<string, number>();
  for (const queue of view.queues) {
    if (queue.name !== undefined && !queueNames.has(queue.name)) queueNames.set(queue.name, queue.index);
  }
  return repeatedNames('exchanges', 'exchange', view.exchanges, queueNames);
};

/** Names of the destinations of `kind` (both kinds when omitted), for suggestions. */
function namesOf(destinations: Iterable<Destination>, kind?: Destination['kind']): string[] {
  return [...destinations].filter((d) => kind === undefined || d.kind === kind).map((d) => d.name);
}

/** A producer's `to` names a queue or an exchange. */
export const producerTargetsExist: Rule = ({ graph, referencesJudgeable }) => {
  if (!referencesJudgeable) return [];
  const candidates = namesOf(graph.destinations.values());
  return graph.producerLinks.flatMap(({ producer, to }) => {
    if (to === undefined || graph.destinations.has(to)) return [];
    const message = msg.producerTargetUnknown(producer.label, to, closestMatch(to, candidates));
    return [error(['producers', producer.index, 'to'], message)];
  });
};

/** An exchange binds queues (not exchanges, not unknown names). */
export const bindingTargetsExist: Rule = ({ graph, referencesJudgeable }) => {
  if (!referencesJudgeable) return [];
  const queueNames = namesOf(graph.destinations.values(), 'queue');
  return graph.bindings.flatMap(({ exchange, queue, queuePath }) => {
    const target = graph.destinations.get(queue);
    if (target?.kind === 'queue') return [];
    if (target?.kind === 'exchange') return [error(queuePath, msg.bindingToExchange(exchange.label, queue))];
    return [
      error(queuePath, msg.bindingQueueUnknown(exchange.label, queue, closestMatch(queue, queueNames))),
    ];
  });
};

/** A `then` route goes to a queue or an exchange. */
export const thenTargetsExist: Rule = ({ graph, referencesJudgeable }) => {
  if (!referencesJudgeable) return [];
  const candidates = namesOf(graph.destinations.values());
  return graph.routes.flatMap(({ from, to, path }) =>
    graph.destinations.has(to)
      ? []
      : [error(path, msg.thenTargetUnknown(from.label, to, closestMatch(to, candidates)))],
  );
};

/** `dead-letter` names another queue. */
export const deadLetterTargetsExist: Rule = ({ graph, referencesJudgeable }) => {
  if (!referencesJudgeable) return [];
  const queueNames = namesOf(graph.destinations.values(), 'queue');
  return graph.deadLetters.flatMap(({ from, to, path }) => {
    if (to === from.name) return [error(path, msg.deadLetterToItself(from.label))];
    const target = graph.destinations.get(to);
    if (target?.kind === 'queue') return [];
    if (target?.kind === 'exchange') return [error(path, msg.deadLetterToExchange(from.label, to))];
    return [error(path, msg.deadLetterUnknown(from.label, to, closestMatch(to, queueNames)))];
  });
};
