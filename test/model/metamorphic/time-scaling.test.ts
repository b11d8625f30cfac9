/**
 * Time scaling, exact: every rate × k and every duration ÷ k (k a power of two, so every sample scales
 * exactly in floating point) gives the same run on a faster clock — every count equal, every time ÷ k,
 * every rate × k, every ratio (utilisation, loss rate, mean queue length) equal, bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/model/simulate.js';
import type { RunResult } from '../../../src/model/run-result.js';
import {
  metamorphicParameters,
  parseGenerated,
  scaleTimes,
  scenarioArbitrary,
  toGenerated,
} from '../../helpers/scenario-arbitrary.js';

const TIME_KEYS = new Set([
  'mean',
  'p50',
  'p95',
  'p99',
  'max',
  'min',
  'blockedSeconds',
  'consumerBlockedSeconds',
  'consumerSeconds',
  'measuredSeconds',
  'warmupSeconds',
  'rebalancePausedSeconds',
]);
const RATE_KEYS = new Set(['throughput']);

/**
 * Compares two results leaf by leaf: a time (by key) must be exactly base ÷ k, a rate exactly base × k,
 * anything else (counts, ratios, names) equal. Returns the paths that differ.
 */
function differences(
  base: unknown,
  scaled: unknown,
  k: number,
  path: string,
  out: string[],
  tolerance: (key: string) => number = () => 0,
): void {
  if (typeof base === 'number' && typeof scaled === 'number') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    // A lag is counted in messages: its mean and max are counts, not times.
    const isTime = TIME_KEYS.has(key) && !path.includes('.lag.');
    const expected = isTime ? base / k : RATE_KEYS.has(key) ? base * k : base;
    const slack = tolerance(key) * Math.abs(expected);
    const close = slack === 0 ? Object.is(expected, scaled) : Math.abs(scaled - expected) <= slack;
    if (!close) out.push(`${path}: ${base} → ${scaled}, expected ${expected}`);
    return;
  }
  if (base === null || scaled === null || typeof base !== 'object' || typeof scaled !== 'object') {
    if (base !== scaled) out.push(`${path}: ${JSON.stringify(base)} → ${JSON.stringify(scaled)}`);
    return;
  }
  const keys = new Set([...Object.keys(base), ...Object.keys(scaled)]);
  for (const key of keys) {
    differences(
      (base as Record<string, unknown>)[key],
      (scaled as Record<string, unknown>)[key],
      k,
      `${path}.${key}`,
      out,
      tolerance,
    );
  }
}

/** The parts of a result that are defined in simulated time (the time series and histograms aside). */
function comparable(result: RunResult): unknown {
  const queues = Object.fromEntries(
    Object.entries(result.queues).map(([name, queue]) => {
      const { latencyHistogram: _histogram, ...rest } = queue;
      return [name, rest];
    }),
  );
  const flows = Object.fromEntries(
    Object.entries(result.flows).map(([name, flow]) => {
      const { latencyHistogram: _histogram, ...rest } = flow;
      return [name, rest];
    }),
  );
  return {
    queues,
    flows,
    exchanges: result.exchanges,
    measuredSeconds: result.measuredSeconds,
  };
}

describe('time scaling (exact)', () => {
  it('every rate × k and every time ÷ k: counts equal, times ÷ k, rates × k, ratios equal', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ lognormal: false }), fc.constantFrom(2, 4, 0.5), (generated, k) => {
        const base = simulate(parseGenerated(generated)).result;
        const scaled = simulate(parseGenerated(toGenerated(scaleTimes(generated.raw, k)))).result;
        const out: string[] = [];
        differences(comparable(base), comparable(scaled), k, 'result', out);
        expect(out.slice(0, 12)).toEqual([]);
      }),
      metamorphicParameters(60),
    );
  });

  it('k = 10 (not a power of two): counts equal, times ÷ 10 to rounding, percentiles to the bucket width', () => {
    // Samples scale to within a few ulps, so no event changes order (no constants: no exact ties); a
    // percentile is a bucket's midpoint, within 1/256 of the value on either side: 1/128 between two runs.
    const tolerance = (key: string) => (['p50', 'p95', 'p99'].includes(key) ? 1 / 128 : 1e-9);
    fc.assert(
      fc.property(scenarioArbitrary({ constants: false }), (generated) => {
        const base = simulate(parseGenerated(generated)).result;
        const scaled = simulate(parseGenerated(toGenerated(scaleTimes(generated.raw, 10)))).result;
        const out: string[] = [];
        differences(comparable(base), comparable(scaled), 10, 'result', out, tolerance);
        expect(out.slice(0, 12)).toEqual([]);
      }),
      metamorphicParameters(40),
    );
  });
});
