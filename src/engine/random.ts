import seedrandom from 'seedrandom';

/**
 * One independent, reproducible stream of uniform random numbers.
 *
 * Streams are derived from the scenario seed and a stable name (a component's name, a replication index),
 * never from creation order, so adding a producer does not change the numbers another component sees.
 */
export class RandomStream {
  private readonly generator: seedrandom.PRNG;

  constructor(seed: number | string, streamName: string) {
    // xor4096 (Brent): long period, fast, and well-mixed for nearby seeds such as "42/signup" and "42/email".
    this.generator = seedrandom.xor4096(`${seed}/${streamName}`);
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    // The non-default generators' `()` carries only 32 random bits; `.double()` carries 53.
    return this.generator.double();
  }

  /** 32 uniform random bits as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    return this.generator.int32() >>> 0;
  }

  /** A uniform number in (0, 1]: safe to take the logarithm of. */
  nextOpen(): number {
    return 1 - this.generator.double();
  }
}
