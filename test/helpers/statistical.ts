/**
 * Every statistical assertion of the suite, with its false-failure rate stated.
 *
 * How to write a statistical test here:
 * - Declare a family per `describe` (or per `it` when the checks are few): `checkFamily(name, checks)`
 *   (optionally a third argument, its alpha). Its checks share the family's false-failure budget by
 *   Bonferroni: each check runs at level alpha/checks, and the number of standard errors that follows
 *   (Student t with n − 1 degrees of freedom over replications, normal for counts) is computed here and
 *   written in every failure message. A family that makes more checks than it declared throws, so the
 *   budget cannot silently grow.
 * - Check means against theory with `ciContains` (replications → Student-t interval), a single estimate
 *   with `withinStandardErrors`, a binomial count with `binomialCount`, paired runs (common random numbers)
 *   with `pairedNotAbove` / `pairedEqual`, independent draws against declared moments with `momentsMatch`
 *   / `varianceMatches`, counts in bins with `chiSquareBelow` (statistic from `pearsonChiSquare`), draws
 *   against an exact CDF with `kolmogorovSmirnovBelow`. The last two take their critical values from the
 *   χ² and Kolmogorov laws at the per-check level.
 * - Where two paths must agree bit for bit (same seed, same random streams), do not use a tolerance:
 *   `expectIdentical` compares with Object.is.
 * - Each check returns a `Verdict`; `expectPass` throws its message. Power checks assert that a perturbed
 *   model or a wrong parameter gets a failing verdict at the same level as the family it guards (a family
 *   named "… (power)" with the same check count): test/analysis/power.test.ts for the queueing models, and
 *   in place for the samplers (moments, Kolmogorov–Smirnov, ziggurat χ², Zipf keys).
 *
 * The suite's false-failure budget (the sum of the family alphas, an upper bound by Bonferroni): each
 * fixed-seed family uses `FAMILY_ALPHA` (0.002). There are 41 families: queueing-theory 6,
 * message-queue-semantics 9, distributions/moments 3, scheduled-arrivals 2, and one each in
 * topic-consumers, topic-estimates, fit/recovery, loss-account, scenario/load-scaling, on-off-arrivals,
 * distributions/kolmogorov-smirnov, distributions/exponential-ziggurat, engine/random, key-sampler, topic,
 * topic-rebalance, network, large-network, backlog-limit, time-budget, analysis/run-size,
 * fit/serial-correlation, fit/rounded, cli/fit and bench/reference-loop. So a change of the random streams
 * makes at most 41 × 0.002 = 8.2 % of suite runs fail by chance. Before the helper: about 32 checks at 99 %
 * each in the model tests (≈ 28 %), and the hand-written cuts of the files moved here added ≈ 10 % more
 * (nine Kolmogorov–Smirnov tests at 1 % each alone 9 %). The power families are not counted (they must
 * fail). The property-based metamorphic relations add at most ≈ 4 % (their budget is in
 * test/helpers/metamorphic-statistics.ts). Adding a family adds 0.2 %: update the count here.
 */
import { mean, probit, sampleStandardDeviation } from 'simple-statistics';
import { kolmogorovSurvival } from '../../src/analysis/fit/goodness-of-fit.js';
import { studentTQuantile } from '../../src/analysis/student-t.js';
import { logGamma, regularizedGammaP } from '../../src/math/special-functions.js';

/** The false-failure budget of one family of checks in this suite. */
export const FAMILY_ALPHA = 0.002;

/** The outcome of one check: whether it passed and a sentence saying what was compared. */
export interface Verdict {
  pass: boolean;
  message: string;
}

/** Throws the verdict's message when the check failed. */
export function expectPass(verdict: Verdict): void {
  if (!verdict.pass) throw new Error(verdict.message);
}

/** Throws every failed verdict's message at once (so one run shows all that broke). */
export function expectAllPass(verdicts: readonly Verdict[]): void {
  const failed = verdicts.filter((verdict) => !verdict.pass);
  if (failed.length > 0) throw new Error(failed.map((verdict) => verdict.message).join('\n'));
}

/** Asserts that two values are identical bit for bit (Object.is on numbers; deep for arrays/objects). */
export function expectIdentical(actual: unknown, expected: unknown, label: string): void {
  const difference = firstDifference(actual, expected, label);
  if (difference !== null) throw new Error(`${difference} (the two paths must agree exactly)`);
}

