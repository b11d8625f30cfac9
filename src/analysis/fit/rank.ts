import type { DistributionSpec } from '../../scenario/types.js';
import { fitErlang } from './families/erlang.js';
import { fitExponential } from './families/exponential.js';
import { isFitted, type FamilyOutcome, type FittedFamily } from './families/family.js';
import { fitGamma } from './families/gamma.js';
import { fitLognormal } from './families/lognormal.js';
import { fitTruncatedNormal } from './families/normal.js';
import { fitUniform } from './families/uniform.js';
import { fitWeibull } from './families/weibull.js';
import { goodnessOfFit, type GoodnessOfFit } from './goodness-of-fit.js';
import { quantileFromCdf } from './quantile.js';
import { materialResolution } from './resolution.js';
import { refineForRounding, roundedGoodnessOfFit, roundedSample, type RoundedSample } from './rounded.js';
import { isSeriallyCorrelated, lag1Autocorrelation } from './serial-correlation.js';
import { sampleStatistics, sortedQuantile, type SampleStatistics } from './sample-statistics.js';

/** A distribution family's name, as the scenario's `distribution:` key spells it. */
export type FamilyName = DistributionSpec['kind'];

/** The estimators ranked, in the order ties are listed. */
const ESTIMATORS: ReadonlyArray<[FamilyName, (sample: SampleStatistics) => FamilyOutcome]> = [
  ['exponential', fitExponential],
  ['erlang', fitErlang],
  ['gamma', fitGamma],
  ['weibull', fitWeibull],
  ['lognormal', fitLognormal],
  ['normal', fitTruncatedNormal],
  ['uniform', fitUniform],
];

/**
 * Families that are special cases of others: the exponential is a gamma, Weibull and Erlang with shape 1,
 * an Erlang a gamma with an integer shape. Within PARSIMONY_AIC of the leader the special case is chosen.
 */
const SPECIAL_CASE_OF: Partial<Record<FamilyName, FamilyName[]>> = {
  exponential: ['gamma', 'weibull', 'erlang'],
  erlang: ['gamma'],
};

/** AIC differences below 2 are not evidence for either model (Burnham & Anderson 2002, §2.6). */
const PARSIMONY_AIC = 2;

/**
 * A family passes when its KS p-value is at least this. With parameters estimated from the data the p-value
 * is conservative (too high), so a family below it is clearly rejected.
 */
export const PASS_P_VALUE = 0.05;

/** Above this many values, the empirical line lists the means of this many equal shares of the sorted sample. */
export const EMPIRICAL_SHARES = 200;

/** The percentiles reported for the sample and compared with the winner. */
const PERCENTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
type Percentile = keyof typeof PERCENTILES;

/** n, mean, spread and percentiles of the observations, in seconds. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** sd / mean. */
  cv: number;
  min: number;
  max: number;
  p50: number;
  p95: number;
  p99: number;
  /** Different values among the n: far fewer than n means the values were rounded (e.g. to whole ms). */
  distinct: number;
  /** Correlation of consecutive values in the order observed; ≈ 0 (within ±4/√n) when independent. */
  lag1Autocorrelation: number;
  /** True when that correlation is clearly real and large enough to matter (see serial-correlation.ts). */
  seriallyCorrelated: boolean;
}

/** One family fitted and scored. */
export interface RankedFit {
  distribution: FamilyName;
  /** The fitted parameters as the scenario names them, times in seconds (e.g. { mean, cv }). */
  parameters: Record<string, number>;
  /** The fit as a normalised scenario distribution. */
  spec: DistributionSpec;
  parameterCount: number;
  /** null only for a constant, which has no density. */
  logLikelihood: number | null;
  /** Akaike's information criterion 2p − 2 ln L; lower is better. */
  aic: number | null;
  /** AIC minus the lowest AIC. */
  deltaAic: number | null;
  ks: { d: number; pValue: number };
  andersonDarling: number;
  note?: string;
}

/** The chosen fit and how it compares with the sample where capacity planning looks: the upper percentiles. */
export interface BestFit {
  distribution: FamilyName;
  spec: DistributionSpec;
  /** Why it was chosen over a family with a lower AIC; null when it has the lowest AIC. */
  reason: string | null;
  percentiles: Record<Percentile, { fitted: number; observed: number }>;
}

/** Everything `queuesim fit` reports; plain JSON-safe data. */
export interface FitReport {
  n: number;
  summary: SampleSummary;
  /** Fitted families, best AIC first. */
  fits: RankedFit[];
  skipped: Array<{ distribution: FamilyName; reason: string }>;
  best: BestFit;
  /**
   * The grid step (seconds) the values were treated as rounded to, each value standing for the interval of
   * that width around it; null when they were taken as exact (no grid, or one far below the smallest value).
   */
  resolution: number | null;
  /** The KS p-value a family needs to pass (PASS_P_VALUE). */
  passPValue: number;
  /** True when at least one family passes; false means no family describes the sample. */
  familyFits: boolean;
  /** When no family passes: the sample itself (or its quantiles) as an empirical distribution; else null. */
  empirical: DistributionSpec | null;
}

