import type { Distribution, RandomStream } from '../engine/index.js';

/**
 * When a producer's next message arrives. Unlike a `Distribution` (independent draws with known moments),
 * an arrival process may keep state and read the clock: a rate schedule, an on/off source, a replayed
 * trace. A plain `rate:` or `interarrival:` is a renewal process over a distribution.
 */
export interface ArrivalProcess {
  /** Seconds from now to the next arrival; Infinity when no more will come. */
  nextGap(random: RandomStream): number;
  /** The long-run mean gap, seconds (for summaries; a stateful process's gaps are not i.i.d.). */
  readonly meanGapSeconds: number;
  /** e.g. "daily Poisson (mean rate 3/s)": a short human description. */
  readonly label: string;
}

/** A renewal process: independent, identically distributed gaps (Poisson when they are exponential). */
export class RenewalArrivals implements ArrivalProcess {
  readonly meanGapSeconds: number;
  readonly label: string;

  constructor(private readonly gaps: Distribution) {
    this.meanGapSeconds = gaps.mean;
    this.label = gaps.label;
  }

  /** One gap drawn from the distribution. */
  nextGap(random: RandomStream): number {
    return this.gaps.sample(random);
  }
}
