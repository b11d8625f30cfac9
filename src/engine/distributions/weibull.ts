import type { RandomStream } from '../random.js';
import type { Distribution } from './distribution.js';
import { assertPositive, formatNumber, formatSeconds } from './parameters.js';
import { logGamma, weibullMean } from '../../math/special-functions.js';

/** Weibull distribution with the given shape k and scale λ: F(x) = 1 − exp(−(x/λ)^k). */
export class WeibullDistribution implements Distribution {
  readonly shape: number;
  readonly scale: number;
  readonly mean: number;
  readonly variance: number;
  readonly label: string;
  private readonly inverseShape: number;

  constructor(shape: number, scale: number) {
    assertPositive('weibull', 'shape', shape);
    assertPositive('weibull', 'scale', scale);
    this.shape = shape;
    this.scale = scale;
    this.inverseShape = 1 / shape;
    // E = λ·Γ(1 + 1/k), Var = λ²·(Γ(1 + 2/k) − Γ(1 + 1/k)²) = λ²·Γ(1 + 1/k)²·expm1(ln Γ(1 + 2/k) − 2 ln Γ(1 + 1/k)):
    // the log form overflows to Infinity (not NaN) for tiny shapes and avoids subtracting two near-equal gammas.
    const logG1 = logGamma(1 + 1 / shape);
    const logG2 = logGamma(1 + 2 / shape);
    this.mean = weibullMean(shape, scale);
    this.variance = scale * scale * Math.exp(2 * logG1) * Math.max(0, Math.expm1(logG2 - 2 * logG1));
    this.label = `weibull(shape ${formatNumber(shape)}, scale ${formatSeconds(scale)})`;
  }

  sample(random: RandomStream): number {
    // Inversion: λ·(−ln U)^(1/k), U in (0, 1]. exp(ln(·)/k) instead of Math.pow: ≈ 15 ns against 35 ns in V8.
    return this.scale * Math.exp(Math.log(-Math.log(random.nextOpen())) * this.inverseShape);
  }
}