/** The path and values of the first difference between two plain values, or null when identical. */
function firstDifference(a: unknown, b: unknown, path: string): string | null {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found !== null) return found;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${String(a)} ≠ ${String(b)}`;
}

/** The mean and standard error of independent observations (n ≥ 2). */
export function meanAndStandardError(values: readonly number[]): { mean: number; standardError: number } {
  if (values.length < 2) throw new Error(`need at least 2 observations, got ${values.length}`);
  const observations = [...values];
  return {
    mean: mean(observations),
    standardError: sampleStandardDeviation(observations) / Math.sqrt(observations.length),
  };
}

/** Mean and standard error of the paired differences other − base. */
export function pairedDifference(
  base: readonly number[],
  other: readonly number[],
): { mean: number; standardError: number } {
  return meanAndStandardError(base.map((value, index) => other[index] - value));
}

/** How many standard errors a two-sided check at level `alpha` allows (t with `degreesOfFreedom`, or normal). */
export function criticalStandardErrors(alpha: number, degreesOfFreedom = Infinity): number {
  const p = 1 - alpha / 2;
  return Number.isFinite(degreesOfFreedom) ? studentTQuantile(p, degreesOfFreedom) : probit(p);
}

/** Pearson's χ² = Σ (count − n·p)² / (n·p) of observed counts against their probabilities (n = Σ counts). */
export function pearsonChiSquare(counts: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  let statistic = 0;
  for (let i = 0; i < counts.length; i++) {
    const expected = n * probabilities[i];
    statistic += (counts[i] - expected) ** 2 / expected;
  }
  return statistic;
}

/** P(χ²_df > x): the upper tail of the chi-square law with `degreesOfFreedom`. */
export function chiSquareSurvival(x: number, degreesOfFreedom: number): number {
  const a = degreesOfFreedom / 2;
  return 1 - regularizedGammaP(a, x / 2, logGamma(a));
}

/** The value c with survival(c) = level, by bisection (survival decreasing from 1 at 0). */
export function upperCriticalValue(survival: (x: number) => number, level: number): number {
  let low = 0;
  let high = 1;
  while (survival(high) > level) high *= 2;
  for (let step = 0; step < 100 && high - low > 1e-12 * high; step++) {
    const middle = (low + high) / 2;
    if (survival(middle) > level) low = middle;
    else high = middle;
  }
  return high;
}

/** Sample mean, unbiased variance and fourth central moment (divided by n) of draws. */
function sampleMoments(samples: ArrayLike<number>): { mean: number; variance: number; fourth: number } {
  const n = samples.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i];
  const sampleMean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d2 = (samples[i] - sampleMean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { mean: sampleMean, variance: m2 / (n - 1), fourth: m4 / n };
}

/** Options of one check: its label and an absolute allowance added to the statistical one. */
export interface CheckOptions {
  label: string;
  /** Resolution of the measurement (e.g. a histogram's 0.5 % for percentiles), relative to the truth. */
  relativeSlack?: number;
  /** An exact allowance in the measured unit (e.g. one batch at a run's edge). */
  absoluteSlack?: number;
}

/** A family of checks sharing one false-failure budget, split evenly by Bonferroni. */
export class CheckFamily {
  private used = 0;

  /** `alpha`: the family's false-failure budget; `checks`: how many checks it makes. */
  constructor(
    readonly name: string,
    readonly alpha: number,
    readonly checks: number,
  ) {
    if (!(alpha > 0 && alpha < 1) || !(checks >= 1)) throw new Error(`${name}: bad family`);
  }

  /** The level each check runs at. */
  get checkAlpha(): number {
    return this.alpha / this.checks;
  }

  /** Standard errors allowed for one check with `degreesOfFreedom` (Infinity: normal). */
  standardErrors(degreesOfFreedom = Infinity): number {
    return criticalStandardErrors(this.checkAlpha, degreesOfFreedom);
  }

  /** |estimate − truth| ≤ k·standardError (+ slack), k from the family's per-check level. */
  withinStandardErrors(
    estimate: number,
    truth: number,
    standardError: number,
    options: CheckOptions & { degreesOfFreedom?: number },
  ): Verdict {
    const k = this.count(options.degreesOfFreedom);
    const allowed = k * standardError + this.slack(truth, options);
    const error = Math.abs(estimate - truth);
    return {
      pass: error <= allowed,
      message:
        `${this.name} › ${options.label}: estimate ${estimate.toPrecision(6)}, truth ${truth.toPrecision(6)}, ` +
        `|error| ${error.toPrecision(3)} > ${k.toFixed(2)} standard errors of ${standardError.toPrecision(3)}` +
        ` + slack ${this.slack(truth, options).toPrecision(3)} (level ${this.checkAlpha.toExponential(2)})`,
    };
  }

  /** The Student-t interval of the replications' mean, at the per-check level, contains `truth`. */
  ciContains(values: readonly number[], truth: number, options: CheckOptions): Verdict {
    const { mean: estimate, standardError } = meanAndStandardError(values);
    return this.withinStandardErrors(estimate, truth, standardError, {
      ...options,
      degreesOfFreedom: values.length - 1,
      label: `${options.label} (n=${values.length})`,
    });
  }

  /** A Binomial(trials, p) count lies within the normal approximation's allowance of trials·p. */
  binomialCount(count: number, trials: number, p: number, options: CheckOptions): Verdict {
    const standardError = Math.sqrt(trials * p * (1 - p));
    return this.withinStandardErrors(count, trials * p, standardError, options);
  }

  /**
   * Two checks that independent draws have the declared mean and variance: the sample mean within
   * k·√(variance/n), the sample variance within k·√((m4 − s⁴)/n) (m4: the sample fourth central moment).
   */
  momentsMatch(
    samples: ArrayLike<number>,
    truth: { mean: number; variance: number },
    label: string,
  ): Verdict[] {
    const n = samples.length;
    return [
      this.withinStandardErrors(sampleMoments(samples).mean, truth.mean, Math.sqrt(truth.variance / n), {
        label: `${label} mean (n=${n})`,
      }),
      this.varianceMatches(samples, truth.variance, label),
    ];
  }

  /** The sample variance of independent draws within k·√((m4 − s⁴)/n) of `variance`. */
  varianceMatches(samples: ArrayLike<number>, variance: number, label: string): Verdict {
    const n = samples.length;
    const sample = sampleMoments(samples);
    const standardError = Math.sqrt((sample.fourth - sample.variance ** 2) / n);
    return this.withinStandardErrors(sample.variance, variance, standardError, {
      label: `${label} variance (n=${n})`,
    });
  }

  /** Pearson's χ² with `degreesOfFreedom` is below the law's critical value at the per-check level. */
  chiSquareBelow(statistic: number, degreesOfFreedom: number, options: CheckOptions): Verdict {
    return this.upperTail(statistic, (x) => chiSquareSurvival(x, degreesOfFreedom), {
      ...options,
      label: `${options.label} (χ² with ${degreesOfFreedom} degrees of freedom)`,
    });
  }

  /** The Kolmogorov–Smirnov statistic √n·D is below the Kolmogorov law's critical value at the per-check level. */
  kolmogorovSmirnovBelow(scaledDistance: number, options: CheckOptions): Verdict {
    return this.upperTail(scaledDistance, kolmogorovSurvival, {
      ...options,
      label: `${options.label} (√n·D)`,
    });
  }

  /** One-sided: the paired mean difference other − base is not above zero beyond the allowance. */
  pairedNotAbove(base: readonly number[], other: readonly number[], options: CheckOptions): Verdict {
    const { mean: difference, standardError } = pairedDifference(base, other);
    // One-sided at the per-check level: the two-sided quantile at 2α.
    this.used++;
    this.assertBudget();
    const k = criticalStandardErrors(2 * this.checkAlpha, base.length - 1);
    const allowed = k * standardError + (options.absoluteSlack ?? 0);
    return {
      pass: difference <= allowed,
      message:
        `${this.name} › ${options.label}: paired difference ${difference.toPrecision(4)} > ` +
        `${k.toFixed(2)} standard errors of ${standardError.toPrecision(3)} (level ${this.checkAlpha.toExponential(2)})`,
    };
  }

  /** Two-sided: the paired mean difference other − base is zero within the allowance. */
  pairedEqual(base: readonly number[], other: readonly number[], options: CheckOptions): Verdict {
    const { mean: difference, standardError } = pairedDifference(base, other);
    return this.withinStandardErrors(difference, 0, standardError, {
      ...options,
      degreesOfFreedom: base.length - 1,
    });
  }

  /**
   * One-sided, paired: `higher` exceeds factor × `lower` significantly (the paired mean of
   * higher − factor·lower is above k standard errors). A failure here is a lack of power, not bad luck.
   */
  pairedAbove(
    lower: readonly number[],
    higher: readonly number[],
    options: CheckOptions & { factor?: number },
  ): Verdict {
    const factor = options.factor ?? 1;
    const { mean: difference, standardError } = pairedDifference(
      lower.map((value) => factor * value),
      higher,
    );
    this.used++;
    this.assertBudget();
    const k = criticalStandardErrors(2 * this.checkAlpha, lower.length - 1);
    return {
      pass: difference > k * standardError,
      message:
        `${this.name} › ${options.label}: paired difference ${difference.toPrecision(4)} is not above ` +
        `${k.toFixed(2)} standard errors of ${standardError.toPrecision(3)}`,
    };
  }

  /** A statistic whose large values reject: below the critical value c with survival(c) = per-check level. */
  private upperTail(statistic: number, survival: (x: number) => number, options: CheckOptions): Verdict {
    this.used++;
    this.assertBudget();
    const critical = upperCriticalValue(survival, this.checkAlpha);
    return {
      pass: statistic <= critical,
      message:
        `${this.name} › ${options.label}: statistic ${statistic.toPrecision(5)} > critical value ` +
        `${critical.toPrecision(5)} (level ${this.checkAlpha.toExponential(2)})`,
    };
  }

  /** Counts one check against the declared number and returns its standard errors. */
  private count(degreesOfFreedom?: number): number {
    this.used++;
    this.assertBudget();
    return this.standardErrors(degreesOfFreedom);
  }

  private assertBudget(): void {
    if (this.used > this.checks) {
      throw new Error(`${this.name}: ${this.used} checks made, ${this.checks} declared (raise the count)`);
    }
  }

  private slack(truth: number, options: CheckOptions): number {
    return (options.relativeSlack ?? 0) * Math.abs(truth) + (options.absoluteSlack ?? 0);
  }
}

/** A family of `checks` checks sharing the false-failure budget `alpha` (default `FAMILY_ALPHA`). */
export function checkFamily(name: string, checks: number, alpha = FAMILY_ALPHA): CheckFamily {
  return new CheckFamily(name, alpha, checks);
}
