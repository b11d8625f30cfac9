import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertNonNegative, assertPositive, formatNumber, formatSeconds } from './parameters.js';
import { StandardNormalSampler } from './standard-normal.js';

/**
 * Gamma(shape, 1) draws by Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
 * ACM TOMS 26(3); shapes below 1 use their boost: Gamma(k) = Gamma(k + 1)·U^(1/k).
 */
export class StandardGammaSampler {
  readonly shape: number;
  private readonly d: number;
  private readonly c: number;
  /** 1/shape when boosting (shape < 1), else 0. */
  private readonly boostExponent: number;
  private readonly normal = new StandardNormalSampler();

  constructor(shape: number) {
    assertPositive('gamma', 'shape', shape);
    this.shape = shape;
    const boosted = shape < 1 ? shape + 1 : shape;
    this.d = boosted - 1 / 3;
    this.c = 1 / Math.sqrt(9 * this.d);
    this.boostExponent = shape < 1 ? 1 / shape : 0;
  }

  /** One Gamma(shape, 1) draw. */
  sample(random: RandomStream): number {
    const d = this.d;
    const c = this.c;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal.sample(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = random.next();
      const xSquared = x * x;
      // Cheap squeeze first; the logarithmic test is needed only ~2 % of the time.
      if (u < 1 - 0.0331 * xSquared * xSquared || Math.log(u) < 0.5 * xSquared + d * (1 - v + Math.log(v))) {
        const draw = d * v;
        if (this.boostExponent === 0) return draw;
        // U^(1/k) as exp(ln U / k): V8's Math.pow costs twice as much.
        return draw * Math.exp(Math.log(random.nextOpen()) * this.boostExponent);
      }
    }
  }
}

/**
 * Gamma distribution given by its mean and coefficient of variation: shape k = 1/cv², scale θ = mean·cv².
 * cv = 0 degrades to the constant `mean` (no random numbers drawn).
 */
export class GammaDistribution implements Distribution {
  readonly mean: number;
  readonly variance: number;
  readonly cv: number;
  readonly label: string;
  /** Shape k (Infinity when cv = 0). */
  readonly shape: number;
  /** Scale θ (0 when cv = 0). */
  readonly scale: number;
  private readonly standard: StandardGammaSampler | null;

  constructor(mean: number, cv: number) {
    assertPositive('gamma', 'mean', mean);
    assertNonNegative('gamma', 'cv', cv);
    this.mean = mean;
    this.cv = cv;
    this.variance = (cv * mean) ** 2;
    this.label = `gamma(mean ${formatSeconds(mean)}, cv ${formatNumber(cv)})`;
    const cvSquared = cv * cv;
    this.shape = cvSquared === 0 ? Infinity : 1 / cvSquared;
    this.scale = mean * cvSquared;
    this.standard = cvSquared === 0 ? null : new StandardGammaSampler(this.shape);
  }

  sample(random: RandomStream): number {
    if (this.standard === null) return this.mean;
    return this.scale * this.standard.sample(random);
  }
}
