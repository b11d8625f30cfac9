import { logGamma, normalCdf } from '../../math/special-functions.js';
import { RandomStream } from '../../engine/random.js';
import type { DistributionSpec } from '../../scenario/types.js';
import type { FittedFamily } from './families/family.js';
import { gammaCdf } from './families/gamma.js';
import { goodnessOfFit, type GoodnessOfFit } from './goodness-of-fit.js';
import { minimise } from './nelder-mead.js';
import { ROUNDING_MATTERS_BELOW_STEPS } from './resolution.js';

/**
 * Maximum likelihood for values rounded to a grid step h (interval censoring): each value x contributes
 * P(x − h/2 < X ≤ x + h/2) = F(x + h/2) − F(x − h/2), and 0 contributes F(h/2). Far above the step the
 * density is an exact enough stand-in (f(x)·h, relative error ~ (h/x)²), which keeps the cost at one
 * logarithm per value; only values within ROUNDING_MATTERS_BELOW_STEPS steps of 0 need the CDF.
 * ln L is reported as Σ ln(P/h), on the scale of a density, so it reads like the unrounded ln L.
 */

/** One distribution of a family at given parameters. */
interface Candidate {
  spec: DistributionSpec;
  logDensity: (x: number) => number;
  cdf: (x: number) => number;
  /** Σ ln f over the large values from their sums, when the family's density allows (one step per fit, not n). */
  logDensitySum?: (sums: LargeSums) => number;
}

/** Sums over the values far from 0 that the exponential-family densities need. */
export interface LargeSums {
  count: number;
  sum: number;
  sumSquares: number;
  sumLog: number;
  sumLogSquares: number;
}

/** The rounded sample, split once: values near 0 with their counts, the rest as they are. */
export interface RoundedSample {
  step: number;
  /** Distinct values below ROUNDING_MATTERS_BELOW_STEPS steps and how often each occurs. */
  small: Array<{ value: number; count: number }>;
  /** Every other value. */
  large: Float64Array;
  /** All values, ascending (for goodness of fit). */
  sorted: Float64Array;
  /** Sums over `large`. */
  sums: LargeSums;
}

/** Splits a sorted sample rounded to `step` for the interval likelihood. */
export function roundedSample(sorted: Float64Array, step: number): RoundedSample {
  const small: RoundedSample['small'] = [];
  let i = 0;
  const limit = ROUNDING_MATTERS_BELOW_STEPS * step;
  for (; i < sorted.length && sorted[i] < limit; i++) {
    const last = small[small.length - 1];
    if (last !== undefined && last.value === sorted[i]) last.count++;
    else small.push({ value: sorted[i], count: 1 });
  }
  const large = sorted.subarray(i);
  const sums: LargeSums = { count: large.length, sum: 0, sumSquares: 0, sumLog: 0, sumLogSquares: 0 };
  for (const x of large) {
    const lx = Math.log(x);
    sums.sum += x;
    sums.sumSquares += x * x;
    sums.sumLog += lx;
    sums.sumLogSquares += lx * lx;
  }
  return { step, small, large, sorted, sums };
}

/** Σ ln(P/h) of the rounded sample under a candidate; −Infinity when it calls an observed value impossible. */
export function roundedLogLikelihood(data: RoundedSample, candidate: Candidate): number {
  const h = data.step;
  let sum = 0;
  for (const { value, count } of data.small) {
    const probability = candidate.cdf(value + h / 2) - candidate.cdf(Math.max(0, value - h / 2));
    sum += count * Math.log(probability / h);
  }
  if (candidate.logDensitySum) sum += candidate.logDensitySum(data.sums);
  else for (let i = 0; i < data.large.length; i++) sum += candidate.logDensity(data.large[i]);
  return Number.isNaN(sum) ? -Infinity : sum;
}

/**
 * Goodness of fit for rounded values by the randomised probability integral transform: u = F(a) + V·(F(b) − F(a))
 * over each value's interval [a, b], V uniform from a fixed seed. Under the fitted distribution the u are
 * exactly uniform however coarse the rounding (Brockwell 2007, Stat. Prob. Letters 77), so the usual KS and
 * A² apply to them; comparing the continuous CDF with rounded values instead would reject every family.
 */
export function roundedGoodnessOfFit(data: RoundedSample, cdf: (x: number) => number): GoodnessOfFit {
  const random = new RandomStream(1, 'fit/randomised-pit');
  const h = data.step;
  const u = Float64Array.from(data.sorted, (x) => {
    const low = cdf(Math.max(0, x - h / 2));
    return low + random.next() * (cdf(x + h / 2) - low);
  }).sort();
  return goodnessOfFit(u, (p) => p);
}

