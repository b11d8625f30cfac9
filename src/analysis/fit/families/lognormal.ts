import { normalCdf } from '../../../math/special-functions.js';
import type { SampleStatistics } from '../sample-statistics.js';
import { zerosRuleOut, type FamilyOutcome } from './family.js';

/**
 * Lognormal: the MLE of (μ, σ²) is the mean and the (1/n) variance of ln x; the scenario's mean and cv follow
 * as mean = exp(μ + σ²/2), cv = √(exp(σ²) − 1).
 */
export function fitLognormal(sample: SampleStatistics): FamilyOutcome {
  if (sample.meanLog === null)
    return zerosRuleOut(sample.zeros, 'a lognormal is never 0 (ln 0 is undefined)');
  const mu = sample.meanLog;
  let squares = 0;
  for (const x of sample.sorted) squares += (Math.log(x) - mu) ** 2;
  const sigmaSquared = squares / sample.n;
  const sigma = Math.sqrt(sigmaSquared);
  const n = sample.n;
  // ln L = −Σ ln x − (n/2) ln(2πσ²) − n/2 at the MLE, since Σ(ln x − μ)² = nσ².
  const logLikelihood = -n * mu - (n / 2) * Math.log(2 * Math.PI * sigmaSquared) - n / 2;
  return {
    spec: {
      kind: 'lognormal',
      mean: Math.exp(mu + sigmaSquared / 2),
      cv: Math.sqrt(Math.expm1(sigmaSquared)),
    },
    parameterCount: 2,
    logLikelihood,
    cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
  };
}
