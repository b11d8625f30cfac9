import type { SampleStatistics } from '../sample-statistics.js';
import type { FamilyOutcome } from './family.js';

/** Exponential: the MLE of the mean is the sample mean; ln L = −n(ln mean + 1). */
export function fitExponential(sample: SampleStatistics): FamilyOutcome {
  const mean = sample.mean;
  return {
    spec: { kind: 'exponential', mean },
    parameterCount: 1,
    logLikelihood: -sample.n * (Math.log(mean) + 1),
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-x / mean)),
  };
}
