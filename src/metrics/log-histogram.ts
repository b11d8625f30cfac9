/**
 * A streaming histogram of non-negative values with log-spaced buckets (HDR style): each power of two is
 * split into 128 equal sub-buckets, so a value is known to within 1/256 of itself (≤ 0.4 % relative error)
 * with constant memory, whatever the number of observations.
 */

const SUB_BUCKET_BITS = 7; // 128 sub-buckets per power of two
const SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
const MIN_EXPONENT = -30; // 2^-30 s ≈ 1 ns: below this a value counts as zero
const MAX_EXPONENT = 40; // 2^40 s ≈ 35,000 years: above this values share the top bucket
const OCTAVES = MAX_EXPONENT - MIN_EXPONENT;
const BUCKET_COUNT = OCTAVES * SUB_BUCKETS;
const SMALLEST = 2 ** MIN_EXPONENT;
/** Values kept as a list of bucket indexes before a histogram allocates its window of octaves. */
const SPARSE_LIMIT = 64;
/** A 32-bit bucket holding this many has no room for one more: the histogram's counts then become 64-bit. */
const FULL_32_BIT_BUCKET = 2 ** 32 - 1;

// Bucket index straight from the IEEE-754 bits: the exponent and the top 7 mantissa bits.
const bitsView = new Float64Array(1);
const highWord = new Uint32Array(bitsView.buffer, 4, 1); // little-endian: the sign/exponent/mantissa-high word
const FIRST_INDEX = (MIN_EXPONENT + 1023) << SUB_BUCKET_BITS;

