/** Rules about exchanges and message types: bindings that fit the exchange type, and types that get routed. */
import * as msg from '../messages.js';
import { formatPath, type PathProblem } from '../positions.js';
import { closestMatch } from '../suggest.js';
import * as topicMsg from '../topic-messages.js';
import {
  bindingPasses,
  linksFrom,
  typesArriving,
  UNTYPED,
  type BindingLink,
  type RoutingGraph,
} from './routing-graph.js';
import { error, warning, type Rule } from './view.js';

/** A direct binding names the types it routes; a fanout binding routes everything and names none. */
export const bindingsFitExchangeType: Rule = ({ graph }) =>
  graph.bindings.flatMap((binding): PathProblem[] => {
    const { exchange, exchangeType, queue, types, patterns } = binding;
    if (exchangeType === 'topic') return topicBindingProblems(binding);
    if (exchangeType !== undefined && patterns !== null) {
      const patternsPath = [...binding.path, 'patterns'];
      return [
        { ...error(patternsPath, topicMsg.patternsNeedTopic(exchange.label, exchangeType)), anchor: 'key' },
      ];
    }
    if (exchangeType === 'direct' && types === null) {
      return [error(binding.path, msg.directBindingNeedsTypes(exchange.label, queue))];
    }
    if (exchangeType === 'fanout' && types !== null) {
      return [{ ...error(binding.typesPath, msg.fanoutBindingHasTypes(exchange.label)), anchor: 'key' }];
    }
    return [];
  });

/** A topic binding has patterns and no types. */
function topicBindingProblems(binding: BindingLink): PathProblem[] {
  const { exchange, queue, types, patterns } = binding;
  if (types !== null) {
    return [{ ...error(binding.typesPath, topicMsg.topicBindingHasTypes(exchange.label)), anchor: 'key' }];
  }
  if (patterns === null)
    return [error(binding.path, topicMsg.topicBindingNeedsPatterns(exchange.label, queue))];
  return [];
}

/** An exchange binds each queue once. */
export const bindingsUnique: Rule = ({ graph }) => {
  const first = new Map<string, string>();
  return graph.bindings.flatMap(({ exchange, queue, path, queuePath }) => {
    const key = `${exchange.index}\u0000${queue}`;
    const firstPath = first.get(key);
    if (firstPath === undefined) {
      first.set(key, formatPath(path));
      return [];
    }
    return [error(queuePath, msg.duplicateBinding(exchange.label, queue, firstPath))];
  });
};

/** True when every producer's `types` could be read (else type-flow findings would be guesses). */
function typesReadable(graph: RoutingGraph): boolean {
  return graph.producerLinks.every((link) => link.types !== undefined);
}

/** Every type a producer emits. */
function emittedTypes(graph: RoutingGraph): Set<string> {
  return new Set(
    graph.producerLinks.flatMap((link) => (link.types ?? []).filter((type) => type !== UNTYPED)),
  );
}

/** A type bound at a direct exchange is one that reaches it (a typo here silently routes nothing). */
export const boundTypesArrive: Rule = ({ graph }) => {
  if (graph.hasBrokenReferences || !typesReadable(graph)) return [];
  const emitted = emittedTypes(graph);
  return graph.bindings.flatMap((binding) => {
    const { exchange, exchangeType, types } = binding;
    if (exchangeType !== 'direct' || types === null || exchange.name === undefined) return [];
    if (graph.destinations.get(exchange.name)?.entry !== exchange) return [];
    const arriving = typesArriving(graph, exchange.name);
    if (arriving.size === 0) return []; // nothing reaches the exchange at all: its own warning says so
    const candidates = [...arriving].filter((type) => type !== UNTYPED);
    return types.flatMap((type, k) =>
      arriving.has(type)
        ? []
        : [
            warning(
              [...binding.typesPath, k],
              msg.boundTypeNeverArrives(
                exchange.label,
                type,
                emitted.has(type),
                closestMatch(type, candidates),
              ),
            ),
          ],
    );
  });
};

/** Messages reaching a direct exchange have a binding for their type (else they are unroutable and lost). */
export const typesRoutable: Rule = ({ graph, exchanges }) =>
  exchanges.flatMap((exchange) => {
    if (exchange.name === undefined || exchange.fields.type !== 'direct') return [];
    if (graph.destinations.get(exchange.name)?.entry !== exchange) return [];
    const bound = new Set(
      linksFrom(graph)
        .bindings(exchange)
        .flatMap((binding) => binding.types ?? []),
    );
    const producersOf = new Map<string, string[]>();
    for (const [index, types] of graph.arrivals.get(exchange.name) ?? []) {
      const link = linksFrom(graph).producer(index);
      if (link === undefined) continue;
      for (const type of types) {
        // Untyped messages published straight to the exchange are an error of the producer already.
        if (bound.has(type) || (type === UNTYPED && link.to === exchange.name)) continue;
        producersOf.set(type, [...(producersOf.get(type) ?? []), link.producer.label]);
      }
    }
    return [...producersOf].map(([type, producers]) =>
      warning(
        ['exchanges', exchange.index, 'to'],
        type === UNTYPED
          ? msg.untypedUnroutable(exchange.label, producers)
          : msg.typeUnroutable(exchange.label, type, producers),
      ),
    );
  });

/** Messages reaching a topic exchange match some binding pattern (else they are unroutable and lost). */
export const typesMatchPatterns: Rule = ({ graph, exchanges }) =>
  exchanges.flatMap((exchange) => {
    if (exchange.name === undefined || exchange.fields.type !== 'topic') return [];
    if (graph.destinations.get(exchange.name)?.entry !== exchange) return [];
    const bindings = linksFrom(graph).bindings(exchange);
    const arriving = [...typesArriving(graph, exchange.name)].filter((type) => type !== UNTYPED);
    return arriving
      .filter((type) => !bindings.some((binding) => bindingPasses(binding, type)))
      .map((type) =>
        warning(['exchanges', exchange.index, 'to'], topicMsg.typeMatchesNoPattern(exchange.label, type)),
      );
  });

/** Something publishes to each exchange: a producer or a `then`. */
export const exchangesArePublishedTo: Rule = ({ graph, exchanges }) => {
  if (graph.hasBrokenReferences) return [];
  const published = new Set<string | undefined>([
    ...graph.producerLinks.map((link) => link.to),
    ...graph.routes.map((link) => link.to),
  ]);
  return exchanges.flatMap((exchange) =>
    exchange.name === undefined || published.has(exchange.name)
      ? []
      : [warning(['exchanges', exchange.index, 'name'], msg.exchangeNeverPublished(exchange.label))],
  );
};

/** A declared message type is emitted by some producer (else its priority is never used; maybe a typo). */
export const declaredTypesEmitted: Rule = ({ graph, messageTypes }) => {
  if (!typesReadable(graph)) return [];
  const emitted = emittedTypes(graph);
  return [...messageTypes.keys()].flatMap((type): PathProblem[] =>
    emitted.has(type)
      ? []
      : [
          {
            ...warning(
              ['message-types', type],
              msg.messageTypeNeverEmitted(type, closestMatch(type, [...emitted])),
            ),
            anchor: 'key',
          },
        ],
  );
};
