/**
 * Topic-exchange binding patterns, as RabbitMQ matches them (https://www.rabbitmq.com/tutorials/tutorial-five):
 * a routing key and a pattern are words separated by `.`; in a pattern `*` stands for exactly one word
 * and `#` for zero or more words. Here the routing key is the message type. The model imports this file
 * to route (a pure function, like limits.ts) and the schema to validate patterns.
 */

/** Longest binding key RabbitMQ accepts (a short string: 255 bytes). */
export const MAX_PATTERN_LENGTH = 255;

/** The words of a routing key or pattern; the empty string has none (as RabbitMQ splits it). */
export function topicWords(key: string): string[] {
  return key === '' ? [] : key.split('.');
}

/** True when the routing key `key` matches the binding pattern `pattern`. */
export function topicMatches(pattern: string, key: string): boolean {
  const p = topicWords(pattern);
  const w = topicWords(key);
  // reach[j]: the first i pattern words can match the first j key words (dynamic programming, O(|p|·|w|)).
  let reach = new Array<boolean>(w.length + 1).fill(false);
  reach[0] = true;
  for (const word of p) {
    const next = new Array<boolean>(w.length + 1).fill(false);
    for (let j = 0; j <= w.length; j++) {
      if (word === '#') next[j] = reach[j] || (j > 0 && next[j - 1]);
      else next[j] = j > 0 && reach[j - 1] && (word === '*' || word === w[j - 1]);
    }
    reach = next;
  }
  return reach[w.length];
}

/**
 * Why `pattern` is no binding pattern queuesim accepts, or undefined when it is one. RabbitMQ would take
 * `order*` as the literal word "order*"; a type name cannot contain `*` or `#`, so such a word could never
 * match and is refused as the likely mistake it is.
 */
export function topicPatternProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  for (const word of topicWords(pattern)) {
    if (word === '*' || word === '#') continue;
    if (/[*#]/.test(word))
      return `has the word '${word}': '*' and '#' are wildcards only as whole words between dots`;
    if (!/^[A-Za-z0-9_-]*$/.test(word)) return `has the word '${word}': words are letters, digits, _ and -`;
  }
  return undefined;
}