/** A family's parameters as an unconstrained vector, and back. */
interface Parameterisation {
  start: (spec: DistributionSpec) => number[];
  build: (point: number[]) => Candidate | null;
}

const exponential: Parameterisation = {
  start: (spec) => [Math.log((spec as { mean: number }).mean)],
  build: ([logMean]) => {
    const mean = Math.exp(logMean);
    return {
      spec: { kind: 'exponential', mean },
      logDensity: (x) => -logMean - x / mean,
      cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-x / mean)),
      logDensitySum: (sums) => -sums.count * logMean - sums.sum / mean,
    };
  },
};

/** Gamma with shape k and the given mean, as a candidate (the Erlang when k is an integer). */
function gammaCandidate(k: number, mean: number, spec: DistributionSpec): Candidate {
  const logTheta = Math.log(mean / k);
  const theta = mean / k;
  const constant = -k * logTheta - logGamma(k);
  return {
    spec,
    logDensity: (x) => (k - 1) * Math.log(x) - x / theta + constant,
    cdf: gammaCdf(k, mean),
    logDensitySum: (sums) => (k - 1) * sums.sumLog - sums.sum / theta + sums.count * constant,
  };
}

const gamma: Parameterisation = {
  start: (spec) => {
    const { mean, cv } = spec as { mean: number; cv: number };
    return [Math.log(mean), -2 * Math.log(cv)];
  },
  build: ([logMean, logK]) => {
    const mean = Math.exp(logMean);
    const k = Math.exp(logK);
    if (!(k > 1e-3 && k < 1e6)) return null;
    return gammaCandidate(k, mean, { kind: 'gamma', mean, cv: 1 / Math.sqrt(k) });
  },
};

/** The Erlang with a fixed integer k; only the mean is free. */
function erlang(k: number): Parameterisation {
  return {
    start: (spec) => [Math.log((spec as { mean: number }).mean)],
    build: ([logMean]) => {
      const mean = Math.exp(logMean);
      return gammaCandidate(k, mean, { kind: 'erlang', k, mean });
    },
  };
}

const weibull: Parameterisation = {
  start: (spec) => {
    const { shape, scale } = spec as { shape: number; scale: number };
    return [Math.log(shape), Math.log(scale)];
  },
  build: ([logShape, logScale]) => {
    const k = Math.exp(logShape);
    if (!(k > 1e-3 && k < 1e4)) return null;
    const scale = Math.exp(logScale);
    return {
      spec: { kind: 'weibull', shape: k, scale },
      logDensity: (x) => {
        const z = Math.log(x) - logScale;
        return logShape - logScale + (k - 1) * z - Math.exp(k * z);
      },
      cdf: (x) => (x <= 0 ? 0 : -Math.expm1(-Math.exp(k * (Math.log(x) - logScale)))),
    };
  },
};

const lognormal: Parameterisation = {
  start: (spec) => {
    const { mean, cv } = spec as { mean: number; cv: number };
    const sigmaSquared = Math.log1p(cv * cv);
    return [Math.log(mean) - sigmaSquared / 2, Math.log(sigmaSquared) / 2];
  },
  build: ([mu, logSigma]) => {
    const sigma = Math.exp(logSigma);
    if (!(sigma > 1e-6 && sigma < 100)) return null;
    const constant = -logSigma - 0.5 * Math.log(2 * Math.PI);
    return {
      spec: {
        kind: 'lognormal',
        mean: Math.exp(mu + (sigma * sigma) / 2),
        cv: Math.sqrt(Math.expm1(sigma * sigma)),
      },
      logDensity: (x) => {
        const lx = Math.log(x);
        return constant - lx - (lx - mu) ** 2 / (2 * sigma * sigma);
      },
      cdf: (x) => (x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma)),
      logDensitySum: (sums) =>
        sums.count * constant -
        sums.sumLog -
        (sums.sumLogSquares - 2 * mu * sums.sumLog + sums.count * mu * mu) / (2 * sigma * sigma),
    };
  },
};

/** The normal truncated at 0, as the simulator samples it; the mean must stay above 0. */
function normal(reference: number): Parameterisation {
  return {
    start: (spec) => {
      const { mean, sd } = spec as { mean: number; sd: number };
      return [mean / reference, Math.log(sd / reference)];
    },
    build: ([location, logScale]) => {
      const mu = location * reference;
      const sigma = Math.exp(logScale) * reference;
      // A scenario normal needs mean > 0; as in the exact fit, the location stays at least sd/1000.
      if (!(sigma > 0) || !(mu >= 0.999e-3 * sigma)) return null;
      const kept = normalCdf(mu / sigma);
      const constant = -Math.log(sigma) - 0.5 * Math.log(2 * Math.PI) - Math.log(kept);
      return {
        spec: { kind: 'normal', mean: mu, sd: sigma },
        logDensity: (x) => constant - (x - mu) ** 2 / (2 * sigma * sigma),
        cdf: (x) => (x <= 0 ? 0 : Math.max(0, 1 - normalCdf((mu - x) / sigma) / kept)),
        logDensitySum: (sums) =>
          sums.count * constant -
          (sums.sumSquares - 2 * mu * sums.sum + sums.count * mu * mu) / (2 * sigma * sigma),
      };
    },
  };
}

