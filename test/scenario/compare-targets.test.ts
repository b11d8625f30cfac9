/** Compared metrics' dotted paths: read back right whatever dots the names hold. */
import { describe, expect, it } from 'vitest';
import { compareTarget, parseTarget } from '../../src/scenario/compare-targets.js';

describe('parseTarget', () => {
  it('is the inverse of compareTarget', () => {
    const target = compareTarget('route', 'web → orders.v2', 'endToEnd.p50');
    expect(target).toBe('routes.web → orders.v2.endToEnd.p50');
    expect(parseTarget(target)).toEqual({ kind: 'route', name: 'web → orders.v2', metric: 'endToEnd.p50' });
  });

  it('reads the metric from the end, so names may hold dots', () => {
    expect(parseTarget('queues.orders.v2.sojourn.p99')).toEqual({
      kind: 'queue',
      name: 'orders.v2',
      metric: 'sojourn.p99',
    });
    expect(parseTarget('routes.web → orders.v2 → billing.endToEnd.p95')).toEqual({
      kind: 'route',
      name: 'web → orders.v2 → billing',
      metric: 'endToEnd.p95',
    });
    expect(parseTarget('flows.web.eu.lossRate')).toEqual({
      kind: 'flow',
      name: 'web.eu',
      metric: 'lossRate',
    });
    expect(() => parseTarget('queues.orders.nonsense')).toThrow(/not a compared metric/);
  });
});
