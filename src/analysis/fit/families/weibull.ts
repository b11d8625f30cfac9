import type { SampleStatistics } from '../sample-statistics.js';
import { zerosRuleOut, type FamilyOutcome } from './family.js';

/**
 * Weibull: the shape k solves g(k) = Σ xᵏ ln x / Σ xᵏ − 1/k − mean(ln x) = 0 (the profile likelihood
 * equation, e.g. Johnson, Kotz & Balakrishnan vol. 1 §21.4). g rises strictly from −∞ to max ln x − mean ln x,
 * so Newton's method kept inside a bisection bracket always converges. The scale follows: λᵏ = Σ xᵏ / n.
 */
export function fitWeibull(sample: SampleStatistics): FamilyOutcome {
  if (sample.meanLog === null) return zerosRuleOut(sample.zeros, 'ln x enters the Weibull likelihood');
  const meanLog = sample.meanLog;
  // Centred logs y = ln x − mean(ln x), so mean(y) = 0; weights e^(k(y − max y)) cannot overflow.
  const y = Float64Array.from(sample.sorted, (x) => Math.log(x) - meanLog);
  const yMax = y[y.length - 1];
  let sdLog = 0;
  for (const v of y) sdLog += v * v;
  sdLog = Math.sqrt(sdLog / y.length);

  /** g(k), g′(k) and ln Σ e^(k(y − max y)) at shape k. */
  const equation = (k: number) => {
    let sumW = 0;
    let sumWY = 0;
    let sumWY2 = 0;
    for (const v of y) {
      const w = Math.exp(k * (v - yMax));
      sumW += w;
      sumWY += w * v;
      sumWY2 += w * v * v;
    }
    const weightedMean = sumWY / sumW;
    return {
      g: weightedMean - 1 / k,
      slope: sumWY2 / sumW - weightedMean * weightedMean + 1 / (k * k),
      logSumW: Math.log(sumW),
    };
  };

  // Start where a Weibull's sd of ln x, π/(k√6), matches the sample's; bracket the root around it.
  let k = Math.PI / (Math.sqrt(6) * sdLog);
  let low = k;
  let high = k;
  while (equation(low).g > 0) low /= 2;
  while (equation(high).g < 0) high *= 2;
  for (let i = 0; i < 200; i++) {
    const { g, slope } = equation(k);
    if (g < 0) low = k;
    else high = k;
    let next = k - g / slope;
    if (!(next > low && next < high)) next = (low + high) / 2;
    const converged = Math.abs(next - k) <= 1e-12 * k;
    k = next;
    if (converged || high - low <= 1e-14 * k) break;
  }
  const { logSumW } = equation(k);
  const n = sample.n;
  const logScale = meanLog + yMax + (logSumW - Math.log(n)) / k;
  const scale = Math.exp(logScale);
  // ln L = Σ[ln k − k ln λ + (k − 1) ln x − (x/λ)ᵏ], and Σ(x/λ)ᵏ = n at the scale MLE.
  const logLikelihood = n * (Math.log(k) - k * logScale + (k - 1) * meanLog - 1);
  return {
    spec: { kind: 'weibull', shape: k, scale },
    parameterCount: 2,
    logLikelihood,
    cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-Math.exp(k * (Math.log(x) - logScale)))),
  };
}
