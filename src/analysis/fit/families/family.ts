import type { DistributionSpec } from '../../../scenario/types.js';

/** A family fitted by maximum likelihood, in the scenario's own parameterisation. */
export interface FittedFamily {
  /** The fitted distribution exactly as a scenario would describe it (times in seconds). */
  spec: DistributionSpec;
  /** Parameters estimated from the data (the AIC penalty counts these). */
  parameterCount: number;
  /** ln L at the estimate. */
  logLikelihood: number;
  /** The fitted distribution function, for goodness of fit and quantiles. */
  cdf: (seconds: number) => number;
  /** Something the reader should know about this fit, e.g. how a truncation was handled. */
  note?: string;
}

/** A family that does not apply to this sample, and why, in the user's words. */
export interface SkippedFamily {
  skipped: string;
}

/** What an estimator returns. */
export type FamilyOutcome = FittedFamily | SkippedFamily;

/** True when the outcome is a fit. */
export function isFitted(outcome: FamilyOutcome): outcome is FittedFamily {
  return !('skipped' in outcome);
}

/** The reason a positive-only family cannot take a sample holding zeros. */
export function zerosRuleOut(zeros: number, why: string): SkippedFamily {
  return { skipped: `${zeros} value${zeros === 1 ? ' is' : 's are'} 0, and ${why}` };
}
