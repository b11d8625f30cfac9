/**
 * Distributions as written: a plain quantity (constant) or a mapping keyed by `distribution`. The same
 * shapes describe times (service, interarrival; seconds) and sizes (message-size; bytes).
 * To add a distribution: add its mapping here, its case in normalise.ts, and its kind in types.ts.
 */
import * as z from 'zod';
import {
  DURATION,
  SIZE,
  closedObject,
  integerAtLeast,
  listOf,
  numberAbove,
  quantityField,
  rateField,
  type Quantity,
} from './fields.js';
import { MAX_CV, MAX_DISTRIBUTION_BYTES, MAX_DISTRIBUTION_SECONDS, MIN_WEIBULL_SHAPE } from './limits.js';
import * as msg from './messages.js';
import { closestMatch } from './suggest.js';
import { parseRatePerSecond } from './units.js';

/** What a distribution measures: how its values are written, named and described. */
interface Measure {
  quantity: Quantity;
  /** Id of the distribution in the JSON Schema's `$defs`. */
  id: string;
  /** "time" or "size", for descriptions. */
  noun: string;
  /** An example value with its plain-number form, e.g. "20ms or 0.02 (seconds)". */
  example: string;
  /** Message for a value that is neither a quantity nor a distribution mapping. */
  expectedDistribution: (got: unknown) => string;
  /** Largest parameter (in SI units) the samplers can hold, and how the messages write it. */
  limit: number;
  limitText: string;
}

const TIME: Measure = {
  quantity: DURATION,
  id: 'Distribution',
  noun: 'time',
  example: '20ms or 0.02 (seconds)',
  expectedDistribution: msg.expectedDistribution,
  limit: MAX_DISTRIBUTION_SECONDS,
  limitText: '1e9 s (about 31.7 years)',
};

const BYTES: Measure = {
  quantity: SIZE,
  id: 'SizeDistribution',
  noun: 'size',
  example: '4KB or 4000 (bytes)',
  expectedDistribution: msg.expectedSizeDistribution,
  limit: MAX_DISTRIBUTION_BYTES,
  limitText: '1e15 bytes (1 PB)',
};

/**
 * A refinement keeping a distribution within what its sampler can handle: the times or sizes in `keys`
 * (each value, for a list) at most the measure's limit, an exponential's rate at least its inverse, a cv
 * at most MAX_CV, a Weibull shape at least MIN_WEIBULL_SHAPE. Past them draws and moments overflow.
 */
function withinSamplerRange(measure: Measure, keys: readonly string[]) {
  return (d: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const flag = (message: string, path: Array<string | number>) =>
      ctx.addIssue({ code: 'custom', message, path });
    for (const key of keys) {
      const written = d[key];
      const values = Array.isArray(written) ? written : [written];
      values.forEach((value, i) => {
        if (typeof value !== 'number' && typeof value !== 'string') return;
        const si = measure.quantity.parse(value);
        if (si !== undefined && si > measure.limit)
          flag(msg.distributionValueAboveLimit(value, measure.limitText, measure.noun), [
            key,
            ...(Array.isArray(written) ? [i] : []),
          ]);
      });
    }
    if (typeof d.rate === 'number' || typeof d.rate === 'string') {
      const perSecond = parseRatePerSecond(d.rate);
      if (perSecond !== undefined && perSecond > 0 && 1 / perSecond > measure.limit)
        flag(msg.distributionRateBelowLimit(d.rate, `1/${measure.limitText}`), ['rate']);
    }
    if (typeof d.cv === 'number' && d.cv > MAX_CV) flag(msg.cvAboveLimit(d.cv, MAX_CV), ['cv']);
    if (typeof d.shape === 'number' && d.shape > 0 && d.shape < MIN_WEIBULL_SHAPE)
      flag(msg.weibullShapeBelowLimit(d.shape, MIN_WEIBULL_SHAPE), ['shape']);
  };
}

const kind = <const Name extends string>(name: Name, description: string) =>
  z.literal(name).describe(description);

/** The mean of a distribution of `measure`, > 0. */
const meanOf = (measure: Measure) =>
  quantityField(measure.quantity, { positive: true }).describe(
    `Mean ${measure.noun}, e.g. ${measure.example}; > 0.`,
  );

