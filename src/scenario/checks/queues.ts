/** Rules about queues: consumers and service, being fed, limits and overflow, dead-lettering, priorities. */
import * as msg from '../messages.js';
import { defaultConsumers } from '../normalise-queue.js';
import type { PathProblem } from '../positions.js';
import { MAX_PRIORITY, OVERFLOW_WORDS } from '../queue-schema.js';
import { parseBytes } from '../units.js';
import { linksFrom, typesArriving, UNTYPED } from './routing-graph.js';
import { error, warning, type Entry, type Rule } from './view.js';

/** The queue's consumers, written or by default; undefined when the written value is no count. */
function consumersOf(queue: Entry): number | undefined {
  const { consumers } = queue.fields;
  if (consumers === undefined) return defaultConsumers(queue.fields);
  return typeof consumers === 'number' && Number.isInteger(consumers) && consumers >= 0
    ? consumers
    : undefined;
}

/** Consumers need a service time to work with. */
export const consumersNeedService: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const { consumers, service } = queue.fields;
    if (typeof consumers !== 'number' || consumers <= 0 || service !== undefined) return [];
    return [error(['queues', queue.index, 'consumers'], msg.consumersNeedService(queue.label, consumers))];
  });

/** A service time with `consumers: 0` is never used. */
export const serviceWithoutConsumers: Rule = (view) =>
  view.queues.flatMap((queue) => {
    if (queue.fields.consumers !== 0 || queue.fields.service === undefined) return [];
    return [warning(['queues', queue.index, 'service'], msg.serviceIgnored(queue.label))];
  });

/** Names that producers, bindings and `then` routes deliver to (dead-lettering aside). */
function deliveredTo(view: Parameters<Rule>[0]): Set<string | undefined> {
  const { graph } = view;
  return new Set([
    ...graph.producerLinks.map((link) => link.to),
    ...graph.bindings.map((link) => link.queue),
    ...graph.routes.map((link) => link.to),
  ]);
}

/**
 * A queue that is delivered to and has no consumers only because `service` was left out is most likely
 * a forgotten key; an explicit `consumers: 0` says it is meant. Dead-letter queues usually only hold
 * messages, so being a dead-letter target does not count.
 */
export const fedQueuesAreConsumed: Rule = (view) => {
  const fed = deliveredTo(view);
  return view.queues.flatMap((queue) => {
    if (queue.name === undefined || !fed.has(queue.name)) return [];
    if (queue.fields.consumers !== undefined || defaultConsumers(queue.fields) > 0) return [];
    return [warning(['queues', queue.index], msg.queueNeverConsumed(queue.label))];
  });
};

/**
 * A queue nothing sends to is probably a leftover. Skipped while some reference is broken: that error
 * already explains the unfed queue.
 */
export const queuesAreFed: Rule = (view) => {
  if (view.graph.hasBrokenReferences) return [];
  const fed = deliveredTo(view);
  for (const link of view.graph.deadLetters) fed.add(link.to);
  return view.queues.flatMap((queue) =>
    queue.name === undefined || fed.has(queue.name)
      ? []
      : [warning(['queues', queue.index, 'name'], msg.queueNeverFed(queue.label))],
  );
};

/** The `then` probabilities of a queue sum to at most 1; the rest leaves the system. */
export const thenSumsToAtMostOne: Rule = ({ graph, queues }) =>
  queues.flatMap((queue) => {
    const sum = linksFrom(graph)
      .routes(queue)
      .reduce((total, link) => total + link.probability, 0);
    return sum > 1 + 1e-9
      ? [error(['queues', queue.index, 'then'], msg.thenSumAboveOne(queue.label, sum))]
      : [];
  });

/** `reject-publish-dlx` dead-letters refused messages, so it needs a dead-letter queue. */
export const dlxHasDeadLetter: Rule = (view) =>
  view.queues.flatMap((queue) =>
    queue.fields.overflow === 'reject-publish-dlx' && queue.fields['dead-letter'] === undefined
      ? [error(['queues', queue.index, 'overflow'], msg.dlxNeedsDeadLetter(queue.label))]
      : [],
  );

/** An overflow policy only matters on a queue that can be full. */
export const overflowNeedsLimit: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const { overflow, capacity } = queue.fields;
    const written = OVERFLOW_WORDS.find((word) => word === overflow);
    if (written === undefined || capacity !== undefined || queue.fields['capacity-bytes'] !== undefined)
      return [];
    return [warning(['queues', queue.index, 'overflow'], msg.overflowWithoutLimit(queue.label, written))];
  });

/** A byte limit needs the size of every message that can reach the queue. */
export const capacityBytesHaveSizes: Rule = ({ graph, queues }) =>
  queues.flatMap((queue) => {
    const limit = queue.fields['capacity-bytes'];
    // On a topic the limit itself is the error (checks/topics.ts).
    if (queue.fields.partitions !== undefined) return [];
    if (queue.name === undefined || (typeof limit !== 'number' && typeof limit !== 'string')) return [];
    if (parseBytes(limit) === undefined) return []; // the schema reports it
    if (graph.destinations.get(queue.name)?.entry !== queue) return [];
    const unsized = [...(graph.arrivals.get(queue.name)?.keys() ?? [])]
      .map((index) => graph.producerLinks.find((link) => link.producer.index === index)?.producer)
      .filter((producer) => producer !== undefined && producer.fields['message-size'] === undefined)
      .map((producer) => (producer as Entry).label);
    return unsized.length === 0
      ? []
      : [error(['queues', queue.index, 'capacity-bytes'], msg.capacityBytesNeedsSize(queue.label, unsized))];
  });

/** Keys that only consumers act on. */
const CONSUMER_KEYS = ['prefetch', 'failure', 'retry', 'timeout', 'then'] as const;

/** Consumer settings on a queue without consumers do nothing. */
export const consumerSettingsNeedConsumers: Rule = (view) =>
  view.queues.flatMap((queue): PathProblem[] => {
    if (consumersOf(queue) !== 0) return [];
    return CONSUMER_KEYS.filter((key) => queue.fields[key] !== undefined).map((key) =>
      warning(['queues', queue.index, key], msg.unusedWithoutConsumers(queue.label, key)),
    );
  });

/** A priority queue is reached by some message type with a priority above 0. */
export const maxPriorityIsUsed: Rule = ({ graph, queues, messageTypes }) => {
  if (graph.hasBrokenReferences || graph.producerLinks.some((link) => link.types === undefined)) return [];
  return queues.flatMap((queue) => {
    const maxPriority = queue.fields['max-priority'];
    const valid =
      typeof maxPriority === 'number' && Number.isInteger(maxPriority) && maxPriority <= MAX_PRIORITY;
    if (queue.name === undefined || !valid || maxPriority < 1) return [];
    if (graph.destinations.get(queue.name)?.entry !== queue) return [];
    const arriving = typesArriving(graph, queue.name);
    if (arriving.size === 0) return []; // nothing reaches it: its own warning says so
    const prioritised = [...arriving].some((type) => type !== UNTYPED && (messageTypes.get(type) ?? 0) > 0);
    return prioritised
      ? []
      : [warning(['queues', queue.index, 'max-priority'], msg.maxPriorityUnused(queue.label, maxPriority))];
  });
};