/** Fits every applicable family to non-negative observations (seconds, in the order observed) and ranks them by AIC. */
export function fitDistributions(values: ArrayLike<number>): FitReport {
  const sample = sampleStatistics(values);
  const summary = summarise(sample, lag1Autocorrelation(values));
  if (sample.min === sample.max) return constantReport(sample, summary);

  const skipped: FitReport['skipped'] = [
    { distribution: 'constant', reason: `the values vary (cv ${summary.cv.toPrecision(3)})` },
  ];
  const resolution = materialResolution(sample.sorted);
  const { fits, cdfs } = fitFamilies(sample, resolution, skipped);
  skipped.push({ distribution: 'empirical', reason: empiricalReason(values.length) });

  const lowest = Math.min(...fits.map((fit) => fit.aic ?? Infinity));
  for (const fit of fits) fit.deltaAic = (fit.aic ?? Infinity) - lowest;
  fits.sort((a, b) => (a.aic ?? Infinity) - (b.aic ?? Infinity));

  const { chosen, reason } = choose(fits);
  const cdf = cdfs.get(chosen.distribution);
  if (!cdf) throw new Error(`fitDistributions: no CDF kept for ${chosen.distribution}`);
  const familyFits = fits.some((fit) => fit.ks.pValue >= PASS_P_VALUE);
  if (!familyFits) {
    const empirical = skipped.find((skip) => skip.distribution === 'empirical');
    if (empirical)
      empirical.reason = `no family passes (KS p ≥ ${PASS_P_VALUE}), so the sample itself is offered as the line to paste`;
  }
  return {
    n: sample.n,
    summary,
    fits,
    skipped,
    best: {
      distribution: chosen.distribution,
      spec: chosen.spec,
      reason,
      percentiles: comparePercentiles(summary, (p) => quantileFromCdf(cdf, p, summary.p99)),
    },
    resolution,
    passPValue: PASS_P_VALUE,
    familyFits,
    empirical: familyFits ? null : empiricalOf(sample.sorted),
  };
}

/**
 * Every family fitted to the sample (scored, with its CDF), the families that could not be fitted added to
 * `skipped`. With rounded values each family is started from its fit to the values taken as exact (zeros
 * moved to a quarter step, so every family has a start) and refined on the likelihood of the rounding intervals.
 */
function fitFamilies(
  sample: SampleStatistics,
  resolution: number | null,
  skipped: FitReport['skipped'],
): { fits: RankedFit[]; cdfs: Map<FamilyName, (x: number) => number> } {
  const fits: RankedFit[] = [];
  const cdfs = new Map<FamilyName, (x: number) => number>();
  const rounded = resolution === null ? null : roundedSample(sample.sorted, resolution);
  const startSample =
    resolution === null
      ? sample
      : sampleStatistics(Array.from(sample.sorted, (x) => (x === 0 ? resolution / 4 : x)));
  const outcomes = new Map(ESTIMATORS.map(([name, estimate]) => [name, estimate(startSample)]));
  const refined = new Map<FamilyName, FamilyOutcome>();
  const refine = (name: FamilyName): FamilyOutcome => {
    const outcome = outcomes.get(name);
    if (outcome === undefined) throw new Error(`fitDistributions: no estimator for ${name}`);
    if (rounded === null || !isFitted(outcome)) return outcome;
    let result = refined.get(name);
    if (result === undefined) {
      result = refineForRounding(rounded, outcome, () => roundedGammaShape(refine('gamma')));
      refined.set(name, result);
    }
    return result;
  };
  for (const [name] of ESTIMATORS) {
    const outcome = refine(name);
    if (!isFitted(outcome)) {
      skipped.push({ distribution: name, reason: outcome.skipped });
      continue;
    }
    fits.push(score(name, outcome, sample, rounded));
    cdfs.set(name, outcome.cdf);
  }
  return { fits, cdfs };
}

/** Why `empirical` is not among the fits, worded for a sample of `count` values. */
function empiricalReason(count: number): string {
  return count > EMPIRICAL_SHARES
    ? // Too many to paste: the samples file itself can be named, where plain numbers are seconds.
      'it replays the observations themselves rather than fitting them (write { distribution: empirical, values: [...] } for that, or { distribution: empirical, file: <this file>, column: <its header> } to replay every one, when its plain numbers are seconds)'
    : 'it replays the observations themselves rather than fitting them (write { distribution: empirical, values: [...] } for that)';
}

/**
 * The sample as an empirical distribution: every value, or above EMPIRICAL_SHARES values the mean of each
 * of that many equal shares of the sorted sample. Block means keep the sample mean (exactly when the shares
 * are equal) and its shape down to a share's width; quantiles at (i + ½)/m would cut the tail and the mean.
 */