/** A value of `measure`, >= 0. */
const valueOf = (measure: Measure, what: string) =>
  quantityField(measure.quantity).describe(`${what}, e.g. ${measure.example}; >= 0.`);

/** An empirical distribution: observed values written inline or read from a samples file. */
function empiricalOption(measure: Measure) {
  return closedObject('an empirical distribution', {
    distribution: kind(
      'empirical',
      'Resamples the observed values with equal probability; give exactly one of values or file.',
    ),
    values: listOf('values', valueOf(measure, 'A value'))
      .optional()
      .describe(
        `Observed ${measure.noun}s, e.g. ${measure.noun === 'time' ? '[12ms, 15ms, 40ms]' : '[1KB, 2KB, 64KB]'}.`,
      ),
    file: z
      .string()
      .min(1)
      .optional()
      .describe(
        `A samples file, relative to the scenario file: one observed ${measure.noun} per line written as in values (${measure.example}), with an optional CSV header line naming the columns.`,
      ),
    column: z
      .string()
      .min(1)
      .optional()
      .describe("The samples file's column to read, by its header name; needed when it has several."),
  })
    .refine((d) => (d.values === undefined) !== (d.file === undefined), {
      error: msg.empiricalValuesOrFile(),
    })
    .refine((d) => d.column === undefined || d.file !== undefined, {
      error: msg.empiricalColumnWithoutFile(),
      path: ['column'],
    })
    .superRefine(withinSamplerRange(measure, ['values']));
}

/** Every distribution except the exponential, whose form differs between times and sizes. */
function commonOptions(measure: Measure) {
  const constant = closedObject('a constant distribution', {
    distribution: kind('constant', 'Always the same value.'),
    value: valueOf(measure, 'The value'),
  }).superRefine(withinSamplerRange(measure, ['value']));

  const uniform = closedObject('a uniform distribution', {
    distribution: kind('uniform', 'Uniform between min and max.'),
    min: valueOf(measure, 'Lower bound'),
    max: valueOf(measure, 'Upper bound, >= min'),
  })
    .refine((d) => (measure.quantity.parse(d.min) ?? 0) <= (measure.quantity.parse(d.max) ?? 0), {
      error: msg.uniformMaxBelowMin(),
      path: ['max'],
    })
    .superRefine(withinSamplerRange(measure, ['min', 'max']));

  const normal = closedObject('a normal distribution', {
    distribution: kind('normal', 'Normal, truncated at 0.'),
    mean: meanOf(measure),
    sd: valueOf(measure, 'Standard deviation'),
  }).superRefine(withinSamplerRange(measure, ['mean', 'sd']));

  const lognormal = closedObject('a lognormal distribution', {
    distribution: kind('lognormal', 'Lognormal, given by its mean and coefficient of variation.'),
    mean: meanOf(measure),
    cv: numberAbove(0, { inclusive: true }).describe(
      `Coefficient of variation (sd / mean); >= 0, <= ${MAX_CV}.`,
    ),
  }).superRefine(withinSamplerRange(measure, ['mean']));

  const gamma = closedObject('a gamma distribution', {
    distribution: kind('gamma', 'Gamma, given by its mean and coefficient of variation.'),
    mean: meanOf(measure),
    cv: numberAbove(0, { inclusive: false }).describe(
      `Coefficient of variation (sd / mean); > 0, <= ${MAX_CV}.`,
    ),
  }).superRefine(withinSamplerRange(measure, ['mean']));

  const erlang = closedObject('an Erlang distribution', {
    distribution: kind('erlang', 'Erlang: the sum of k exponential phases.'),
    k: integerAtLeast(1).describe('Number of phases; an integer >= 1.'),
    mean: meanOf(measure),
  }).superRefine(withinSamplerRange(measure, ['mean']));

  const weibull = closedObject('a Weibull distribution', {
    distribution: kind('weibull', 'Weibull, given by shape and scale.'),
    shape: numberAbove(0, { inclusive: false }).describe(`Shape parameter; >= ${MIN_WEIBULL_SHAPE}.`),
    scale: quantityField(measure.quantity, { positive: true }).describe(
      `Scale, a ${measure.noun}, e.g. ${measure.example.split(' ')[0]}; > 0.`,
    ),
  }).superRefine(withinSamplerRange(measure, ['scale']));

  const empirical = empiricalOption(measure);

  return [constant, uniform, normal, lognormal, gamma, erlang, weibull, empirical] as const;
}

