import type { RetrySpec } from '../scenario/types.js';

/** When a failed message is tried again: the delivery limit and the exponential back-off. */
export class RetryPolicy {
  constructor(private readonly spec: RetrySpec) {}

  /** True when a message that has failed `attempts` times may not be tried again. */
  exhausted(attempts: number): boolean {
    return this.spec.maxAttempts !== null && attempts >= this.spec.maxAttempts;
  }

  /** Seconds before a message that has failed `attempts` times (≥ 1) becomes visible again. */
  delaySeconds(attempts: number): number {
    const { backoffSeconds, multiplier, maxBackoffSeconds } = this.spec;
    if (backoffSeconds === 0) return 0;
    const delay = backoffSeconds * multiplier ** (attempts - 1);
    return maxBackoffSeconds !== null && delay > maxBackoffSeconds ? maxBackoffSeconds : delay;
  }
}
