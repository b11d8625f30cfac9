/**
 * Message keys of a topic: key k (0-based) is drawn with Zipf probability ∝ 1/(k+1)^skew (skew 0 =
 * uniform), and a key always lands on partition hash(k) mod P, as Kafka's default partitioner hashes keys.
 */
import type { RandomStream } from '../engine/index.js';

/** Zipf probabilities of `count` keys with exponent `skew`, most popular first (sum 1). */
export function zipfProbabilities(count: number, skew: number): Float64Array {
  const weights = new Float64Array(count);
  let total = 0;
  for (let k = 0; k < count; k++) total += weights[k] = (k + 1) ** -skew;
  for (let k = 0; k < count; k++) weights[k] /= total;
  return weights;
}

/**
 * The partition of key `key` among `partitions`: a fixed 32-bit integer hash (the MurmurHash3 finaliser,
 * which spreads consecutive keys) mod P. Kafka hashes the key bytes with murmur2; what matters is that the
 * mapping is fixed and popularity-blind, so hot keys fall on arbitrary partitions.
 */
export function partitionOfKey(key: number, partitions: number): number {
  let h = key | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % partitions;
}

/** Each partition's share of the messages under Zipf(count, skew) keys (uniform 1/P without keys). */
export function partitionShares(partitions: number, keyCount: number | null, skew: number): number[] {
  const shares = new Array<number>(partitions).fill(keyCount === null ? 1 / partitions : 0);
  if (keyCount === null) return shares;
  const probabilities = zipfProbabilities(keyCount, skew);
  for (let k = 0; k < keyCount; k++) shares[partitionOfKey(k, partitions)] += probabilities[k];
  return shares;
}

/**
 * Draws keys in O(1) by Walker's alias method (Vose's construction, built once in O(count)): one uniform
 * picks a column and, against its threshold, the column's key or its alias.
 */
export class KeySampler {
  /**
   * Column c's threshold at 2c and its alias at 2c + 1: one draw reads one cache line, where two arrays
   * cost two misses a draw over tens of thousands of keys.
   */
  private readonly columns: Float64Array;
  /** partitionOfKey of every key, worked out once: the hash's unsigned modulo is a slow double `%`. */
  private readonly partitionOfKey: Uint32Array;

  constructor(
    readonly count: number,
    skew: number,
    partitions: number,
  ) {
    this.partitionOfKey = new Uint32Array(count);
    for (let k = 0; k < count; k++) this.partitionOfKey[k] = partitionOfKey(k, partitions);
    const scaled = zipfProbabilities(count, skew).map((p) => p * count);
    this.columns = new Float64Array(2 * count);
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((value, k) => (value < 1 ? small : large).push(k));
    while (small.length > 0 && large.length > 0) {
      const less = small.pop() as number;
      const more = large[large.length - 1];
      this.columns[2 * less] = scaled[less];
      this.columns[2 * less + 1] = more;
      scaled[more] += scaled[less] - 1;
      if (scaled[more] < 1) small.push(large.pop() as number);
    }
    // What is left is 1 up to rounding: those columns always give their own key.
    for (const k of [...small, ...large]) {
      this.columns[2 * k] = 1;
      this.columns[2 * k + 1] = k;
    }
  }

  /** A key in [0, count). */
  sample(random: RandomStream): number {
    const u = random.next() * this.count;
    const column = Math.floor(u);
    return u - column < this.columns[2 * column] ? column : this.columns[2 * column + 1];
  }

  /** The partition of `key` among the partitions the sampler was built for. */
  partitionOf(key: number): number {
    return this.partitionOfKey[key];
  }
}

/**
 * The partition of a message appended to a topic, with its key written to `messages.key`: its Zipf key's
 * partition, or, without keys, a uniformly random one (key −1).
 */
export function partitionOfNewMessage(
  keys: KeySampler | null,
  random: RandomStream,
  partitions: number,
  messages: { key: Int32Array },
  message: number,
): number {
  if (keys === null) {
    messages.key[message] = -1;
    return Math.floor(random.next() * partitions);
  }
  const key = keys.sample(random);
  messages.key[message] = key;
  return keys.partitionOf(key);
}
