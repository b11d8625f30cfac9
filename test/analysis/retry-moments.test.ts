import { describe, expect, it } from 'vitest';
import { retryMoments } from '../../src/analysis/retry-moments.js';
import type { RetrySpec } from '../../src/scenario/types.js';

const retry = (fields: Partial<RetrySpec>): RetrySpec => ({
  maxAttempts: null,
  backoffSeconds: 0,
  multiplier: 1,
  maxBackoffSeconds: null,
  ...fields,
});

describe('retryMoments', () => {
  it('without failures: one attempt, no back-off', () => {
    expect(retryMoments(0, retry({ backoffSeconds: 5 }))).toEqual({
      attempts: 1,
      success: 1,
      attemptsIfCompleted: 1,
      delay: 0,
      delayIfCompleted: 0,
    });
  });

  it('unlimited attempts: E[N] = 1/(1 − p), every message completes', () => {
    const moments = retryMoments(0.2, retry({}));
    expect(moments.attempts).toBeCloseTo(1.25, 14); // 1/0.8
    expect(moments.success).toBe(1);
    expect(moments.attemptsIfCompleted).toBeCloseTo(1.25, 14);
  });

  it('max-attempts 3: E[N] = (1 − p³)/(1 − p), exhausted with probability p³', () => {
    const moments = retryMoments(0.2, retry({ maxAttempts: 3, backoffSeconds: 1, multiplier: 2 }));
    expect(moments.attempts).toBeCloseTo(0.992 / 0.8, 14); // 1 + 0.2 + 0.04 = 1.24
    expect(moments.success).toBeCloseTo(0.992, 14); // 1 − 0.008
    // Completes at attempt 1, 2, 3 with 0.8, 0.16, 0.032: (0.8 + 0.32 + 0.096)/0.992.
    expect(moments.attemptsIfCompleted).toBeCloseTo(1.216 / 0.992, 14);
    // Back-offs of 1 s after the 1st failure (p = 0.2) and 2 s after the 2nd (p² = 0.04); none after the 3rd.
    expect(moments.delay).toBeCloseTo(0.2 * 1 + 0.04 * 2, 14);
    // Given completion: the k-th back-off happens unless all 3 attempts fail, (p^k − p³)/(1 − p³).
    expect(moments.delayIfCompleted).toBeCloseTo((0.192 * 1 + 0.032 * 2) / 0.992, 14);
  });

  it('unlimited back-off series: summed, capped, or infinite when it diverges', () => {
    // Σ 0.2^k · 2^(k−1) = ½ Σ 0.4^k = ½ · 0.4/0.6 = 1/3.
    expect(retryMoments(0.2, retry({ backoffSeconds: 1, multiplier: 2 })).delay).toBeCloseTo(1 / 3, 12);
    // Capped at 1.5 s: 0.2·1 + Σ_{k≥2} 0.2^k · 1.5 = 0.2 + 1.5 · 0.04/0.8 = 0.275.
    const capped = retryMoments(0.2, retry({ backoffSeconds: 1, multiplier: 2, maxBackoffSeconds: 1.5 }));
    expect(capped.delay).toBeCloseTo(0.275, 12);
    // p · multiplier = 1: every term is ½ s, the mean back-off is infinite.
    expect(retryMoments(0.5, retry({ backoffSeconds: 1, multiplier: 2 })).delay).toBe(Infinity);
  });
});
