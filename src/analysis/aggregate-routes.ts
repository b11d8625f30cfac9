/**
 * Routes across runs, merged like flows (aggregate.ts): counts and means are means over the runs with 95 %
 * Student-t CIs, percentiles are those of the pooled end-to-end histograms with sectioning CIs. A run lists
 * only the routes it completed, so a route missing from a run counts there as completed 0 times with no
 * latency (the null rule: its latencies are the mean over the runs that have them).
 */
import { poolBuckets } from '../metrics/index.js';
import type { QueueResult, RouteResult, RunResult } from '../model/run-result.js';
import {
  FLOW_PERCENTILES,
  centredOn,
  combineQueue,
  isMaximum,
  meanOrLargest,
  withSectionedPercentiles,
} from './aggregate-records.js';

type Routes = Record<string, RouteResult>;

/** The route's number within its id (`route-12` → 12), to order routes as the scenario numbers them. */
function routeNumber(route: RouteResult): number {
  return Number(route.id.slice(route.id.lastIndexOf('-') + 1));
}

/** Every route some run completed, by name, in route order; absent runs get a route completed 0 times. */
function routesByName(runs: ReadonlyArray<Routes>): Array<[string, RouteResult[]]> {
  const known = new Map<string, RouteResult>();
  for (const routes of runs) for (const [name, route] of Object.entries(routes)) known.set(name, route);
  const names = [...known.keys()].sort((a, b) => routeNumber(known.get(a)!) - routeNumber(known.get(b)!));
  return names.map((name) => {
    const { id, producer, queues } = known.get(name)!;
    const none: RouteResult = {
      id,
      producer,
      queues,
      completed: 0,
      endToEnd: { mean: null, p50: null, p95: null, p99: null, max: null },
      latencyHistogram: { endToEnd: [] },
    };
    return [name, runs.map((routes) => routes[name] ?? none)];
  });
}

/** Independent replications' routes → means with 95 % CIs; undefined when the runs track no routes. */
export function aggregateRouteReplications(results: readonly RunResult[]): Routes | undefined {
  if (results.some((result) => result.routes === undefined)) return undefined;
  const runs = results.map((result) => result.routes!);
  return Object.fromEntries(
    routesByName(runs).map(([name, units]) => {
      const combined = combineQueue(
        units as unknown as QueueResult[],
        meanOrLargest,
        (metric) => !isMaximum(metric),
      ) as unknown as RouteResult;
      withSectionedPercentiles(combined, units, FLOW_PERCENTILES);
      combined.latencyHistogram = {
        endToEnd: poolBuckets(units.map((unit) => unit.latencyHistogram?.endToEnd ?? [])),
      };
      return [name, combined];
    }),
  );
}

/** Batch means: the whole run's routes with CIs centred on its values, as its flows get. */
export function aggregateRouteBatches(batches: readonly RunResult[], whole: RunResult): Routes | undefined {
  if (whole.routes === undefined || batches.some((batch) => batch.routes === undefined)) return undefined;
  const byName = new Map(routesByName(batches.map((batch) => batch.routes!)));
  return Object.fromEntries(
    Object.entries(whole.routes).map(([name, route]) => {
      const units = byName.get(name) ?? [];
      const combined = centredOn(units as unknown as QueueResult[], route, batches.length);
      return [name, withSectionedPercentiles(combined, units, FLOW_PERCENTILES, route)];
    }),
  );
}