/** Times: the exponential may be given by its rate instead of its mean. */
const timeExponential = closedObject('an exponential distribution', {
  distribution: kind('exponential', 'Exponential (memoryless); give exactly one of mean or rate.'),
  mean: meanOf(TIME).optional(),
  rate: rateField().optional().describe('Events per time, e.g. 50/s; the mean is 1/rate.'),
})
  .refine((d) => d.mean !== undefined || d.rate !== undefined, { error: msg.exponentialNeedsMeanOrRate() })
  .refine((d) => d.mean === undefined || d.rate === undefined, {
    error: msg.exponentialMeanAndRate(),
    path: ['rate'],
  })
  .superRefine(withinSamplerRange(TIME, ['mean']));

/** Sizes: an exponential is given by its mean. */
const sizeExponential = closedObject('an exponential distribution', {
  distribution: kind('exponential', 'Exponential, given by its mean.'),
  mean: meanOf(BYTES),
}).superRefine(withinSamplerRange(BYTES, ['mean']));

const TIME_OPTIONS = [timeExponential, ...commonOptions(TIME)] as const;
const SIZE_OPTIONS = [sizeExponential, ...commonOptions(BYTES)] as const;

/** Names accepted in the `distribution` key, in the order the docs list them. */
export const DISTRIBUTION_NAMES = TIME_OPTIONS.map((option) => option.shape.distribution.value);

/** A distribution mapping of `measure`, e.g. `{ distribution: lognormal, mean: 60ms, cv: 1.5 }`. */
function mappingSchema<const Options extends typeof TIME_OPTIONS | typeof SIZE_OPTIONS>(
  measure: Measure,
  options: Options,
) {
  return z.discriminatedUnion('distribution', options, {
    error: (iss) => {
      if (iss.code !== 'invalid_union') return measure.expectedDistribution(iss.input);
      const named = (iss.input as Record<string, unknown>).distribution;
      const suggestion = typeof named === 'string' ? closestMatch(named, DISTRIBUTION_NAMES) : undefined;
      return msg.unknownDistribution(named, DISTRIBUTION_NAMES, suggestion);
    },
  });
}

/** A field holding a constant (a plain quantity) or a distribution mapping of `measure`. */
function distributionField<const Options extends typeof TIME_OPTIONS | typeof SIZE_OPTIONS>(
  measure: Measure,
  options: Options,
  description: string,
) {
  const wrong = (iss: { input?: unknown }) => measure.expectedDistribution(iss.input);
  return (
    z
      .union(
        // The mapping first: tried first on a constant, it fails at once on the type; tried second on a
        // mapping, the quantity's own union failed completely and zod words every issue of it (measured: a
        // quarter of a second over 10,000 queues' `service` mappings).
        [
          mappingSchema(measure, options),
          quantityField(measure.quantity, { expected: measure.expectedDistribution }),
        ],
        {
          error: wrong,
        },
      )
      // The id makes the JSON Schema define it once, under $defs, and refer to it from each use.
      .meta({ id: measure.id, description })
  );
}

/** A time distribution field: a plain duration (constant) or a distribution mapping. */
export const distributionSchema = distributionField(
  TIME,
  TIME_OPTIONS,
  'A constant duration (e.g. 20ms) or a distribution mapping.',
);

/** A size distribution field: a plain size in bytes (constant, e.g. 2KB) or a distribution mapping. */
export const sizeDistributionSchema = distributionField(
  BYTES,
  SIZE_OPTIONS,
  'A constant size (e.g. 2KB; B, KB, MB, GB are 1000-based, KiB, MiB, GiB 1024-based; a number is bytes) or a distribution mapping of sizes.',
);

/** A time distribution as written and validated (zod output). */
export type RawDistribution = z.output<typeof distributionSchema>;
/** A size distribution as written and validated (zod output). */
export type RawSizeDistribution = z.output<typeof sizeDistributionSchema>;
