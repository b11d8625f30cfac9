/**
 * The sizes queuesim accepts, and why. Each bound is far above a real system of its kind and well below
 * what would exhaust a machine's memory; a scenario past one gets a located error, never an allocation
 * failure half-way through a run. The README's "Limits" table lists them.
 */

/**
 * Messages in the system at once (waiting, in service or held) before a run is stopped: about 90 bytes
 * each, so the default bounds a run's messages at about 1 GB. Settable with `max-backlog` / `--max-backlog`.
 */
export const DEFAULT_MAX_BACKLOG = 10_000_000;

/** Consumers of one queue (also an autoscaler's `max`): 1 million made runs of 100 to 800 MB (prefetch 3 and block); 10^9 took 8 GB. */
export const MAX_CONSUMERS = 1_000_000;

/** Partitions of one topic: Kafka advises at most about 200,000 per cluster; 100,000 take about 200 MB here. */
export const MAX_PARTITIONS = 100_000;

/** Distinct message keys of one topic: 10 million made a 600 MB run. */
export const MAX_KEYS = 1_000_000;

/** Batches of one batch-means run: 10,000 make a run of about 180 MB; past a few hundred they add little. */
export const MAX_BATCHES = 10_000;

/** Replications of one study: each result (about 100 KB) is kept until the study ends. */
export const MAX_REPLICATIONS = 10_000;

/**
 * Largest time a distribution may be given (a mean, value, bound, sd or scale): about 31.7 years. Far past
 * any service or interarrival time, and low enough that every draw, mean and variance stays finite (a mean
 * of 1e308 s drew Infinity and NaN times, and ended as an internal error).
 */
export const MAX_DISTRIBUTION_SECONDS = 1e9;

/** Largest size a size distribution may be given: 1 PB, for the same reason as the times. */
export const MAX_DISTRIBUTION_BYTES = 1e15;

/**
 * Largest coefficient of variation of a lognormal or gamma: past it the gamma's shape 1/cv² vanishes (a cv
 * of 1e308 made it 0) and the lognormal's σ² = ln(1 + cv²) overflows; no measured latency varies that much.
 */
export const MAX_CV = 1000;

/**
 * Smallest Weibull shape: below it Γ(1 + 2/shape), and with it the variance, overflows, and the draws
 * (scale·E^(1/shape)) span hundreds of orders of magnitude. Measured Weibull shapes are about 0.3 to 5.
 */
export const MIN_WEIBULL_SHAPE = 0.1;

/** Points of one sweep grid (the product of the values of every `--vary`): each point is a full study. */
export const MAX_SWEEP_POINTS = 10_000;