/** The uniform whose bounds are the extreme values widened by half a step: the MLE under rounding. */
function uniformCandidate(data: RoundedSample): Candidate {
  const min = Math.max(0, data.sorted[0] - data.step / 2);
  const max = data.sorted[data.sorted.length - 1] + data.step / 2;
  const width = max - min;
  return {
    spec: { kind: 'uniform', min, max },
    logDensity: (x) => (x >= min && x <= max ? -Math.log(width) : -Infinity),
    cdf: (x) => Math.min(1, Math.max(0, (x - min) / width)),
  };
}

/** The candidate of a parameterisation that maximises the rounded likelihood, from the given start. */
function maximise(
  data: RoundedSample,
  family: Parameterisation,
  start: DistributionSpec,
): { candidate: Candidate; logLikelihood: number } {
  const objective = (point: number[]) => {
    const candidate = family.build(point);
    if (candidate === null) return Infinity;
    const value = -roundedLogLikelihood(data, candidate);
    return Number.isNaN(value) ? Infinity : value;
  };
  const best = minimise(objective, family.start(start));
  const candidate = family.build(best);
  if (candidate === null) throw new Error(`rounded fit: ${start.kind} optimum outside its domain`);
  return { candidate, logLikelihood: roundedLogLikelihood(data, candidate) };
}

/** A FittedFamily from a candidate and its rounded ln L. */
function fitted(
  candidate: Candidate,
  logLikelihood: number,
  parameterCount: number,
  note?: string,
): FittedFamily {
  return {
    spec: candidate.spec,
    parameterCount,
    logLikelihood,
    cdf: candidate.cdf,
    ...(note !== undefined ? { note } : {}),
  };
}

/**
 * The fit of one family to rounded values, started from its fit to the values taken as exact (with zeros
 * moved to a quarter step, so that every family has a start); null when the family does not apply.
 */
export function refineForRounding(
  data: RoundedSample,
  start: FittedFamily,
  gammaShape: () => number,
): FittedFamily | { skipped: string } {
  const spec = start.spec;
  switch (spec.kind) {
    case 'exponential': {
      const { candidate, logLikelihood } = maximise(data, exponential, spec);
      return fitted(candidate, logLikelihood, 1);
    }
    case 'gamma': {
      const { candidate, logLikelihood } = maximise(data, gamma, spec);
      return fitted(candidate, logLikelihood, 2);
    }
    case 'weibull': {
      const { candidate, logLikelihood } = maximise(data, weibull, spec);
      return fitted(candidate, logLikelihood, 2);
    }
    case 'lognormal': {
      const { candidate, logLikelihood } = maximise(data, lognormal, spec);
      return fitted(candidate, logLikelihood, 2);
    }
    case 'normal': {
      const { candidate, logLikelihood } = maximise(data, normal(spec.sd), spec);
      return fitted(candidate, logLikelihood, 2, start.note);
    }
    case 'erlang': {
      // The likelihood in k is unimodal about the rounded gamma's shape: the best integer is next to it.
      const shape = gammaShape();
      let best: { candidate: Candidate; logLikelihood: number } | null = null;
      for (const k of new Set([Math.floor(shape), Math.ceil(shape)].filter((k) => k >= 1))) {
        const outcome = maximise(data, erlang(k), { kind: 'erlang', k, mean: spec.mean });
        if (best === null || outcome.logLikelihood > best.logLikelihood) best = outcome;
      }
      if (best === null || (best.candidate.spec as { k: number }).k === 1)
        return {
          skipped: `the best integer k is 1, which is the exponential (gamma shape ${shape.toPrecision(3)})`,
        };
      return fitted(best.candidate, best.logLikelihood, 2);
    }
    case 'uniform': {
      const candidate = uniformCandidate(data);
      return fitted(
        candidate,
        roundedLogLikelihood(data, candidate),
        2,
        'uniform bounds are the observed min and max widened by half the resolution (the MLE for rounded values)',
      );
    }
    default:
      throw new Error(`rounded fit: no parameterisation for ${spec.kind}`);
  }
}
