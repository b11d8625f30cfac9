import type { SampleStatistics } from '../sample-statistics.js';
import { zerosRuleOut, type FamilyOutcome } from './family.js';
import { gammaCdf, gammaLogLikelihood, gammaShapeMle, logMeanGap } from './gamma.js';

/**
 * Erlang: a gamma with an integer shape. The likelihood in k is unimodal with its maximum at the gamma MLE,
 * so the best integer is one of the two around it; the mean is the sample mean whatever k is.
 */
export function fitErlang(sample: SampleStatistics): FamilyOutcome {
  if (sample.meanLog === null) return zerosRuleOut(sample.zeros, 'an Erlang with k ≥ 2 is never 0');
  const meanLog = sample.meanLog;
  const shape = gammaShapeMle(logMeanGap(sample, meanLog));
  const candidates = [Math.floor(shape), Math.ceil(shape)].filter((k) => k >= 1);
  let best = 1;
  let bestLogLikelihood = -Infinity;
  for (const k of candidates) {
    const logLikelihood = gammaLogLikelihood(sample, meanLog, k);
    if (logLikelihood > bestLogLikelihood) {
      best = k;
      bestLogLikelihood = logLikelihood;
    }
  }
  // k = 1 is the exponential, which is ranked on its own with one parameter fewer.
  if (best === 1)
    return {
      skipped: `the best integer k is 1, which is the exponential (gamma shape ${shape.toPrecision(3)})`,
    };
  return {
    spec: { kind: 'erlang', k: best, mean: sample.mean },
    parameterCount: 2,
    logLikelihood: bestLogLikelihood,
    cdf: gammaCdf(best, sample.mean),
  };
}
