import seedrandom from 'seedrandom';

/**
 * One independent, reproducible stream of uniform random numbers.
 *
 * Streams are derived from the scenario seed and a stable name (a component's name, a replication index),
 * never from creation order, so adding a producer does not change the numbers another component sees.
 */
export class RandomStream {
  // Seeded on the first draw: xor4096's seeding mixes 4,096 bits (about a kilobyte and thousands of steps),
  // and a large network names hundreds of thousands of streams it never draws from (the type stream of an
  // untyped producer, the failure stream of a queue that never fails).
  private generator: seedrandom.PRNG | null = null;
  private readonly seedText: string;

  constructor(seed: number | string, streamName: string) {
    this.seedText = `${seed}/${streamName}`;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    // The non-default generators' `()` carries only 32 random bits; `.double()` carries 53.
    return (this.generator ?? this.seeded()).double();
  }

  /** 32 uniform random bits as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    return (this.generator ?? this.seeded()).int32() >>> 0;
  }

  /** A uniform number in (0, 1]: safe to take the logarithm of. */
  nextOpen(): number {
    return 1 - (this.generator ?? this.seeded()).double();
  }

  private seeded(): seedrandom.PRNG {
    // xor4096 (Brent): long period, fast, and well-mixed for nearby seeds such as "42/signup" and "42/email".
    return (this.generator = seedrandom.xor4096(this.seedText));
  }
}
