/** Routes merged over runs: a route missing from a run counts there as completed 0 times. */
import { describe, expect, it } from 'vitest';
import { aggregateReplications } from '../../src/analysis/aggregate.js';
import type { RouteResult, RunResult } from '../../src/model/run-result.js';

function route(id: number, completed: number, latency: number): RouteResult {
  return {
    id: `route-${id}`,
    producer: 'web',
    queues: ['a'],
    completed,
    endToEnd: { mean: latency, p50: latency, p95: latency, p99: latency, max: latency },
    latencyHistogram: { endToEnd: [[latency, latency * 1.01, completed]] },
  };
}

function run(routes: Record<string, RouteResult>): RunResult {
  return {
    scenario: 's',
    seed: 1,
    measuredSeconds: 10,
    warmupSeconds: 0,
    queues: {},
    flows: {},
    routes,
    exchanges: {},
  };
}

describe('aggregateReplications of routes', () => {
  it('averages counts over every run, zero where a route did not complete, in route order', () => {
    const merged = aggregateReplications([
      run({ 'web → a → c': route(3, 4, 2) }),
      run({ 'web → a': route(1, 10, 1), 'web → a → c': route(3, 2, 4) }),
    ]);
    expect(Object.keys(merged.routes!)).toEqual(['web → a', 'web → a → c']);
    expect(merged.routes!['web → a'].completed).toBe(5);
    expect(merged.routes!['web → a → c'].completed).toBe(3);
    // Latency of a route absent from a run: the mean over the runs that have it, and no interval.
    expect(merged.routes!['web → a'].endToEnd.mean).toBe(1);
    expect(merged.routes!['web → a'].ci95!['endToEnd.mean']).toBeUndefined();
    expect(merged.routes!['web → a → c'].ci95!['endToEnd.mean']).toHaveLength(2);
    expect(merged.routes!['web → a → c'].latencyHistogram!.endToEnd).toHaveLength(2);
  });

  it('leaves `routes` out when the runs track none', () => {
    const { routes: _none, ...plain } = run({});
    expect(aggregateReplications([plain, plain]).routes).toBeUndefined();
  });
});