/** Summary of a latency distribution, seconds. `null` when nothing was observed. */
export interface LatencySummary {
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

/**
 * One bucket of a latency distribution: `[lowerSeconds, upperSeconds, count]`, values in [lower, upper).
 * A bucket `[0, 0, n]` counts the values that were zero (below a nanosecond).
 */
export type HistogramBucket = [lowerSeconds: number, upperSeconds: number, count: number];

/** A queue's latency distributions (the `latencyHistogram` JSON field): non-empty buckets, ascending. */
export interface LatencyHistogram {
  /** Arrival → service start. */
  wait: HistogramBucket[];
  /** Arrival → completion. */
  sojourn: HistogramBucket[];
}

/** A flow's latency distribution (the `latencyHistogram` JSON field of a flow): non-empty buckets, ascending. */
export interface FlowLatencyHistogram {
  /** Publish → completion at the last queue of the branch. */
  endToEnd: HistogramBucket[];
}

/** Several runs' buckets pooled into one distribution: counts of the same bucket are added. */
export function poolBuckets(runs: ReadonlyArray<readonly HistogramBucket[]>): HistogramBucket[] {
  const pooled = new Map<string, HistogramBucket>();
  for (const buckets of runs) {
    for (const [lower, upper, count] of buckets) {
      const key = `${lower}:${upper}`;
      const bucket = pooled.get(key);
      if (bucket) bucket[2] += count;
      else pooled.set(key, [lower, upper, count]);
    }
  }
  return [...pooled.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** A streaming log-bucket histogram; memory grows with the octaves its values span, not the full range. */
export class LogHistogram {
  // Counts for a window of whole octaves (powers of two), widened when a value lands outside it: a latency
  // spans a few octaves of the 70, so a network of 10,000 queues keeps kilobytes per histogram instead of
  // 70 KB. One flat typed array keeps `record` a single bounds check and store on the hot path.
  // 32-bit counts halve a window's memory (10,000 queues hold two windows each); a histogram with a bucket
  // about to overflow moves to 64-bit counts first.
  private counts: Uint32Array | Float64Array = new Uint32Array(0);
  /** The bucket index of counts[0] (a multiple of SUB_BUCKETS). */
  private first = 0;
  // Until SPARSE_LIMIT values have been seen, their bucket indexes are kept in a list instead: a window of
  // octaves costs a kilobyte each, and most of 50,000 producers' flows see a handful of messages in a run.
  private sparse: Int32Array | null = null;
  private sparseCount = 0;
  // [0] count, [1] zero-or-tiny count, [2] sum, [3] min, [4] max, [5] the count a bucket may not reach on
  // the fast path (full for 32 bits, Infinity once 64-bit; beside the totals, `record` reads it in one load)
  private readonly totals = new Float64Array(6);

  /** `fullBucket`: the count at which a 32-bit bucket is full (a test lowers it to see the switch). */
  constructor(private readonly fullBucket: number = FULL_32_BIT_BUCKET) {
    this.reset();
  }

  /** Records one observation (a non-negative number). */
  record(value: number): void {
    // The fast path is a store into the window of counts. Everything rarer — a value too small to bucket,
    // beyond the top bucket or outside the window, a full 32-bit bucket — fails the one unsigned comparison
    // or the bucket check and takes `recordRarely`, which keeps this function small enough to be inlined.
    const totals = this.totals;
    totals[0]++;
    totals[2] += value;
    if (value < totals[3]) totals[3] = value;
    if (value > totals[4]) totals[4] = value;
    bitsView[0] = value;
    const index = (highWord[0] >>> (20 - SUB_BUCKET_BITS)) - FIRST_INDEX;
    const offset = (index - this.first) >>> 0; // a negative offset wraps to above 2^31
    const counts = this.counts;
    if (offset < counts.length && counts[offset] < totals[5]) {
      counts[offset]++;
      return;
    }
    this.recordRarely(value, index);
  }

  /**
   * What `record` leaves: a zero or tiny value, the top bucket, a value outside the window (kept in the
   * sparse list while there is one, else the window widens), or a full 32-bit bucket.
   */
  private recordRarely(value: number, index: number): void {
    if (value < SMALLEST) {
      this.totals[1]++;
      return;
    }
    if (index >= BUCKET_COUNT) index = BUCKET_COUNT - 1;
    const offset = index - this.first;
    if (offset >= 0 && offset < this.counts.length) {
      if (this.counts[offset] >= this.totals[5]) this.widenCounts();
      this.counts[offset]++;
      return;
    }
    if (this.counts.length === 0 && this.sparseCount < SPARSE_LIMIT) {
      if (this.sparse === null || this.sparseCount === this.sparse.length) {
        const grown = new Int32Array(Math.min(SPARSE_LIMIT, Math.max(4, 2 * this.sparseCount)));
        if (this.sparse !== null) grown.set(this.sparse);
        this.sparse = grown;
      }
      this.sparse[this.sparseCount++] = index;
      return;
    }
    this.densify();
    this.widen(index);
    this.counts[index - this.first]++;
  }

  /** A 32-bit bucket is full: every count becomes 64-bit, and no bucket is full any more. */
  private widenCounts(): void {
    this.counts = Float64Array.from(this.counts);
    this.totals[5] = Infinity;
  }

  /** Moves the sparse list's values into the window of octaves (once it is full, or to read the counts). */
  private densify(): void {
    const sparse = this.sparse;
    if (sparse === null) return;
    for (let i = 0; i < this.sparseCount; i++) {
      const index = sparse[i];
      const offset = index - this.first;
      if (offset < 0 || offset >= this.counts.length) this.widen(index);
      this.counts[index - this.first]++;
    }
    this.sparse = null;
    this.sparseCount = 0;
  }

  /** Grows the window of octaves to take in bucket `index` (rare: once per new octave reached). */
  private widen(index: number): void {
    const octaveStart = index - (index & (SUB_BUCKETS - 1));
    const end = this.first + this.counts.length;
    const first = this.counts.length === 0 ? octaveStart : Math.min(this.first, octaveStart);
    const last =
      this.counts.length === 0 ? octaveStart + SUB_BUCKETS : Math.max(end, octaveStart + SUB_BUCKETS);
    const counts =
      this.counts instanceof Uint32Array ? new Uint32Array(last - first) : new Float64Array(last - first);
    if (this.counts.length > 0) counts.set(this.counts, this.first - first);
    this.counts = counts;
    this.first = first;
  }

  /** The count of bucket `index` (0 outside the window). */
  private countAt(index: number): number {
    const offset = index - this.first;
    return offset >= 0 && offset < this.counts.length ? this.counts[offset] : 0;
  }

  /** Forgets every observation (used at the end of the warm-up). */
  reset(): void {
    this.sparse = null;
    this.sparseCount = 0;
    this.counts.fill(0);
    this.totals.fill(0);
    this.totals[3] = Infinity;
    this.totals[4] = -Infinity;
    this.totals[5] = this.counts instanceof Uint32Array ? this.fullBucket : Infinity;
  }

  /** Buckets whose counts are held in memory (128 per octave of the window): what the histogram costs. */
  get allocatedBuckets(): number {
    return this.counts.length + (this.sparse?.length ?? 0);
  }

  /** Number of observations. */
  get count(): number {
    return this.totals[0];
  }

  /** Observations that were zero (below a nanosecond). */
  get zeroCount(): number {
    return this.totals[1];
  }

  /** Exact arithmetic mean; NaN when empty. */
  get mean(): number {
    return this.totals[0] > 0 ? this.totals[2] / this.totals[0] : NaN;
  }

  /** Exact maximum; NaN when empty. */
  get max(): number {
    return this.totals[0] > 0 ? this.totals[4] : NaN;
  }

  /** Exact minimum; NaN when empty. */
  get min(): number {
    return this.totals[0] > 0 ? this.totals[3] : NaN;
  }

  /** The p-quantile (0 < p ≤ 1) by nearest rank, to within the bucket resolution; NaN when empty. */
  quantile(p: number): number {
    const count = this.totals[0];
    if (count === 0) return NaN;
    const rank = Math.max(1, Math.ceil(p * count));
    let seen = this.totals[1];
    if (seen >= rank) return Math.max(0, this.totals[3]);
    if (this.sparse !== null) {
      // Read the list in place: a window allocated to answer would cost what the list saves.
      const sorted = this.sparse.slice(0, this.sparseCount).sort();
      const index = sorted[Math.min(sorted.length, rank - seen) - 1];
      return clamp(bucketMidpoint(index), this.totals[3], this.totals[4]);
    }
    const counts = this.counts;
    for (let offset = 0; offset < counts.length; offset++) {
      seen += counts[offset];
      if (seen >= rank) return clamp(bucketMidpoint(this.first + offset), this.totals[3], this.totals[4]);
    }
    return this.totals[4];
  }

  /**
   * The non-empty buckets, coarsened to `perOctave` buckets per power of two (a divisor of 128), in
   * increasing order: a compact picture of the distribution for histograms and CDFs.
   */
  buckets(perOctave = 8): HistogramBucket[] {
    if (!Number.isInteger(perOctave) || perOctave < 1 || SUB_BUCKETS % perOctave !== 0) {
      throw new RangeError(`histogram: perOctave must divide ${SUB_BUCKETS}, got ${perOctave}`);
    }
    const merge = SUB_BUCKETS / perOctave;
    const result: HistogramBucket[] = [];
    if (this.totals[1] > 0) result.push([0, 0, this.totals[1]]);
    const push = (first: number, count: number) => {
      const octave = 2 ** (Math.floor(first / SUB_BUCKETS) + MIN_EXPONENT);
      const subBucket = first % SUB_BUCKETS;
      result.push([
        octave * (1 + subBucket / SUB_BUCKETS),
        octave * (1 + (subBucket + merge) / SUB_BUCKETS),
        count,
      ]);
    };
    if (this.sparse !== null) {
      // The listed indexes, sorted, grouped by coarse bucket (its first index: a multiple of `merge`).
      const sorted = this.sparse.slice(0, this.sparseCount).sort();
      for (let i = 0; i < sorted.length;) {
        const first = sorted[i] - (sorted[i] % merge);
        let count = 0;
        while (i < sorted.length && sorted[i] < first + merge) {
          count++;
          i++;
        }
        push(first, count);
      }
      return result;
    }
    for (let first = this.first; first < this.first + this.counts.length; first += merge) {
      let count = 0;
      for (let index = first; index < first + merge; index++) count += this.countAt(index);
      if (count > 0) push(first, count);
    }
    return result;
  }

  /** Mean, p50, p95, p99 and max, with `null` for an empty histogram. */
  summary(): LatencySummary {
    if (this.count === 0) return { mean: null, p50: null, p95: null, p99: null, max: null };
    return {
      mean: this.mean,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.max,
    };
  }
}

/** The value in the middle of a bucket: within 1/256 relative of anything the bucket holds. */
function bucketMidpoint(index: number): number {
  const exponent = Math.floor(index / SUB_BUCKETS) + MIN_EXPONENT;
  const subBucket = index % SUB_BUCKETS;
  return 2 ** exponent * (1 + (subBucket + 0.5) / SUB_BUCKETS);
}

function clamp(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
