import { describe, expect, it } from 'vitest';
import { forgetBefore, scaleDownLimit, scaleUpLimit, stabilize } from '../../src/model/hpa-behavior.js';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from '../../src/scenario/normalise-queue.js';
import type { ScalingRulesSpec } from '../../src/scenario/types.js';

const rules = (select: ScalingRulesSpec['select'], ...policies: ScalingRulesSpec['policies']) => ({
  stabilizationSeconds: 0,
  policies,
  select,
});

describe('HPA behavior arithmetic', () => {
  it('stabilizes to the highest recommendation of the scale-down window, strictly within it', () => {
    const past = [
      { time: 0, value: 9 },
      { time: 100, value: 7 },
      { time: 290, value: 3 },
    ];
    // At 300 s the window is (0, 300]: 9 has left it, 7 holds the count up.
    expect(stabilize(past, 2, 8, 300, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN)).toBe(7);
    expect(stabilize(past, 2, 8, 299, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN)).toBe(8); // 9 still in: keep 8
    expect(stabilize(past, 2, 8, 401, DEFAULT_SCALE_UP, DEFAULT_SCALE_DOWN)).toBe(3);
  });

  it('stabilizes a scale-up to the lowest recommendation of its window', () => {
    const up = { ...DEFAULT_SCALE_UP, stabilizationSeconds: 60 };
    const past = [
      { time: 10, value: 4 },
      { time: 40, value: 12 },
    ];
    expect(stabilize(past, 20, 2, 50, up, DEFAULT_SCALE_DOWN)).toBe(4);
    expect(stabilize(past, 20, 2, 71, up, DEFAULT_SCALE_DOWN)).toBe(12);
  });

  it("limits a scale-up from the replicas at the start of each policy's period", () => {
    // Default policies at 6 replicas, 4 of them added 10 s ago: the period began at 2 → max(2 + 4, 2 × 2).
    const added = [{ time: 20, value: 4 }];
    expect(scaleUpLimit(DEFAULT_SCALE_UP, 6, added, 30)).toBe(6);
    expect(scaleUpLimit(DEFAULT_SCALE_UP, 6, added, 35)).toBe(12); // the event is no longer after 35 − 15
    expect(scaleUpLimit(rules('min', { type: 'percent', value: 10, periodSeconds: 60 }), 3, [], 0)).toBe(4);
    expect(scaleUpLimit(rules('disabled', { type: 'pods', value: 9, periodSeconds: 15 }), 3, [], 0)).toBe(3);
  });

  it('limits a scale-down, truncating percent, and select min allows the smallest drop', () => {
    const both = [
      { type: 'pods' as const, value: 1, periodSeconds: 15 },
      { type: 'percent' as const, value: 30, periodSeconds: 15 },
    ];
    // From 10: pods → 9, percent → trunc(7) = 7; max takes the bigger drop, min the smaller.
    expect(scaleDownLimit(rules('max', ...both), 10, [], 0)).toBe(7);
    expect(scaleDownLimit(rules('min', ...both), 10, [], 0)).toBe(9);
    // 3 removed 5 s ago: the period began at 10 → the same limits, nothing more to remove below them.
    expect(scaleDownLimit(rules('max', ...both), 7, [{ time: 0, value: 3 }], 5)).toBe(7);
    expect(scaleDownLimit(DEFAULT_SCALE_DOWN, 5, [], 0)).toBe(0);
  });

  it('forgets entries at or before the cutoff only', () => {
    const entries = [
      { time: 1, value: 1 },
      { time: 2, value: 1 },
      { time: 3, value: 1 },
    ];
    forgetBefore(entries, 2);
    expect(entries).toEqual([{ time: 3, value: 1 }]);
  });
});
