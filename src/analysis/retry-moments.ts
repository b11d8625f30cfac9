/**
 * What failures and retries do to one message in a queue: each processing attempt fails independently
 * with probability p; a failed attempt is tried again after `backoff × multiplier^(k−1)` (capped) until
 * `maxAttempts` m attempts are spent. The number of attempts N is geometric truncated at m, so
 * E[N] = (1 − p^m)/(1 − p) (m = ∞: 1/(1 − p)) and P(completed) = 1 − p^m.
 */
import type { RetrySpec } from '../scenario/types.js';

/** The means of one message's attempts and back-off time in a queue with failures. */
export interface RetryMoments {
  /** Expected processing attempts per accepted message. */
  attempts: number;
  /** Probability that the message completes (is not exhausted). */
  success: number;
  /** Expected attempts of a message that completes. */
  attemptsIfCompleted: number;
  /** Expected seconds waiting out back-offs, per accepted message. */
  delay: number;
  /** Expected seconds waiting out back-offs, for a message that completes. */
  delayIfCompleted: number;
}

/** Most back-off terms summed; a series still growing then diverges (p × multiplier ≥ 1, no cap). */
const MAX_TERMS = 100_000;

/** The retry moments for failure probability p (0 ≤ p < 1, as the scenario guarantees) and retry settings. */
export function retryMoments(p: number, retry: RetrySpec): RetryMoments {
  const m = retry.maxAttempts ?? Infinity;
  const pm = p ** m; // 0 when m = ∞
  const success = 1 - pm;
  // Completes at attempt k with probability p^(k−1)(1 − p): Σ k p^(k−1)(1 − p) = (1 − (m+1)p^m + m p^(m+1))/(1 − p).
  const completedAttempts = m === Infinity ? 1 / (1 - p) : (1 - (m + 1) * pm + m * pm * p) / (1 - p);
  // The k-th failure (probability p^k) is followed by a back-off when k < m.
  let delay = 0;
  let delayIfCompleted = 0;
  let weight = 1;
  let converged = retry.backoffSeconds === 0 || m <= 1;
  for (let k = 1; k < m && k <= MAX_TERMS && !converged; k++) {
    weight *= p;
    const wait = Math.min(
      retry.backoffSeconds * retry.multiplier ** (k - 1),
      retry.maxBackoffSeconds ?? Infinity,
    );
    delay += weight * wait;
    delayIfCompleted += (weight - pm) * wait;
    converged = weight * wait <= 1e-17 * delay || k + 1 >= m;
  }
  if (!converged) delay = delayIfCompleted = Infinity;
  return {
    attempts: success / (1 - p),
    success,
    attemptsIfCompleted: completedAttempts / success,
    delay,
    delayIfCompleted: delayIfCompleted / success,
  };
}
