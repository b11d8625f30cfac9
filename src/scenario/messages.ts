/**
 * Every sentence a user can read about a scenario file, in one place (after vega-lite's `log/message.ts`),
 * so wording stays consistent and tests can compare against the same functions.
 */

/** Describes a value as the user wrote it, for the "got …" end of a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** Appends "; did you mean 'x'?" when there is a close candidate. */
function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean '${suggestion}'?`;
}

/** Quotes a list of names for "one of: …". */
function oneOf(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}

const DURATION_EXAMPLES = 'like 250ms, 30s, 10m, 2h (or a number of seconds)';
const RATE_EXAMPLES = 'like 50/s, 3000/min, 10/h (or a number per second)';

// --- reading and YAML syntax ---

/** The scenario file could not be read at all. */
export const fileUnreadable = (reason: string): string => `cannot read the scenario file: ${reason}`;
/** A YAML syntax error, with the parser's own detail. */
export const yamlSyntax = (detail: string): string => `YAML syntax error: ${detail}`;
/** A YAML warning, with the parser's own detail. */
export const yamlWarning = (detail: string): string => `YAML warning: ${detail}`;
/** The YAML could not be turned into data (e.g. too many aliases). */
export const yamlUnresolvable = (detail: string): string => `cannot resolve the YAML document: ${detail}`;
/** The file holds more than one YAML document (`---` separators). */
export const multipleDocuments = (): string =>
  "the file holds more than one YAML document ('---'); put one scenario per file";
/** The file holds no document at all. */
export const emptyFile = (): string =>
  'the file is empty; a scenario needs at least name, duration, producers and queues';

// --- shape ---

/** A required key is absent. */
export const missingKey = (key: string): string => `missing required key '${key}'`;
/** A key the format does not know. */
export const unknownKey = (suggestion: string | undefined, known: readonly string[]): string =>
  suggestion !== undefined
    ? `unknown key${didYouMean(suggestion)}`
    : `unknown key; expected one of: ${oneOf(known)}`;
/** A mapping was expected. */
export const expectedMapping = (what: string, got: unknown): string =>
  `expected ${what} (a mapping of keys), got ${describeValue(got)}`;
/** A list was expected. */
export const expectedList = (what: string, got: unknown): string =>
  `expected a list of ${what}, got ${describeValue(got)}`;
/** A list must not be empty. */
export const emptyList = (what: string): string => `expected at least one entry in ${what}`;
/** A value of some basic type was expected (fallback for fields without a specific message). */
export const expectedType = (expected: string, got: unknown): string =>
  `expected ${expected}, got ${describeValue(got)}`;
/** A plain string was expected. */
export const expectedText = (got: unknown): string => `expected text, got ${describeValue(got)}`;
/** A number within a bound was expected, e.g. bound ">= 0". */
export const expectedNumber = (bound: string, got: unknown): string =>
  `expected a number ${bound}, got ${describeValue(got)}`;
/** An integer within a bound was expected. */
export const expectedInteger = (bound: string, got: unknown): string =>
  `expected an integer ${bound}, got ${describeValue(got)}`;
/** A value from a fixed set was expected. */
export const expectedOneOf = (
  values: readonly string[],
  got: unknown,
  suggestion: string | undefined,
): string => `expected one of ${oneOf(values)}, got ${describeValue(got)}${didYouMean(suggestion)}`;
/** A component name was expected. */
export const expectedName = (got: unknown): string =>
  `expected a name made of letters, digits, '_', '.' or '-', got ${describeValue(got)}`;
/** A generic fallback when a value does not fit. */
export const invalidValue = (got: unknown): string => `invalid value ${describeValue(got)}`;

// --- units ---

/** A duration was expected (wrong type or unknown unit). */
export const expectedDuration = (got: unknown): string =>
  `expected a duration ${DURATION_EXAMPLES}, got ${describeValue(got)}`;
/** A duration out of its range, e.g. bound "> 0". */
export const durationOutOfRange = (bound: string, got: unknown): string =>
  `expected a duration ${bound}, got ${describeValue(got)}`;
/** A rate was expected (wrong type or unknown unit). */
export const expectedRate = (got: unknown): string =>
  `expected a rate ${RATE_EXAMPLES}, got ${describeValue(got)}`;
/** A rate must be positive. */
export const rateNotPositive = (got: unknown): string => `expected a rate > 0, got ${describeValue(got)}`;
/** A seed (command line or file) was expected. */
export const expectedSeed = (got: unknown): string =>
  `expected a seed: an integer >= 0, got ${describeValue(got)}`;

// --- distributions ---

/** A distribution (duration or mapping) was expected. */
export const expectedDistribution = (got: unknown): string =>
  `expected a duration ${DURATION_EXAMPLES} or a distribution like { distribution: exponential, mean: 20ms }, got ${describeValue(got)}`;
/** The `distribution` key names no known distribution. */
export const unknownDistribution = (
  got: unknown,
  known: readonly string[],
  suggestion: string | undefined,
): string =>
  got === undefined
    ? `missing key 'distribution'; expected one of ${oneOf(known)}`
    : `unknown distribution ${describeValue(got)}${didYouMean(suggestion)}; expected one of ${oneOf(known)}`;
/** An exponential needs its mean or its rate. */
export const exponentialNeedsMeanOrRate = (): string => "an exponential distribution needs 'mean' or 'rate'";
/** An exponential was given both a mean and a rate. */
export const exponentialMeanAndRate = (): string =>
  "give either 'mean' or 'rate' for an exponential distribution, not both";
/** A uniform's bounds are the wrong way round. */
export const uniformMaxBelowMin = (): string => "expected 'max' >= 'min'";

// --- relations between parts of the scenario ---

/** A producer has neither `rate` nor `interarrival`. */
export const producerNeedsArrivals = (producer: string): string =>
  `producer '${producer}' needs 'rate' (e.g. 50/s) or 'interarrival' (a distribution)`;
/** A producer has both `rate` and `interarrival`. */
export const producerHasBothArrivals = (producer: string): string =>
  `producer '${producer}' has both 'rate' and 'interarrival'; give exactly one`;
/** A producer's interarrival time is always zero, which would never let simulated time advance. */
export const interarrivalAlwaysZero = (producer: string): string =>
  `producer '${producer}' has an interarrival time that is always 0, so simulated time could never advance`;
/** A producer sends to a queue that does not exist. */
export const unknownQueue = (producer: string, queue: string, suggestion: string | undefined): string =>
  `producer '${producer}' sends to queue '${queue}', which does not exist${didYouMean(suggestion)}`;
/** Two components of one kind share a name. */
export const duplicateName = (kind: string, name: string, firstPath: string): string =>
  `${kind} name '${name}' is already used by ${firstPath}; names must be unique`;
/** A queue has consumers but no service time. */
export const consumersNeedService = (queue: string, consumers: number): string =>
  `queue '${queue}' has ${consumers} consumer(s) but no 'service'; add e.g. service: { distribution: exponential, mean: 20ms }`;
/** A queue has a service time that no consumer will use. */
export const serviceIgnored = (queue: string): string =>
  `queue '${queue}' has 'service' but consumers is 0, so the service time is never used`;
/** A queue is fed by producers but never consumed. */
export const queueNeverConsumed = (queue: string): string =>
  `queue '${queue}' receives messages but has no 'service', so it has no consumers and nothing is ever consumed; add 'service', or 'consumers: 0' if that is intended`;
/** A queue no producer sends to. */
export const queueNeverFed = (queue: string): string => `queue '${queue}' receives from no producer`;

// --- replications, precision and warm-up detection ---

/** `warmup` is neither a duration nor `auto`. */
export const expectedWarmup = (got: unknown): string =>
  `expected a duration ${DURATION_EXAMPLES} or 'auto' (detect it per queue), got ${describeValue(got)}`;
/** `precision` is not a fraction in (0, 1) nor a percentage in (0 %, 100 %). */
export const expectedPrecision = (got: unknown): string =>
  `expected a precision like 2% or 0.02 (the confidence interval's half-width as a fraction of the mean, > 0 and < 100%), got ${describeValue(got)}`;
/** Both independent replications and batch means were asked for. */
export const replicationsAndBatches = (replications: number): string =>
  `'batches' splits one long run into batch means, but replications is ${replications}; use either replications or batches`;
/** The cap on replications is below the starting number. */
export const maxReplicationsBelowReplications = (max: number, replications: number): string =>
  `max-replications (${max}) is below replications (${replications}); with precision, replications is the number to start with`;
/** The cap on a batch-means run's measured time is below its duration. */
export const maxDurationBelowDuration = (): string =>
  `max-duration is shorter than duration; with batches and precision the run starts at duration and may grow up to max-duration`;
/** A stopping cap is given without the precision it caps. */
export const capWithoutPrecision = (key: string): string =>
  `'${key}' only limits precision-driven runs; without 'precision' (or --precision) it has no effect`;
/** `max-duration` only applies to batch means. */
export const maxDurationWithoutBatches = (): string =>
  `'max-duration' limits a batch-means run (set 'batches'); independent replications are capped by 'max-replications'`;
/** `max-replications` does not apply to batch means. */
export const maxReplicationsWithBatches = (): string =>
  `'max-replications' caps independent replications; a batch-means run is capped by 'max-duration'`;
/** A queue's initial backlog does not fit in it. */
export const backlogTooLarge = (queue: string, backlog: number, room: number): string =>
  `queue '${queue}' starts with a backlog of ${backlog} messages but can hold only ${room} (capacity plus consumers)`;
