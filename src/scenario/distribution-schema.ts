/**
 * Distributions as written: a plain duration (constant) or a mapping keyed by `distribution`.
 * To add a distribution: add its mapping here, its case in normalise.ts, and its kind in types.ts.
 */
import { z } from 'zod';
import { closedObject, durationField, integerAtLeast, listOf, numberAbove, rateField } from './fields.js';
import * as msg from './messages.js';
import { closestMatch } from './suggest.js';
import { parseDurationSeconds } from './units.js';

const meanTime = () =>
  durationField({ positive: true }).describe('Mean time, e.g. 20ms or 0.02 (seconds); > 0.');
const time = (what: string) => durationField().describe(`${what}, e.g. 20ms or 0.02 (seconds); >= 0.`);
const kind = <const Name extends string>(name: Name, description: string) =>
  z.literal(name).describe(description);

const exponential = closedObject('an exponential distribution', {
  distribution: kind('exponential', 'Exponential (memoryless); give exactly one of mean or rate.'),
  mean: meanTime().optional(),
  rate: rateField().optional().describe('Events per time, e.g. 50/s; the mean is 1/rate.'),
})
  .refine((d) => d.mean !== undefined || d.rate !== undefined, { error: msg.exponentialNeedsMeanOrRate() })
  .refine((d) => d.mean === undefined || d.rate === undefined, {
    error: msg.exponentialMeanAndRate(),
    path: ['rate'],
  });

const constant = closedObject('a constant distribution', {
  distribution: kind('constant', 'Always the same value.'),
  value: time('The value'),
});

const uniform = closedObject('a uniform distribution', {
  distribution: kind('uniform', 'Uniform between min and max.'),
  min: time('Lower bound'),
  max: time('Upper bound, >= min'),
}).refine((d) => (parseDurationSeconds(d.min) ?? 0) <= (parseDurationSeconds(d.max) ?? 0), {
  error: msg.uniformMaxBelowMin(),
  path: ['max'],
});

const normal = closedObject('a normal distribution', {
  distribution: kind('normal', 'Normal, truncated at 0.'),
  mean: meanTime(),
  sd: time('Standard deviation'),
});

const lognormal = closedObject('a lognormal distribution', {
  distribution: kind('lognormal', 'Lognormal, given by its mean and coefficient of variation.'),
  mean: meanTime(),
  cv: numberAbove(0, { inclusive: true }).describe('Coefficient of variation (sd / mean); >= 0.'),
});

const gamma = closedObject('a gamma distribution', {
  distribution: kind('gamma', 'Gamma, given by its mean and coefficient of variation.'),
  mean: meanTime(),
  cv: numberAbove(0, { inclusive: false }).describe('Coefficient of variation (sd / mean); > 0.'),
});

const erlang = closedObject('an Erlang distribution', {
  distribution: kind('erlang', 'Erlang: the sum of k exponential phases.'),
  k: integerAtLeast(1).describe('Number of phases; an integer >= 1.'),
  mean: meanTime(),
});

const weibull = closedObject('a Weibull distribution', {
  distribution: kind('weibull', 'Weibull, given by shape and scale.'),
  shape: numberAbove(0, { inclusive: false }).describe('Shape parameter; > 0.'),
  scale: durationField({ positive: true }).describe('Scale, a time, e.g. 20ms; > 0.'),
});

const empirical = closedObject('an empirical distribution', {
  distribution: kind('empirical', 'Resamples the listed values with equal probability.'),
  values: listOf('values', time('A value')).describe('Observed times, e.g. [12ms, 15ms, 40ms].'),
});

const OPTIONS = [
  exponential,
  constant,
  uniform,
  normal,
  lognormal,
  gamma,
  erlang,
  weibull,
  empirical,
] as const;

/** Names accepted in the `distribution` key, in the order the docs list them. */
export const DISTRIBUTION_NAMES = OPTIONS.map((option) => option.shape.distribution.value);

/** A distribution written as a mapping, e.g. `{ distribution: lognormal, mean: 60ms, cv: 1.5 }`. */
export const distributionMappingSchema = z.discriminatedUnion('distribution', OPTIONS, {
  error: (iss) => {
    if (iss.code !== 'invalid_union') return msg.expectedDistribution(iss.input);
    const named = (iss.input as Record<string, unknown>).distribution;
    const suggestion = typeof named === 'string' ? closestMatch(named, DISTRIBUTION_NAMES) : undefined;
    return msg.unknownDistribution(named, DISTRIBUTION_NAMES, suggestion);
  },
});

/** A distribution field: a plain duration (constant) or a distribution mapping. */
export const distributionSchema = z
  .union([durationField({ expected: msg.expectedDistribution }), distributionMappingSchema], {
    error: (iss) => msg.expectedDistribution(iss.input),
  })
  // The id makes the JSON Schema define it once, under $defs, and refer to it from each use.
  .meta({ id: 'Distribution', description: 'A constant duration (e.g. 20ms) or a distribution mapping.' });

/** A distribution as written and validated (zod output). */
export type RawDistribution = z.output<typeof distributionSchema>;
