/** Validated distributions as written → DistributionSpec in SI units (seconds, or bytes for sizes). */
import type { RawDistribution, RawSizeDistribution } from './distribution-schema.js';
import type { DistributionSpec } from './types.js';
import { bytes, perSecond, required, seconds } from './validated-units.js';

/** The normalised form of a validated distribution whose values `convert` turns into SI units. */
function distributionSpec(
  raw: RawDistribution | RawSizeDistribution,
  convert: (value: string | number) => number,
): DistributionSpec {
  if (typeof raw === 'number' || typeof raw === 'string') return { kind: 'constant', value: convert(raw) };
  switch (raw.distribution) {
    case 'exponential': {
      // The schema guarantees exactly one of mean and rate (sizes have only a mean).
      const rate = 'rate' in raw ? raw.rate : undefined;
      return {
        kind: 'exponential',
        mean: raw.mean !== undefined ? convert(raw.mean) : 1 / perSecond(required(rate, 'exponential rate')),
      };
    }
    case 'constant':
      return { kind: 'constant', value: convert(raw.value) };
    case 'uniform':
      return { kind: 'uniform', min: convert(raw.min), max: convert(raw.max) };
    case 'normal':
      return { kind: 'normal', mean: convert(raw.mean), sd: convert(raw.sd) };
    case 'lognormal':
      return { kind: 'lognormal', mean: convert(raw.mean), cv: raw.cv };
    case 'gamma':
      return { kind: 'gamma', mean: convert(raw.mean), cv: raw.cv };
    case 'erlang':
      return { kind: 'erlang', k: raw.k, mean: convert(raw.mean) };
    case 'weibull':
      return { kind: 'weibull', shape: raw.shape, scale: convert(raw.scale) };
    case 'empirical':
      // A samples file's values were put in `values` when the scenario was loaded (see sample-files.ts).
      if (raw.values === undefined) throw new Error(`empirical: samples of '${raw.file}' were not read`);
      return { kind: 'empirical', values: raw.values.map(convert) };
  }
}

/** The normalised form of a validated time distribution, in seconds (a plain duration is a constant). */
export function normaliseDistribution(raw: RawDistribution): DistributionSpec {
  return distributionSpec(raw, seconds);
}

/** The normalised form of a validated size distribution, in bytes (a plain size is a constant). */
export function normaliseSizeDistribution(raw: RawSizeDistribution): DistributionSpec {
  return distributionSpec(raw, bytes);
}

/** True when every draw of the distribution is 0 (an arrival process that would stall simulated time). */
export function isAlwaysZero(spec: DistributionSpec): boolean {
  switch (spec.kind) {
    case 'constant':
      return spec.value === 0;
    case 'uniform':
      return spec.max === 0;
    case 'empirical':
      return spec.values.every((value) => value === 0);
    default:
      return false; // the others have a mean > 0 by validation
  }
}
