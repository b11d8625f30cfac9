/** Messages about topic exchanges and their binding patterns (the rest of the catalogue is messages.ts). */

/** A binding pattern that is not one. */
export const badTopicPattern = (pattern: unknown, problem: string): string =>
  `binding pattern ${JSON.stringify(pattern)} ${problem}; write words separated by dots, with * for one word and # for zero or more, e.g. order.* or #.failed`;
/** A pattern entry that is not text. */
export const expectedTopicPattern = (got: unknown): string =>
  `expected a binding pattern like order.* or #.failed, got ${JSON.stringify(got) ?? String(got)}`;
/** A topic binding without patterns. */
export const topicBindingNeedsPatterns = (exchange: string, queue: string): string =>
  `topic exchange '${exchange}' binds queue '${queue}' without 'patterns', so nothing would be routed to it; write { queue: ${queue}, patterns: [order.*] }`;
/** Patterns on a binding of an exchange that is not a topic exchange. */
export const patternsNeedTopic = (exchange: string, type: string): string =>
  `${type} exchange '${exchange}' ignores 'patterns' (only a topic exchange matches them); remove 'patterns', or make it type: topic`;
/** Types on a topic binding. */
export const topicBindingHasTypes = (exchange: string): string =>
  `topic exchange '${exchange}' routes by 'patterns', not 'types'; write the types as patterns (a type with no wildcard matches only itself)`;
/** Producers publish untyped messages to a topic exchange. */
export const topicExchangeNeedsTypes = (producer: string, exchange: string): string =>
  `producer '${producer}' publishes to topic exchange '${exchange}' but has no 'types' (the routing key a pattern matches), so none of its messages could be routed; add e.g. types: { order.placed: 1 }`;
/** Messages of a type that matches no pattern of a topic exchange. */
export const typeMatchesNoPattern = (exchange: string, type: string): string =>
  `messages of type '${type}' reach topic exchange '${exchange}' but match none of its binding patterns, so they are unroutable and lost; bind a pattern that matches '${type}' (e.g. # for everything)`;
