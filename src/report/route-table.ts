import Table from 'cli-table3';
import type { QueueResult, RunResult } from '../model/run-result.js';
import { metricCell, type Paint } from './estimate-cells.js';
import { formatCount, formatPercent, formatSeconds } from './format.js';

const LATENCY = ['mean', 'p50', 'p95', 'p99', 'max'] as const;

/**
 * Per route (path of queues through `then` routes): completions, their share of the producer's, and the
 * end-to-end latency, with 95 % CI half-widths under the values when there are replications. Empty when
 * the scenario has no routes.
 */
export function routeTable(
  result: RunResult,
  paint: Paint,
  style: { head?: string[]; border?: string[] },
): string[] {
  const routes = Object.entries(result.routes ?? {});
  if (routes.length === 0) return [];
  const table = new Table({
    head: ['route', 'completed', 'share', 'end-to-end mean', 'p50', 'p95', 'p99', 'max'],
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    style,
  });
  for (const [name, route] of routes) {
    // Cells read a route like a queue: the same dotted metric names and `ci95`.
    const record = route as unknown as QueueResult;
    const flowCompleted = result.flows[route.producer]?.completed ?? 0;
    table.push([
      name,
      metricCell(record, 'completed', (v) => (v === null ? '–' : formatCount(v)), paint),
      flowCompleted > 0 ? formatPercent(route.completed / flowCompleted) : '–',
      ...LATENCY.map((stat) => metricCell(record, `endToEnd.${stat}`, formatSeconds, paint)),
    ]);
  }
  const note = paint.dim(
    'Routes count completed copies only; copies lost on the way are in the loss account.',
  );
  return [table.toString(), note];
}
