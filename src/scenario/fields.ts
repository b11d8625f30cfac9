/**
 * Building blocks for the as-written schema. Each one carries its own user-facing messages, so an error
 * says what was expected in this place ("a duration > 0") rather than zod's generic wording.
 */
import { z } from 'zod';
import * as msg from './messages.js';
import { closestMatch } from './suggest.js';
import {
  DURATION_PATTERN,
  PERCENT_PATTERN,
  RATE_PATTERN,
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

/** Grammar of producer, queue and scenario names (safe in file names, metric labels and CLI flags). */
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

/**
 * A duration: seconds as a number, or a string with a unit. `positive` excludes zero; `expected` words the
 * message for a value that is no duration at all (a distribution field mentions its mapping form too).
 */
export function durationField({
  positive = false,
  expected = msg.expectedDuration,
}: { positive?: boolean; expected?: (got: unknown) => string } = {}) {
  const bound = positive ? '> 0' : '>= 0';
  const wrong = (iss: IssueInput) => expected(iss.input);
  const outOfRange = (iss: IssueInput) => msg.durationOutOfRange(bound, iss.input);
  const asNumber = positive
    ? z.number({ error: wrong }).gt(0, { error: outOfRange })
    : z.number({ error: wrong }).min(0, { error: outOfRange });
  const asString = z.string({ error: wrong }).regex(new RegExp(DURATION_PATTERN), { error: wrong });
  const field = z.union([asNumber, asString], { error: wrong });
  // The string grammar cannot say "> 0", so `0ms` is caught after parsing (only if nothing else failed).
  return positive
    ? field.refine((value) => (parseDurationSeconds(value) ?? 0) > 0, { error: outOfRange, when: isClean })
    : field;
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
