/**
 * The lenient view of a scenario file that the semantic rules read: the entries of each section, whatever
 * of them can be made sense of, and the routing graph between them. Anything the schema rejects is skipped
 * here (the schema reports it), so schema errors and relation errors are reported together.
 */
import type { Path, PathProblem } from '../positions.js';
import { asName, entries, isRecord, type Entry } from './entries.js';
import { buildRoutingGraph, type RoutingGraph } from './routing-graph.js';

export type { Entry, Section } from './entries.js';

/** The parts of the scenario the rules look at. */
export interface ScenarioView {
  producers: Entry[];
  queues: Entry[];
  exchanges: Entry[];
  /** Declared message types (valid names under `message-types`) and their priority when readable. */
  messageTypes: Map<string, number | undefined>;
  /** False when `queues` (or a present `exchanges`) is not a list, so references cannot be judged. */
  referencesJudgeable: boolean;
  graph: RoutingGraph;
}

/** A rule: one small check over the view, returning path-tagged problems. */
export type Rule = (view: ScenarioView) => PathProblem[];

/** An error at `path`. */
export const error = (path: Path, message: string): PathProblem => ({ path, message, severity: 'error' });
/** A warning at `path`. */
export const warning = (path: Path, message: string): PathProblem => ({ path, message, severity: 'warning' });

/** Declared message types with their priority (undefined when it is not a valid one). */
function messageTypes(data: unknown): Map<string, number | undefined> {
  const declared = isRecord(data) ? data['message-types'] : undefined;
  const types = new Map<string, number | undefined>();
  if (!isRecord(declared)) return types;
  for (const [name, settings] of Object.entries(declared)) {
    if (asName(name) === undefined) continue;
    const priority = isRecord(settings) ? settings.priority : undefined;
    types.set(name, typeof priority === 'number' && Number.isInteger(priority) ? priority : undefined);
  }
  return types;
}

/** The view of a (possibly invalid) scenario file; `traceTypes`: the types in each producer's trace file. */
export function viewOf(data: unknown, traceTypes: ReadonlyMap<number, string[]> = new Map()): ScenarioView {
  const producers = entries(data, 'producers');
  const queues = entries(data, 'queues');
  const exchanges = entries(data, 'exchanges');
  const exchangesList = isRecord(data) ? data.exchanges : undefined;
  const referencesJudgeable =
    isRecord(data) &&
    Array.isArray(data.queues) &&
    (exchangesList === undefined || Array.isArray(exchangesList));
  return {
    producers,
    queues,
    exchanges,
    messageTypes: messageTypes(data),
    referencesJudgeable,
    graph: buildRoutingGraph(producers, queues, exchanges, traceTypes),
  };
}
