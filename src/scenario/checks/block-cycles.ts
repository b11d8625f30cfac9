/**
 * Cycles of `overflow: block` queues that can deadlock. A consumer publishing onward into a full `block`
 * queue keeps its message until there is room, and room comes only from that queue's consumers finishing.
 * When `then` routes lead from block queue to block queue and back, all the consumers on the cycle can end
 * up waiting on each other with every queue full: nothing moves again (the model detects it when it
 * happens). It is possible, not certain, so this is a warning. A queue with a TTL breaks such a cycle (its
 * waiting messages expire and make room), and so does one without a limit (it is never full).
 */
import * as msg from '../messages.js';
import type { PathProblem } from '../positions.js';
import { entryAt, shortestCycle, stronglyConnected, type SparseRows } from './routing-cycles.js';
import { linksFrom, type Destination } from './routing-graph.js';
import { warning, type Entry, type Rule } from './view.js';

/** A queue whose consumers can be held by a full downstream queue and which can itself hold publishers. */
function canBeWaitedOn(queue: Entry): boolean {
  const { fields } = queue;
  return (
    fields.overflow === 'block' &&
    fields.partitions === undefined && // a topic never blocks its publishers
    (fields.capacity !== undefined || fields['capacity-bytes'] !== undefined) &&
    fields.ttl === undefined &&
    fields.then !== undefined // consumers that publish onward can wait on the next queue
  );
}

/** Block queues on a `then` cycle of block queues, reported once per cycle. */
export const blockCyclesMayDeadlock: Rule = ({ graph }) => {
  const queues = [...graph.destinations.values()].filter(
    (destination): destination is Destination =>
      destination.kind === 'queue' && canBeWaitedOn(destination.entry),
  );
  const indexOf = new Map(queues.map((queue, i) => [queue.name, i]));
  const weight: SparseRows<number> = queues.map(() => new Map());
  const links = linksFrom(graph);
  queues.forEach((queue, i) => {
    for (const route of links.routes(queue.entry)) {
      if (!(route.probability > 0)) continue;
      const target = graph.destinations.get(route.to);
      // Through an exchange, a delivery to any bound block queue can hold the consumer.
      const names =
        target?.kind === 'exchange'
          ? links.bindings(target.entry).map((binding) => binding.queue)
          : [route.to];
      for (const name of names) {
        const j = indexOf.get(name);
        if (j !== undefined) weight[i].set(j, 1);
      }
    }
  });
  const problems: PathProblem[] = [];
  for (const component of stronglyConnected(weight)) {
    if (component.length === 1 && entryAt(weight, component[0], component[0]) === 0) continue;
    const start = component[0]; // the queue written first
    const cycle = shortestCycle(start, component, weight).map((i) => queues[i].name);
    problems.push(
      warning(
        ['queues', queues[start].entry.index, 'overflow'],
        msg.blockCycleMayDeadlock([...cycle, cycle[0]]),
      ),
    );
  }
  return problems;
};
