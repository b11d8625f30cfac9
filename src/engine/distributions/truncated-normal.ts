import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertFinite, assertNonNegative, formatSeconds } from './parameters.js';
import { inverseMillsRatio } from '../../math/special-functions.js';
import { StandardNormalSampler } from './standard-normal.js';

/**
 * Negatives are rejected while the truncation point a = −mean/sd is below this (mean > 0: acceptance > 50 %,
 * ≈ 30–55 ns a draw here). From it on, Robert's exponential proposal is used: ≈ 56 ns at a = 0 falling to
 * 39 ns at a = 3, where plain rejection would need 1/(1 − Φ(a)) ≈ 740 normals per draw. (The scenario schema
 * requires mean > 0, so scenarios always take the rejection path; the tail path guards direct use.)
 */
const ROBERT_THRESHOLD = 0;

/**
 * Normal distribution truncated at 0: a normal with the mean and sd the user wrote, negatives discarded.
 * `mean` and `variance` are the exact moments of the truncated distribution, not the parameters.
 * sd = 0 (with mean ≥ 0) degrades to the constant `mean`.
 */
export class TruncatedNormalDistribution implements Distribution {
  /** Mean of the underlying (untruncated) normal. */
  readonly location: number;
  /** Standard deviation of the underlying (untruncated) normal. */
  readonly scale: number;
  readonly mean: number;
  readonly variance: number;
  readonly label: string;
  private readonly normal = new StandardNormalSampler();
  /** Truncation point in standard units, a = (0 − location)/scale. */
  private readonly lowerStandard: number;
  /** Rate of Robert's exponential proposal, (a + √(a² + 4))/2; 0 when plain rejection is used. */
  private readonly proposalRate: number;
  private readonly isConstant: boolean;

  constructor(mean: number, sd: number) {
    assertFinite('normal', 'mean', mean);
    assertNonNegative('normal', 'sd', sd);
    if (sd === 0 && mean < 0) throw new Error(`normal: with sd 0, mean must be ≥ 0, got ${String(mean)}`);
    this.location = mean;
    this.scale = sd;
    this.label = `normal(mean ${formatSeconds(mean)}, sd ${formatSeconds(sd)}) truncated at 0`;
    this.isConstant = sd === 0;
    if (this.isConstant) {
      this.lowerStandard = -Infinity;
      this.proposalRate = 0;
      this.mean = mean;
      this.variance = 0;
      return;
    }
    const a = -mean / sd;
    this.lowerStandard = a;
    this.proposalRate = a >= ROBERT_THRESHOLD ? (a + Math.sqrt(a * a + 4)) / 2 : 0;
    // Standard moments of a normal truncated below at a (e.g. Greene, Econometric Analysis, "moments of the
    // truncated normal"): E = μ + σλ, Var = σ²(1 + aλ − λ²), with λ = φ(a)/(1 − Φ(a)) the inverse Mills ratio.
    const lambda = inverseMillsRatio(a);
    this.mean = mean + sd * lambda;
    this.variance = sd * sd * Math.max(0, 1 + a * lambda - lambda * lambda);
  }

  sample(random: RandomStream): number {
    if (this.isConstant) return this.location;
    if (this.proposalRate === 0) {
      let x: number;
      do {
        x = this.location + this.scale * this.normal.sample(random);
      } while (x < 0);
      return x;
    }
    return this.location + this.scale * this.sampleTail(random);
  }

  /** N(0, 1) truncated to [a, ∞): Robert (1995), "Simulation of truncated normal variables", Stat. Comput. 5, §2. */
  private sampleTail(random: RandomStream): number {
    const a = this.lowerStandard;
    const rate = this.proposalRate;
    for (;;) {
      const z = a - Math.log(random.nextOpen()) / rate;
      const d = z - rate;
      if (random.next() < Math.exp(-0.5 * d * d)) return z;
    }
  }
}
