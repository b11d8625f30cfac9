import type { SampleStatistics } from '../sample-statistics.js';
import type { FamilyOutcome } from './family.js';

/** Uniform: the MLE bounds are the smallest and largest observations; ln L = −n ln(max − min). */
export function fitUniform(sample: SampleStatistics): FamilyOutcome {
  const { min, max } = sample;
  const width = max - min;
  return {
    spec: { kind: 'uniform', min, max },
    parameterCount: 2,
    logLikelihood: -sample.n * Math.log(width),
    cdf: (x) => Math.min(1, Math.max(0, (x - min) / width)),
    note: 'uniform bounds are the observed min and max (the MLE), so the true range is slightly wider',
  };
}
