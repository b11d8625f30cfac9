import type { RandomStream } from '../engine/index.js';
import type { ArrivalProcess } from './arrival-process.js';
import { ExponentialDistribution } from '../engine/distributions/index.js';
import type { OnOffSpec } from '../scenario/types.js';
import type { Clock } from './scheduled-arrivals.js';

/**
 * Gaps of an on/off source: a two-state Markov-modulated Poisson process (MMPP-2) whose state lasts an
 * exponential time (mean `on` / `off`) and publishes at `rate-on` / `rate-off` meanwhile (Fischer &
 * Meier-Hellstern 1993). It starts in the stationary state (on with probability on/(on+off)); by
 * memorylessness, a state's remaining sojourn and the arrival clock restart exactly at each step.
 */
export class OnOffArrivals implements ArrivalProcess {
  readonly meanGapSeconds: number;
  readonly label: string;
  private started = false;
  private on = false;
  /** When the current state ends (absolute time). */
  private stateEnd = 0;
  private readonly unit = new ExponentialDistribution(1);

  constructor(
    private readonly spec: OnOffSpec,
    private readonly clock: Clock,
  ) {
    const rate =
      (spec.rateOnPerSecond * spec.onSeconds + spec.rateOffPerSecond * spec.offSeconds) /
      (spec.onSeconds + spec.offSeconds);
    this.meanGapSeconds = 1 / rate;
    this.label = `on-off Poisson (mean rate ${Number(rate.toPrecision(3))}/s)`;
  }

  /** Time from now to the next arrival. */
  nextGap(random: RandomStream): number {
    const now = this.clock.now;
    const spec = this.spec;
    if (!this.started) {
      this.started = true;
      this.on = random.next() < spec.onSeconds / (spec.onSeconds + spec.offSeconds);
      this.stateEnd = now + this.sojourn(random);
    }
    let t = now;
    while (t >= this.stateEnd) this.toggle(random);
    for (;;) {
      const rate = this.on ? spec.rateOnPerSecond : spec.rateOffPerSecond;
      if (rate > 0) {
        const step = this.unit.sample(random) / rate;
        if (t + step < this.stateEnd) return t + step - now;
      }
      t = this.stateEnd;
      this.toggle(random);
    }
  }

  private toggle(random: RandomStream): void {
    this.on = !this.on;
    this.stateEnd += this.sojourn(random);
  }

  private sojourn(random: RandomStream): number {
    return (this.on ? this.spec.onSeconds : this.spec.offSeconds) * this.unit.sample(random);
  }
}
