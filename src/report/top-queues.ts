/**
 * The queues a terminal table shows for a large network: a table of thousands of rows is unreadable and
 * slow to lay out, so beyond a limit only the most pressed queues get a row and a line says how many were
 * left out and where the full list is (the JSON output), as the HTML report's ranked overview does.
 */
import type { QueueResult, RunResult } from '../model/run-result.js';

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

/** The line under a cut table: how many queues (or flows) were left out, and where the full list is. */
export function leftOutLine(leftOut: number, total: number, fullList: string, what = 'queues'): string {
  return `${leftOut} of ${total} ${what} left out (the ${total - leftOut} under the most pressure are shown); ${fullList}`;
}

/** A queue's pressure in a run: losses first, then how busy its consumers were. */
function queuePressure(queue: QueueResult): number {
  return queue.lossRate * 10 + (queue.utilization ?? 0);
}

/** A flow's pressure: losses first (10 % of messages lost outweighs any latency), then its end-to-end p99. */
function flowPressure(flow: RunResult['flows'][string]): number {
  const p99 = flow.endToEnd.p99 ?? 0;
  return flow.lossRate * 10 + p99 / (1 + p99);
}

/**
 * What the run's terminal tables show of a large network: the result with only its most pressed queues
 * and flows, and the lines saying what was left out and where the full lists are.
 */
export function terminalView(result: RunResult): { view: RunResult; lines: string[] } {
  const queues = topQueues(Object.entries(result.queues), queuePressure);
  const flows = topQueues(Object.entries(result.flows), flowPressure);
  const lines: string[] = [];
  const total = (record: object) => Object.keys(record).length;
  const fullList = '--json (or the HTML report) lists every one';
  if (queues.leftOut > 0) lines.push(leftOutLine(queues.leftOut, total(result.queues), fullList));
  if (flows.leftOut > 0) {
    lines.push(leftOutLine(flows.leftOut, total(result.flows), fullList, 'flows'));
  }
  if (result.timeseries?.note) lines.push(`time series: ${result.timeseries.note}`);
  if (queues.leftOut === 0 && flows.leftOut === 0) return { view: result, lines };
  const view = {
    ...result,
    queues: Object.fromEntries(queues.shown),
    flows: Object.fromEntries(flows.shown),
  };
  return { view, lines };
}