export function empiricalOf(sorted: Float64Array): DistributionSpec {
  const n = sorted.length;
  if (n <= EMPIRICAL_SHARES) return { kind: 'empirical', values: Array.from(sorted) };
  const values = Array.from({ length: EMPIRICAL_SHARES }, (_, i) => {
    const from = Math.floor((i * n) / EMPIRICAL_SHARES);
    const to = Math.floor(((i + 1) * n) / EMPIRICAL_SHARES);
    let sum = 0;
    for (let j = from; j < to; j++) sum += sorted[j];
    return sum / (to - from);
  });
  return { kind: 'empirical', values };
}

/** The shape k of the gamma fitted to rounded values (1/cv²); 1 when the gamma did not apply. */
function roundedGammaShape(gamma: FamilyOutcome): number {
  if (!isFitted(gamma) || gamma.spec.kind !== 'gamma') return 1;
  return 1 / gamma.spec.cv ** 2;
}

/**
 * The lowest-AIC fit (fits sorted by AIC), or the most special case of it within PARSIMONY_AIC of it, which
 * the data cannot tell apart from it (gamma → Erlang → exponential).
 */
export function choose(fits: RankedFit[]): { chosen: RankedFit; reason: string | null } {
  let chosen = fits[0];
  let reason: string | null = null;
  for (;;) {
    const simpler = fits.find(
      (fit) =>
        SPECIAL_CASE_OF[fit.distribution]?.includes(chosen.distribution) === true &&
        (fit.deltaAic ?? Infinity) < PARSIMONY_AIC,
    );
    if (!simpler) return { chosen, reason };
    reason =
      `${simpler.distribution} is a special case of ${fits[0].distribution} and within ` +
      `${PARSIMONY_AIC} AIC units of it: the data cannot tell them apart, so the simpler model is chosen`;
    chosen = simpler;
  }
}

/** Log-likelihood, AIC and goodness of fit of one fitted family. */
function score(
  name: FamilyName,
  fit: FittedFamily,
  sample: SampleStatistics,
  rounded: RoundedSample | null,
): RankedFit {
  const { ks, andersonDarling }: GoodnessOfFit =
    rounded === null ? goodnessOfFit(sample.sorted, fit.cdf) : roundedGoodnessOfFit(rounded, fit.cdf);
  const { kind: _kind, ...parameters } = fit.spec;
  return {
    distribution: name,
    parameters: parameters as Record<string, number>,
    spec: fit.spec,
    parameterCount: fit.parameterCount,
    logLikelihood: fit.logLikelihood,
    aic: 2 * fit.parameterCount - 2 * fit.logLikelihood,
    deltaAic: null,
    ks,
    andersonDarling,
    ...(fit.note !== undefined ? { note: fit.note } : {}),
  };
}

/** All values equal: a constant is the only honest answer; every density family would degenerate. */
function constantReport(sample: SampleStatistics, summary: SampleSummary): FitReport {
  const value = sample.min;
  const spec: DistributionSpec = { kind: 'constant', value };
  const reason = `all ${sample.n} values are equal: there is no spread to fit`;
  return {
    n: sample.n,
    summary,
    fits: [
      {
        distribution: 'constant',
        parameters: { value },
        spec,
        parameterCount: 1,
        logLikelihood: null,
        aic: null,
        deltaAic: null,
        ks: { d: 0, pValue: 1 },
        andersonDarling: 0,
      },
    ],
    skipped: ESTIMATORS.map(([distribution]) => ({ distribution, reason })),
    best: {
      distribution: 'constant',
      spec,
      reason: null,
      percentiles: comparePercentiles(summary, () => value),
    },
    resolution: null,
    passPValue: PASS_P_VALUE,
    familyFits: true,
    empirical: null,
  };
}

/** n, mean, sd, cv, extremes and percentiles of the sample. */
function summarise(sample: SampleStatistics, r1: number): SampleSummary {
  let squares = 0;
  for (const x of sample.sorted) squares += (x - sample.mean) ** 2;
  const sd = sample.n > 1 ? Math.sqrt(squares / (sample.n - 1)) : 0;
  return {
    n: sample.n,
    mean: sample.mean,
    sd,
    cv: sample.mean > 0 ? sd / sample.mean : 0,
    min: sample.min,
    max: sample.max,
    p50: sortedQuantile(sample.sorted, PERCENTILES.p50),
    p95: sortedQuantile(sample.sorted, PERCENTILES.p95),
    p99: sortedQuantile(sample.sorted, PERCENTILES.p99),
    distinct: countDistinct(sample.sorted),
    lag1Autocorrelation: r1,
    seriallyCorrelated: isSeriallyCorrelated(r1, sample.n),
  };
}

/** The fitted and the observed value of each reported percentile. */
function comparePercentiles(
  summary: SampleSummary,
  fittedQuantile: (p: number) => number,
): BestFit['percentiles'] {
  const entry = (name: Percentile) => ({
    fitted: fittedQuantile(PERCENTILES[name]),
    observed: summary[name],
  });
  return { p50: entry('p50'), p95: entry('p95'), p99: entry('p99') };
}

/** The number of different values in a sorted array. */
function countDistinct(sorted: Float64Array): number {
  let distinct = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  return distinct;
}
