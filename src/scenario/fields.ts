/**
 * Building blocks for the as-written schema. Each one carries its own user-facing messages, so an error
 * says what was expected in this place ("a duration > 0") rather than zod's generic wording.
 */
import * as z from 'zod';
import * as msg from './messages.js';
import { closestMatch } from './suggest.js';
import {
  DURATION_PATTERN,
  PERCENT_PATTERN,
  RATE_PATTERN,
  SIZE_PATTERN,
  parseBytes,
  parseDurationSeconds,
  parsePrecision,
  parseRatePerSecond,
} from './units.js';

/** The part of a zod issue that our message functions read. */
type IssueInput = { readonly input?: unknown };

/**
 * Property that a closed mapping stamps on its `unrecognized_keys` issues: zod drops the schema from
 * finished issues, and the keys it would have accepted are what a "did you mean" needs.
 */
export const KNOWN_KEYS = 'knownKeys';

/** Grammar of producer, queue, exchange, message-type and scenario names (safe in file names, metric labels and CLI flags). */
export const NAME_PATTERN = '^[A-Za-z0-9_.-]+$';

/** A mapping whose keys are exactly those of `shape`; `what` names it in messages ("a queue"). */
export function closedObject<Shape extends z.core.$ZodLooseShape>(what: string, shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code === 'unrecognized_keys') {
        (iss as unknown as Record<string, unknown>)[KNOWN_KEYS] = known;
        return undefined; // the message is written per key, with its own position, in zod-issues.ts
      }
      return msg.expectedMapping(what, iss.input);
    },
  });
}

/** A non-empty list of `item`; `what` names the entries in messages ("producers"). */
export function listOf<Item extends z.ZodType>(what: string, item: Item) {
  return z
    .array(item, { error: (iss: IssueInput) => msg.expectedList(what, iss.input) })
    .min(1, { error: () => msg.emptyList(what) });
}

/** A number > `min` (exclusive) or >= `min`. */
export function numberAbove(min: number, { inclusive }: { inclusive: boolean }) {
  const error = (iss: IssueInput) => msg.expectedNumber(`${inclusive ? '>=' : '>'} ${min}`, iss.input);
  const base = z.number({ error });
  return inclusive ? base.min(min, { error }) : base.gt(min, { error });
}

/** An integer >= `min`. */
export function integerAtLeast(min: number) {
  const error = (iss: IssueInput) => msg.expectedInteger(`>= ${min}`, iss.input);
  return z.number({ error }).int({ error }).min(min, { error });
}

/** Free text. */
export function textField() {
  return z.string({ error: (iss: IssueInput) => msg.expectedText(iss.input) });
}

/** A component name matching NAME_PATTERN. */
export function nameField() {
  const error = (iss: IssueInput) => msg.expectedName(iss.input);
  return z.string({ error }).regex(new RegExp(NAME_PATTERN), { error });
}

/** One of a fixed set of words, suggesting the nearest on a typo. */
export function oneOfField<const Values extends readonly [string, ...string[]]>(values: Values) {
  const error = (iss: IssueInput) =>
    msg.expectedOneOf(
      values,
      iss.input,
      typeof iss.input === 'string' ? closestMatch(iss.input, values) : undefined,
    );
  return z.enum(values, { error });
}

/** Runs a refinement only on a value that passed its earlier checks, so one mistake gives one message. */
const isClean = (payload: { issues: readonly unknown[] }): boolean => payload.issues.length === 0;

/** A quantity written as a plain number or a string with a unit: a duration (seconds) or a size (bytes). */
export interface Quantity {
  /** Grammar of the string form. */
  pattern: string;
  /** The value in SI units, or undefined when it is none. */
  parse: (value: string | number) => number | undefined;
  /** Message for a value that is no such quantity at all. */
  expected: (got: unknown) => string;
  /** Message for a value of the right kind out of its range, e.g. bound "> 0". */
  outOfRange: (bound: string, got: unknown) => string;
}

/** Durations: `250ms`, `30s`, `10m`, or a number of seconds. */
export const DURATION: Quantity = {
  pattern: DURATION_PATTERN,
  parse: parseDurationSeconds,
  expected: msg.expectedDuration,
  outOfRange: msg.durationOutOfRange,
};

/** Sizes: `512B`, `4KB`, `1MiB`, or a number of bytes. */
export const SIZE: Quantity = {
  pattern: SIZE_PATTERN,
  parse: parseBytes,
  expected: msg.expectedSize,
  outOfRange: msg.sizeOutOfRange,
};

/** Options of a quantity field. */
export interface QuantityOptions {
  /** Exclude zero. */
  positive?: boolean;
  /** Words the message for a value that is no quantity at all (a distribution field mentions its mapping form). */
  expected?: (got: unknown) => string;
}

