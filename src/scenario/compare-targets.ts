/**
 * The metrics `queuesim compare` pairs, per queue, flow (a producer's messages end to end) and route (a path
 * through `then` routes), and the dotted paths that name one in its results and its `--json`
 * (`queues.billing.sojourn.p99`, `routes.checkout → billing → ledger.endToEnd.p95`). Beside the SLO
 * metrics (slo-metrics.ts) because both name result metrics by such paths; the analysis reads the values
 * with them and the report groups its rows by them.
 */

/** Metrics compared per queue (dotted names, as in a run's JSON) and per flow. */
export const COMPARE_QUEUE_METRICS = [
  'throughput',
  'utilization',
  'lossRate',
  'dropRate',
  'meanQueueLength',
  'wait.mean',
  'sojourn.mean',
  'sojourn.p99',
  'consumerSeconds',
] as const;
export const COMPARE_FLOW_METRICS = ['endToEnd.mean', 'endToEnd.p99', 'lossRate'] as const;
/** Per route (a path of queues through `then` routes, as `run` reports it): its end-to-end percentiles. */
export const COMPARE_ROUTE_METRICS = ['endToEnd.p50', 'endToEnd.p95', 'endToEnd.p99'] as const;

/** Where a compared metric lives: a queue's, a flow's (producer's) or a route's. */
export type CompareKind = 'queue' | 'flow' | 'route';

/** Per kind: the collection of a run's results (its `--json` key) and the metrics compared there. */
export const COMPARED: Record<CompareKind, { key: string; metrics: readonly string[] }> = {
  queue: { key: 'queues', metrics: COMPARE_QUEUE_METRICS },
  flow: { key: 'flows', metrics: COMPARE_FLOW_METRICS },
  route: { key: 'routes', metrics: COMPARE_ROUTE_METRICS },
};

/** The dotted path of one compared metric: "queues.<name>.<metric>", "routes.<name>.<metric>"… */
export function compareTarget(kind: CompareKind, name: string, metric: string): string {
  return `${COMPARED[kind].key}.${name}.${metric}`;
}

/**
 * A compared target read back: its kind, the queue, flow or route name and the metric. Names may contain
 * dots (`orders.v2`, a route `web → orders.v2`), so the metric is matched from the end against the known
 * ones rather than by splitting on every dot.
 */
export function parseTarget(target: string): { kind: CompareKind; name: string; metric: string } {
  for (const [kind, { key, metrics }] of Object.entries(COMPARED) as Array<
    [CompareKind, (typeof COMPARED)[CompareKind]]
  >) {
    if (!target.startsWith(`${key}.`)) continue;
    const rest = target.slice(key.length + 1);
    const metric = metrics.find((known) => rest.endsWith(`.${known}`));
    if (metric) return { kind, name: rest.slice(0, -metric.length - 1), metric };
  }
  throw new Error(`compare: "${target}" is not a compared metric`);
}
