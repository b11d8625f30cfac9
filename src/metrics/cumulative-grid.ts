/**
 * A fixed grid of equal bins over a known interval, filled from running totals. At each bin edge the owner
 * records its cumulative totals (areas under levels, event counts); a bin's value is the increase across
 * it divided by the bin width: a time average for an area, a rate per second for a count. Recording costs
 * nothing between edges, so the hot path pays one comparison per event, and memory is fixed by the number
 * of bins, not the number of events.
 */
export class CumulativeGrid {
  /** (bins + 1) edges × channels cumulative totals, row-major. */
  private readonly totals: Float64Array;
  // [0] start, [1] span, [2] edges recorded
  private readonly state = new Float64Array(3);

  constructor(
    /** Number of equal bins the interval is divided into. */
    readonly bins: number,
    /** Number of running totals recorded at each edge. */
    readonly channels: number,
  ) {
    if (!Number.isInteger(bins) || bins < 1)
      throw new RangeError(`grid: bins must be an integer ≥ 1, got ${bins}`);
    if (!Number.isInteger(channels) || channels < 1) {
      throw new RangeError(`grid: channels must be an integer ≥ 1, got ${channels}`);
    }
    this.totals = new Float64Array((bins + 1) * channels);
  }

  /** Lays the grid over [startSeconds, startSeconds + spanSeconds], forgetting earlier records; returns the first edge. */
  begin(startSeconds: number, spanSeconds: number): number {
    if (!(spanSeconds > 0)) throw new RangeError(`grid: span must be > 0 s, got ${spanSeconds}`);
    this.state[0] = startSeconds;
    this.state[1] = spanSeconds;
    this.state[2] = 0;
    return startSeconds;
  }

  /** Width of one bin, seconds (0 before `begin`). */
  get binSeconds(): number {
    return this.state[1] / this.bins;
  }

  /** Bins whose both edges have been recorded. */
  get completedBins(): number {
    return Math.max(0, this.state[2] - 1);
  }

  /** Time of edge `k` (0 … bins); the last edge is exactly start + span. */
  edgeTime(k: number): number {
    const start = this.state[0];
    const span = this.state[1];
    return k >= this.bins ? start + span : start + (span * k) / this.bins;
  }

  /**
   * Records the running totals at the next edge, reading `source[indexes[c]]` for channel c. Returns the
   * time of the following edge, or Infinity after the last one.
   */
  recordEdge(source: Float64Array, indexes: readonly number[]): number {
    const edge = this.state[2];
    if (edge > this.bins) return Infinity;
    const row = edge * this.channels;
    for (let channel = 0; channel < this.channels; channel++) {
      this.totals[row + channel] = source[indexes[channel]];
    }
    this.state[2] = edge + 1;
    return edge + 1 > this.bins ? Infinity : this.edgeTime(edge + 1);
  }

  /** Per completed bin: the increase of `channel` across the bin divided by the bin width. */
  perSecond(channel: number): number[] {
    const width = this.binSeconds;
    const values = new Array<number>(this.completedBins);
    for (let bin = 0; bin < values.length; bin++) {
      const before = this.totals[bin * this.channels + channel];
      const after = this.totals[(bin + 1) * this.channels + channel];
      values[bin] = (after - before) / width;
    }
    return values;
  }

  /** Start of each completed bin, seconds after the grid's start. */
  binStarts(): number[] {
    const span = this.state[1];
    const values = new Array<number>(this.completedBins);
    for (let bin = 0; bin < values.length; bin++) values[bin] = (span * bin) / this.bins;
    return values;
  }
}
