import type { RandomStream } from '../random.js';

/**
 * Standard normal draws by Marsaglia's polar method, keeping the second value of each pair.
 *
 * The spare is only handed out when the next call uses the same stream that produced it, so every value
 * still comes from the stream it is returned for. A sampler shared by components whose calls interleave
 * stays correct and reproducible, but each component's numbers then depend on the interleaving: give each
 * component its own distribution (they are cheap) to keep streams independent.
 */
export class StandardNormalSampler {
  // The spare lives in a typed array: a plain number field updated per call would be boxed by V8 (docs/architecture.md).
  private readonly spare = new Float64Array(1);
  private spareStream: RandomStream | null = null;

  /** One N(0, 1) draw. */
  sample(random: RandomStream): number {
    if (this.spareStream === random) {
      this.spareStream = null;
      return this.spare[0];
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random.next() - 1;
      v = 2 * random.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare[0] = v * factor;
    this.spareStream = random;
    return u * factor;
  }
}
