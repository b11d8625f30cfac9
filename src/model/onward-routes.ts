import type { RandomStream } from '../engine/index.js';

/** Where a queue's finished messages go next (`then:`): weighted routes, the remainder leaves. */
export class OnwardRoutes {
  private readonly destinations: Int32Array;
  private readonly cumulative: Float64Array;

  constructor(
    routes: ReadonlyArray<{ destination: number; probability: number }>,
    private readonly random: RandomStream,
  ) {
    this.destinations = Int32Array.from(routes.map((route) => route.destination));
    let sum = 0;
    this.cumulative = Float64Array.from(routes.map((route) => (sum += route.probability)));
  }

  /** True when finished messages always leave the network here. */
  get isEmpty(): boolean {
    return this.destinations.length === 0;
  }

  /** The destination of the next finished message, or -1 when it leaves the network here. */
  choose(): number {
    const count = this.destinations.length;
    if (count === 0) return -1;
    // A single certain route needs no random number (and keeps other streams aligned).
    if (count === 1 && this.cumulative[0] >= 1) return this.destinations[0];
    const u = this.random.next();
    for (let i = 0; i < count; i++) if (u < this.cumulative[i]) return this.destinations[i];
    return -1;
  }
}
