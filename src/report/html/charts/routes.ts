import type { TopLevelSpec } from 'vega-lite';
import { COLOR } from '../palette.js';
import { specBase } from './theme.js';

const ROW_HEIGHT = 34;
const PERCENTILES = ['p50', 'p95', 'p99'] as const;
const PERCENTILE_COLORS = ['#4e79a7', COLOR.warn, COLOR.bad];

/** One route's end-to-end percentiles, seconds (null when it has none). */
export interface RouteLatencies {
  name: string;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * Each route's end-to-end p50, p95 and p99 on one time axis: a line from p50 to p99 with a marker per
 * percentile, so the routes' typical and tail latencies compare at a glance.
 */
export function routeLatencyChart(routes: RouteLatencies[]): TopLevelSpec {
  const rows = routes.flatMap((route) =>
    PERCENTILES.filter((p) => route[p] !== null).map((p) => ({
      route: route.name,
      percentile: p,
      seconds: route[p],
    })),
  );
  const y = {
    field: 'route',
    type: 'nominal' as const,
    title: null,
    sort: routes.map((route) => route.name),
    // Long paths ("checkout → billing → fraud-check") keep their last queue.
    axis: { labelLimit: 360 },
  };
  return {
    ...specBase('route-latency', rows, ROW_HEIGHT * routes.length),
    data: { name: 'route-latency' },
    layer: [
      {
        mark: { type: 'rule', color: COLOR.neutral, strokeWidth: 3 },
        encoding: {
          y,
          x: { aggregate: 'min', field: 'seconds', type: 'quantitative', title: 'End-to-end latency (s)' },
          x2: { aggregate: 'max', field: 'seconds' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y,
          x: { field: 'seconds', type: 'quantitative' },
          color: {
            field: 'percentile',
            type: 'nominal',
            scale: { domain: [...PERCENTILES], range: PERCENTILE_COLORS },
            legend: { orient: 'top', direction: 'horizontal', symbolType: 'circle' },
          },
          shape: {
            field: 'percentile',
            type: 'nominal',
            scale: { domain: [...PERCENTILES], range: ['circle', 'square', 'diamond'] },
          },
          tooltip: [
            { field: 'route', type: 'nominal', title: 'Route' },
            { field: 'percentile', type: 'nominal', title: 'Percentile' },
            { field: 'seconds', type: 'quantitative', title: 'Seconds', format: '.3~f' },
          ],
        },
      },
    ],
  };
}