/**
 * A quantity: a number in SI units, or a string with a unit. `positive` excludes zero; `expected` words the
 * message for a value that is no quantity at all.
 */
export function quantityField(quantity: Quantity, { positive = false, expected }: QuantityOptions = {}) {
  const bound = positive ? '> 0' : '>= 0';
  const wrong = (iss: IssueInput) => (expected ?? quantity.expected)(iss.input);
  const outOfRange = (iss: IssueInput) => quantity.outOfRange(bound, iss.input);
  const asNumber = positive
    ? z.number({ error: wrong }).gt(0, { error: outOfRange })
    : z.number({ error: wrong }).min(0, { error: outOfRange });
  const asString = z.string({ error: wrong }).regex(new RegExp(quantity.pattern), { error: wrong });
  const field = z.union([asNumber, asString], { error: wrong });
  // The string grammar cannot say "> 0", so `0ms` is caught after parsing (only if nothing else failed).
  return positive
    ? field.refine((value) => (quantity.parse(value) ?? 0) > 0, { error: outOfRange, when: isClean })
    : field;
}

/** A duration: seconds as a number, or a string with a unit (`250ms`, `30s`, `10m`). */
export function durationField(options: QuantityOptions = {}) {
  return quantityField(DURATION, options);
}

/** A size: bytes as a number, or a string with a unit (`512B`, `4KB`, `1MiB`). */
export function sizeField(options: QuantityOptions = {}) {
  return quantityField(SIZE, options);
}

/** An integer from `min` to `max` inclusive. */
export function integerBetween(min: number, max: number) {
  const error = (iss: IssueInput) => msg.expectedInteger(`from ${min} to ${max}`, iss.input);
  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/**
 * A probability. `zero` and `one` say whether 0 and 1 themselves are allowed; `atOne` words the message
 * for exactly 1 when 1 is excluded and that deserves its own explanation.
 */
export function probabilityField({
  zero,
  one,
  atOne,
}: {
  zero: boolean;
  one: boolean;
  atOne?: () => string;
}) {
  const range = `${zero ? '>= 0' : '> 0'} and ${one ? '<= 1' : '< 1'}`;
  const error = (iss: IssueInput) =>
    iss.input === 1 && atOne !== undefined ? atOne() : msg.expectedProbability(range, iss.input);
  const base = z.number({ error });
  const bottom = zero ? base.min(0, { error }) : base.gt(0, { error });
  return one ? bottom.max(1, { error }) : bottom.lt(1, { error });
}

/** A rate > 0: events per second as a number, or a string like `50/s`. */
export function rateField() {
  const wrong = (iss: IssueInput) => msg.expectedRate(iss.input);
  const notPositive = (iss: IssueInput) => msg.rateNotPositive(iss.input);
  const asNumber = z.number({ error: wrong }).gt(0, { error: notPositive });
  const asString = z.string({ error: wrong }).regex(new RegExp(RATE_PATTERN), { error: wrong });
  return z
    .union([asNumber, asString], { error: wrong })
    .refine((value) => (parseRatePerSecond(value) ?? 0) > 0, { error: notPositive, when: isClean });
}

/** A rate that may be 0 (a quiet period of a schedule): like `rateField`, but >= 0. */
export function rateOrZeroField() {
  const wrong = (iss: IssueInput) => msg.expectedRate(iss.input);
  const negative = (iss: IssueInput) => msg.rateNegative(iss.input);
  const asNumber = z.number({ error: wrong }).gte(0, { error: negative });
  const asString = z.string({ error: wrong }).regex(new RegExp(RATE_PATTERN), { error: wrong });
  return z
    .union([asNumber, asString], { error: wrong })
    .refine((value) => (parseRatePerSecond(value) ?? -1) >= 0, { error: negative, when: isClean });
}

/** A relative precision: a percentage string (`2%`) or a fraction (0.02), strictly between 0 and 1. */
export function precisionField() {
  const wrong = (iss: IssueInput) => msg.expectedPrecision(iss.input);
  const asNumber = z.number({ error: wrong }).gt(0, { error: wrong }).lt(1, { error: wrong });
  const asString = z.string({ error: wrong }).regex(new RegExp(PERCENT_PATTERN), { error: wrong });
  return z
    .union([asNumber, asString], { error: wrong })
    .refine((value) => parsePrecision(value) !== undefined, { error: wrong, when: isClean });
}

/** The warm-up: a duration, or `auto` to detect the end of the initial transient per queue (MSER-5). */
export function warmupField() {
  const wrong = (iss: IssueInput) => msg.expectedWarmup(iss.input);
  return z.union([durationField({ expected: msg.expectedWarmup }), z.literal('auto', { error: wrong })], {
    error: wrong,
  });
}
