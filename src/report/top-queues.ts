/**
 * The queues a terminal table shows for a large network: a table of thousands of rows is unreadable and
 * slow to lay out, so beyond a limit only the most pressed queues get a row and a line says how many were
 * left out and where the full list is (the JSON output), as the HTML report's ranked overview does.
 */

/** Most queue rows a terminal table shows; a network with more lists only the most pressed. */
export const TERMINAL_QUEUE_ROWS = 30;

/** The queues to show and how many were left out. */
export interface TopQueues<T> {
  /** The most pressed queues, in scenario order. */
  shown: Array<[string, T]>;
  /** How many queues have no row. */
  leftOut: number;
}

/** All queues when there are at most `limit`, else the `limit` with the highest score, in scenario order. */
export function topQueues<T>(
  queues: Array<[string, T]>,
  score: (queue: T) => number,
  limit = TERMINAL_QUEUE_ROWS,
): TopQueues<T> {
  if (queues.length <= limit) return { shown: queues, leftOut: 0 };
  // Stable: equal scores keep scenario order.
  const kept = queues
    .map((entry, index) => ({ index, score: score(entry[1]) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .sort((a, b) => a.index - b.index);
  return { shown: kept.map(({ index }) => queues[index]!), leftOut: queues.length - limit };
}

/** The line under a cut table: how many queues were left out, and where the full list is. */
export function leftOutLine(leftOut: number, total: number, fullList: string): string {
  return `${leftOut} of ${total} queues left out (the ${total - leftOut} under the most pressure are shown); ${fullList}`;
}
