/** The "no estimate" answer, in the one shape every reader of the results expects. */
import type { NoAnalyticEstimate } from '../results/analysis-results.js';

/** No analytic estimate for a queue, and why: `values` null and `method` the reason (the JSON asks both). */
export function noEstimate(reason: string): NoAnalyticEstimate {
  return { model: null, reason, values: null, method: reason };
}
