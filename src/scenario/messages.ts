/**
 * Every sentence a user can read about a scenario file, in one place (after vega-lite's `log/message.ts`),
 * so wording stays consistent and tests can compare against the same functions.
 */

import { groupThousands } from '../math/thousands.js';
import { describeValue, didYouMean, formatNumber, listNames, oneOf, producerNames } from './message-words.js';
import { DURATION_EXAMPLES, RATE_EXAMPLES, SIZE_EXAMPLES } from './message-words.js';

export { describeValue } from './message-words.js';
// Sentences about trace and samples files live beside this file; `msg.` reaches them through here.
export * from './file-messages.js';

// --- reading and YAML syntax ---

/** A read error in words, without the stack or errno noise. */
export function readErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The scenario file could not be read at all. */
export const fileUnreadable = (reason: string): string => `cannot read the scenario file: ${reason}`;
/** Why a path that exists is not read: it is not a regular file. */
export const notRegularFile = (): string => 'it is not a regular file (a pipe, socket or device)';
/** The scenario file is larger than the parser is allowed to read. */
export const scenarioTooLarge = (bytes: number, limit: number): string =>
  `the scenario file is ${(bytes / 1e6).toFixed(1)} MB; the limit is ${String(limit / 1e6)} MB: ` +
  'a scenario describes a system; long lists of values belong in files (recorded arrivals: `trace: { file: … }`; observed samples: `{ distribution: empirical, file: … }`)';
/** A YAML syntax error, with the parser's own detail. */
export const yamlSyntax = (detail: string): string => `YAML syntax error: ${detail}`;
/** A mapping repeats a key (the parser's own words, which users may search for). */
export const duplicateKey = (): string => yamlSyntax('Map keys must be unique');
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
/** A timestamp that is neither ISO-8601 nor epoch milliseconds. */
export const expectedTimestamp = (got: unknown): string =>
  `expected a timestamp, ISO-8601 like 2026-11-23T09:30:00Z or epoch milliseconds, got ${describeValue(got)}`;
/** Something other than true or false where a switch was expected. */
export const expectedBoolean = (got: unknown): string => `expected true or false, got ${describeValue(got)}`;
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
/** A rate in a schedule must not be negative. */
export const rateNegative = (got: unknown): string => `expected a rate >= 0, got ${describeValue(got)}`;
/** A size was expected (wrong type or unknown unit). */
export const expectedSize = (got: unknown): string =>
  `expected a size ${SIZE_EXAMPLES}, got ${describeValue(got)}`;
/** A size out of its range, e.g. bound "> 0". */
export const sizeOutOfRange = (bound: string, got: unknown): string =>
  `expected a size ${bound}, got ${describeValue(got)}`;
/** A probability within a range was expected, e.g. range ">= 0 and < 1". */
export const expectedProbability = (range: string, got: unknown): string =>
  `expected a probability ${range}, got ${describeValue(got)}`;
/** A seed (command line or file) was expected. */
export const expectedSeed = (got: unknown): string =>
  `expected a seed: an integer >= 0, got ${describeValue(got)}`;

// --- distributions ---

/** A distribution (duration or mapping) was expected. */
export const expectedDistribution = (got: unknown): string =>
  `expected a duration ${DURATION_EXAMPLES} or a distribution like { distribution: exponential, mean: 20ms }, got ${describeValue(got)}`;
/** A size distribution (size or mapping) was expected. */
export const expectedSizeDistribution = (got: unknown): string =>
  `expected a size ${SIZE_EXAMPLES} or a distribution like { distribution: lognormal, mean: 4KB, cv: 1 }, got ${describeValue(got)}`;
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
  `producer '${producer}' needs 'rate' (e.g. 50/s), 'arrival' (an on-off source), 'interarrival' (a distribution) or 'trace' (a file of timestamps)`;
/** A producer has both `rate` and `interarrival`. */
export const producerHasBothArrivals = (producer: string, first = 'rate', second = 'interarrival'): string =>
  `producer '${producer}' has both '${first}' and '${second}'; give exactly one`;
/** A schedule entry other than the last has no `until`. */
export const scheduleEntryNeedsUntil = (producer: string): string =>
  `producer '${producer}': every schedule entry but the last needs 'until' (when this rate ends, e.g. 8h)`;
/** The last schedule entry has an `until`: the rate after it would be unknown. */
export const scheduleLastHasUntil = (producer: string): string =>
  `producer '${producer}': the last schedule entry must have no 'until' (its rate persists to the end); add a final { rate: ... }`;
/** A schedule's `until` values do not increase. */
export const scheduleNotIncreasing = (producer: string, until: unknown, previous: unknown): string =>
  `producer '${producer}': schedule 'until' values must increase, got ${describeValue(until)} after ${describeValue(previous)}`;
/** Every rate of a schedule is zero. */
export const scheduleAlwaysZero = (producer: string): string =>
  `producer '${producer}': every rate is 0, so it would never publish`;
/** A daily profile has not 24 hourly rates. */
export const dailyNeeds24 = (got: number): string => `expected 24 hourly rates in 'daily', got ${got}`;
/** A producer's interarrival time is always zero, which would never let simulated time advance. */
export const interarrivalAlwaysZero = (producer: string): string =>
  `producer '${producer}' has an interarrival time that is always 0, so simulated time could never advance`;
/** A producer sends to a name that is neither a queue nor an exchange. */
export const producerTargetUnknown = (
  producer: string,
  target: string,
  suggestion: string | undefined,
): string =>
  `producer '${producer}' sends to '${target}', which is not a queue or exchange${didYouMean(suggestion)}`;
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
/** A queue nothing sends to. */
export const queueNeverFed = (queue: string): string =>
  `queue '${queue}' receives from no producer, exchange binding, 'then' or 'dead-letter'`;

// --- message-queue topology: exchanges, pipelines, dead-lettering ---

/** A queue or exchange takes a name already used by the other kind. */
export const sharedNameClash = (kind: string, name: string, firstPath: string): string =>
  `${kind} name '${name}' is already used by ${firstPath}; queues and exchanges share one namespace so that every 'to' is unambiguous`;
/** A `then` that is neither a name, a route nor a list of routes. */
export const expectedRoutes = (got: unknown): string =>
  `expected a queue or exchange name, a route like { to: ledger, probability: 0.9 }, or a list of routes, got ${describeValue(got)}`;
/** An entry of a `then` list that is neither a name nor a route. */
export const expectedRoute = (got: unknown): string =>
  `expected a queue or exchange name or a route like { to: ledger, probability: 0.9 }, got ${describeValue(got)}`;
/** A binding was expected in an exchange's `to`. */
export const expectedBinding = (got: unknown): string =>
  `expected a queue name or a binding like { queue: billing, types: [order_placed] }, got ${describeValue(got)}`;
/** `max-attempts` was neither a count nor `unlimited`. */
export const expectedMaxAttempts = (got: unknown): string =>
  `expected an integer >= 1 or 'unlimited', got ${describeValue(got)}`;
/** A failure probability of 1 would never let a message finish. */
export const failureAlwaysFails = (): string =>
  'a failure probability of 1 fails every attempt, so no message would ever finish; expected a probability >= 0 and < 1';
/** A mapping needs at least one entry. */
export const emptyMapping = (what: string): string => `expected at least one entry in ${what}`;
/** A queue publishes onward to a name that is neither a queue nor an exchange. */
export const thenTargetUnknown = (queue: string, target: string, suggestion: string | undefined): string =>
  `queue '${queue}' publishes onward to '${target}', which is not a queue or exchange${didYouMean(suggestion)}`;
/** A queue's then-probabilities add up to more than 1. */
export const thenSumAboveOne = (queue: string, sum: number): string =>
  `the then-probabilities of queue '${queue}' sum to ${formatNumber(sum)}; they must sum to at most 1 (the rest leaves the system)`;
/** An exchange binds a name that is not a queue. */
export const bindingQueueUnknown = (
  exchange: string,
  queue: string,
  suggestion: string | undefined,
): string => `exchange '${exchange}' binds queue '${queue}', which does not exist${didYouMean(suggestion)}`;
/** An exchange binds another exchange. */
export const bindingToExchange = (exchange: string, other: string): string =>
  `exchange '${exchange}' binds '${other}', which is an exchange; bindings name queues (exchange-to-exchange bindings are not supported)`;
/** An exchange binds one queue twice. */
export const duplicateBinding = (exchange: string, queue: string, firstPath: string): string =>
  `exchange '${exchange}' binds queue '${queue}' again (first at ${firstPath}); bind each queue once, with all its types in one binding`;
/** A direct exchange's binding has no types. */
export const directBindingNeedsTypes = (exchange: string, queue: string): string =>
  `direct exchange '${exchange}' binds queue '${queue}' without 'types', so nothing would be routed to it; write { queue: ${queue}, types: [...] }`;
/** A fanout exchange's binding has types. */
export const fanoutBindingHasTypes = (exchange: string): string =>
  `fanout exchange '${exchange}' ignores types (it copies every message to every bound queue); remove 'types', or make it type: direct`;
/** A producer publishes untyped messages to a direct exchange. */
export const directExchangeNeedsTypes = (producer: string, exchange: string): string =>
  `producer '${producer}' publishes to direct exchange '${exchange}' but has no 'types', so none of its messages could be routed; add e.g. types: { order_placed: 1 }, or publish to a fanout exchange or a queue`;
/** A direct binding names a type that never reaches its exchange. */
export const boundTypeNeverArrives = (
  exchange: string,
  type: string,
  emittedElsewhere: boolean,
  suggestion: string | undefined,
): string =>
  `exchange '${exchange}' routes type '${type}', but no message of that type reaches it (${
    emittedElsewhere ? `the producers of '${type}' publish elsewhere` : `no producer emits '${type}'`
  })${didYouMean(suggestion)}`;
/** Messages of a type reach a direct exchange that routes that type nowhere. */
export const typeUnroutable = (exchange: string, type: string, producers: readonly string[]): string =>
  `messages of type '${type}' (from ${producerNames(producers)}) reach direct exchange '${exchange}', which has no binding for that type, so they are unroutable and lost; bind a queue to '${type}'`;
/** Untyped messages reach a direct exchange through a `then`. */
export const untypedUnroutable = (exchange: string, producers: readonly string[]): string =>
  `untyped messages (from ${producerNames(producers)}) reach direct exchange '${exchange}' through a 'then', so they are unroutable and lost; give the producer 'types'`;
/** A declared message type no producer emits. */
export const messageTypeNeverEmitted = (type: string, suggestion: string | undefined): string =>
  `message type '${type}' is declared but no producer emits it${didYouMean(suggestion)}`;
/** An exchange nothing publishes to. */
export const exchangeNeverPublished = (exchange: string): string =>
  `exchange '${exchange}' receives from no producer or 'then', so nothing is ever published to it`;
/** A dead-letter target that is not a queue. */
export const deadLetterUnknown = (queue: string, target: string, suggestion: string | undefined): string =>
  `queue '${queue}' dead-letters to queue '${target}', which does not exist${didYouMean(suggestion)}`;
/** A dead-letter target that is an exchange. */
export const deadLetterToExchange = (queue: string, target: string): string =>
  `queue '${queue}' dead-letters to '${target}', which is an exchange; 'dead-letter' must name a queue`;
/** A queue dead-letters to itself. */
export const deadLetterToItself = (queue: string): string =>
  `queue '${queue}' dead-letters to itself; name another queue (e.g. '${queue}-dlq')`;
/** `reject-publish-dlx` needs a dead-letter queue. */
export const dlxNeedsDeadLetter = (queue: string): string =>
  `queue '${queue}' has overflow 'reject-publish-dlx', which dead-letters refused messages, but no 'dead-letter' queue; add dead-letter: <queue>, or use 'reject-new'`;
/** An overflow policy on a queue that can never be full. */
export const overflowWithoutLimit = (queue: string, policy: string): string =>
  `queue '${queue}' has overflow '${policy}' but neither 'capacity' nor 'capacity-bytes', so it is never full and the policy never applies`;
/** A byte limit on a queue reached by messages of unknown size. */
export const capacityBytesNeedsSize = (queue: string, producers: readonly string[]): string =>
  `queue '${queue}' has 'capacity-bytes', but messages from ${producerNames(producers)} can reach it and have no 'message-size'; give every producer whose messages reach it a message-size`;
/** A consumer setting on a queue without consumers. */
export const unusedWithoutConsumers = (queue: string, key: string): string =>
  `queue '${queue}' has no consumers, so '${key}' has no effect`;
/** A priority queue no prioritised message reaches. */
export const maxPriorityUnused = (queue: string, maxPriority: number): string =>
  `queue '${queue}' has max-priority ${maxPriority}, but no message reaching it has a priority above 0; give message types a priority under 'message-types'`;
// --- partitioned topics ---

/** Why each queue key has no meaning on a topic, in the words of the error. */
const TOPIC_KEY_REASONS: Record<string, string> = {
  capacity: 'a topic is a log that keeps every message until it is consumed or deleted by retention',
  'capacity-bytes': 'a topic is a log that keeps every message until it is consumed or deleted by retention',
  overflow: 'a topic never refuses a message (it has no capacity to overflow)',
  prefetch: 'each consumer processes its partitions one message at a time, in order',
  'max-priority': 'a partition is processed strictly in append order',
  timeout: 'a partition is blocked while its head message is processed, so nothing is redelivered early',
  ttl: "use 'retention' for how long a topic keeps unconsumed messages",
};
/** A queue key on a topic (`partitions:`) that has no meaning there. */
export const notForTopics = (queue: string, key: string): string =>
  `'${key}' does not apply to topic '${queue}' (it has 'partitions'): ${TOPIC_KEY_REASONS[key] ?? 'it is a setting of plain queues'}; remove it`;
/** A topic-only key on a plain queue. */
export const needsPartitions = (queue: string, key: string): string =>
  `queue '${queue}' has '${key}', which only topics have; add 'partitions: <count>' to make it a Kafka-style topic, or remove '${key}'`;
/** More consumers than partitions: the extra ones never get a partition. */
export const idleTopicConsumers = (queue: string, consumers: number, partitions: number): string =>
  `topic '${queue}' has ${consumers} consumers but ${partitions} partition(s): a partition is consumed by one consumer of the group, so ${consumers - partitions} consumer(s) sit idle; add partitions or remove consumers`;
/** The queue keys a topic rejects (see notForTopics). */
export const KEYS_NOT_FOR_TOPICS = Object.keys(TOPIC_KEY_REASONS);

/** " for messages of type 'x'" when a routing problem concerns one message type only. */
const ofType = (type: string | undefined): string =>
  type === undefined ? '' : ` for messages of type '${type}'`;
/** A routing cycle that keeps every message on it. */
export const routingCycleNoExit = (cycle: readonly string[], type?: string): string =>
  `routing cycle ${cycle.join(' → ')}${ofType(type)} never lets messages leave (every cycle needs an exit probability: make the then-probabilities sum to less than 1 somewhere on it)`;
/** Block queues on a cycle: their consumers can end up waiting on each other for good. */
export const blockCycleMayDeadlock = (cycle: readonly string[]): string =>
  `block queues ${cycle.join(' → ')} form a cycle that can deadlock: when every queue on it is full, each consumer waits to publish into the next one and none can finish (a run reports it as a deadlock); give these queues enough capacity for the messages that circulate, set a ttl on one, or make one reject-new or drop-oldest`;
/** Routing cycles that multiply messages. */
export const routingCyclesMultiply = (names: readonly string[], copies: number, type?: string): string =>
  `routing cycles through ${listNames(names)}${ofType(type)} ${copies > 1 + 1e-6 ? 'multiply messages without bound' : 'never let messages die out'}: fan-out on them turns each message into ${formatNumber(copies)} ${formatNumber(copies) === '1' ? 'copy' : 'copies'} per round on average (it must be below 1); lower the then-probabilities that lead back, or bind fewer queues on them`;
// --- replications, precision and warm-up detection ---

/** `warmup` is neither a duration nor `auto`. */
/** `commit-interval` takes a duration or `per-message`. */
export const expectedCommitInterval = (got: unknown): string =>
  `expected a duration (e.g. 5s) or per-message, got ${describeValue(got)}`;
export const expectedWarmup = (got: unknown): string =>
  `expected a duration ${DURATION_EXAMPLES} or 'auto' (detect it per queue), got ${describeValue(got)}`;
/** `precision` is not a fraction in (0, 1) nor a percentage in (0 %, 100 %). */
export const expectedPrecision = (got: unknown): string =>
  `expected a precision like 2% or 0.02 (the confidence interval's half-width as a fraction of the mean, > 0 and < 100%), got ${describeValue(got)}`;
/**
 * `warmup: auto` on input whose rate changes with time by design: MSER-5 looks for the end of an initial
 * transient in a stationary process and would take the designed peak (or its ramp) for one.
 */
export const warmupAutoNonStationary = (producer: string, input: 'schedule' | 'trace'): string =>
  `auto warm-up detection finds the end of the initial transient of a stationary load, but producer '${producer}' ${input === 'schedule' ? 'has a time-varying rate (a schedule)' : 'replays a trace'}, whose changes are the load itself, not a transient: the detected warm-up would discard part of it (a peak included); give a fixed warm-up instead, e.g. warmup: 0s to measure from the start, or the time the system takes to fill`;
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

// --- autoscaling ---

/** An autoscaler whose floor is above its ceiling. */
export const autoscaleMinAboveMax = (queue: string, min: number, max: number): string =>
  `queue '${queue}' has autoscale min ${min} above max ${max}`;
/** A starting consumer count outside the autoscaler's range. */
export const consumersOutsideAutoscale = (
  queue: string,
  consumers: number,
  min: number,
  max: number,
): string =>
  `queue '${queue}' starts its autoscaled pool at consumers: ${consumers}, outside autoscale min..max (${min}..${max})`;
/** An autoscaled topic's max above its partition count. */
export const autoscaleAbovePartitions = (queue: string, max: number, partitions: number): string =>
  `topic '${queue}' has autoscale max ${max} but ${partitions} partitions: replicas are capped at ${partitions}, as KEDA's Kafka scaler caps them (a consumer beyond the partitions would sit idle; allow-idle-consumers: true lifts the cap)`;
/** `cooldown` on a pool that never reaches zero: it is KEDA's 1 → 0 delay, not the scale-down window. */
export const cooldownWithoutZero = (queue: string, min: number): string =>
  `queue '${queue}' sets autoscale cooldown with min ${min}: cooldown is KEDA's cooldownPeriod, which only takes the last replicas to 0 (min 0), so it has no effect here; the delay before scaling down from N to M is behavior.scale-down.stabilization-window (default 5m)`;
/** A KEDA Kafka scaler setting on a plain queue. */
export const autoscaleKeyNeedsPartitions = (queue: string, key: string): string =>
  `queue '${queue}' has autoscale '${key}', which only a topic understands (KEDA's Kafka scaler); add partitions or remove it`;
/** Autoscaled consumers need a service time. */
export const autoscaleNeedsService = (queue: string): string =>
  `queue '${queue}' is autoscaled but has no 'service'; add e.g. service: { distribution: exponential, mean: 20ms }`;

// --- service-level objectives ---

/** An SLO's `max` that is neither a number, a duration nor a percentage. */
export const expectedSloMax = (got: unknown): string =>
  `expected a limit: a duration ${DURATION_EXAMPLES}, a percentage like 0.1% or 75%, or a number >= 0, got ${describeValue(got)}`;
/** An SLO that names both or neither of a queue and a flow. */
export const sloNeedsOneTarget = (both: boolean): string =>
  both
    ? "an SLO bounds either a queue or a flow; give 'queue' or 'flow', not both"
    : "an SLO needs 'queue: <name>' or 'flow: <producer name>'";
/** An SLO on a queue that does not exist. */
export const sloQueueUnknown = (queue: string, suggestion: string | undefined): string =>
  `SLO on queue '${queue}', which does not exist${didYouMean(suggestion)}`;
/** An SLO on a flow that names no producer. */
export const sloFlowUnknown = (flow: string, suggestion: string | undefined): string =>
  `SLO on flow '${flow}', but flows are named by their producer and there is no producer '${flow}'${didYouMean(suggestion)}`;
/** An SLO on a metric its scope does not have. */
export const sloMetricUnknown = (
  scope: string,
  metric: unknown,
  known: readonly string[],
  suggestion: string | undefined,
): string =>
  suggestion !== undefined
    ? `unknown ${scope} metric ${describeValue(metric)}${didYouMean(suggestion)}`
    : `unknown ${scope} metric ${describeValue(metric)}; expected one of ${oneOf(known)}`;
/** An SLO whose `max` is not in its metric's unit. */
export const sloMaxWrongUnit = (metric: string, unit: string, got: unknown): string =>
  `${metric} is ${
    unit === 'seconds'
      ? `a latency, so its max is a duration ${DURATION_EXAMPLES}`
      : unit === 'fraction'
        ? 'a fraction, so its max is a percentage like 0.1% or 75%, or a number like 0.001'
        : 'a number of messages, so its max is a number >= 0'
  }; got ${describeValue(got)}`;

// --- sweeps: `--vary path=values` ---

/** A `--vary` without `path=values`. */
export const expectedVary = (got: string): string =>
  `expected path=values, e.g. queues.billing.consumers=1..16 or producers.checkout.rate=x1,x1.5,x2, got ${JSON.stringify(got)}`;
/** A `--vary` path that addresses no variable field. */
export const varyPathUnknown = (
  path: string,
  known: readonly string[],
  suggestion: string | undefined,
): string => `cannot vary '${path}'${didYouMean(suggestion)}; paths are ${oneOf(known)}`;
/** A value of a `--vary` list that does not fit its field. */
export const varyValueInvalid = (path: string, value: string, expected: string): string =>
  `'${value}' is not a value for ${path}: expected ${expected}`;
/** The same path varied twice. */
export const varyPathTwice = (path: string): string =>
  `'${path}' is varied twice; give all its values in one --vary`;

/** A variant's setting is neither a number nor a text value. */
export const expectedSettingValue = (got: unknown): string =>
  `expected a value like 8, 250ms, 60/s or x1.5, got ${describeValue(got)}`;
/** A variant sets a path that cannot be set. */
export const variantPathUnknown = (
  path: string,
  known: readonly string[],
  suggestion: string | undefined,
): string => `cannot set '${path}'${didYouMean(suggestion)}; paths are ${oneOf(known)}`;
/** A variant's value does not fit its path. */
export const variantValueInvalid = (path: string, value: unknown, expected: string): string =>
  `${describeValue(value)} is not a value for ${path}: expected ${expected}`;
/** Two variants with one name. */
export const duplicateVariantName = (name: string, firstPath: string): string =>
  `variant name '${name}' is already used by ${firstPath}; names must be unique`;
/** A variant named like the scenario, which compare shows as the baseline. */
export const variantNamedLikeScenario = (name: string): string =>
  `variant name '${name}' is the scenario's own name, which compare uses for the baseline; choose another`;

/** A `cost` key that is neither a plannable path nor `consumer` / `capacity`. */
export const costKeyUnknown = (
  key: string,
  known: readonly string[],
  suggestion: string | undefined,
): string => `no cost can be given for '${key}'${didYouMean(suggestion)}; keys are ${oneOf(known)}`;

/** `queuesim compare` on a scenario with `warmup: auto`. */
export const compareNeedsFixedWarmup = (): string =>
  'compare needs a fixed warm-up (a detected one would differ between scenarios and break the pairing); give warmup: <duration>, or --warmup';
/** `queuesim compare` with fewer than two scenario files. */
export const compareNeedsTwo = (given: number): string =>
  `compare needs at least two scenarios: two or more files, or one file with variants; got ${given}`;
/** `queuesim plan` or `headroom` on a scenario without SLOs. */
export const planNeedsSlo = (): string =>
  "plan and headroom size against the scenario's SLOs, and it has none; add e.g. slo: [{ queue: billing, metric: sojourn.p99, max: 250ms }]";
/** `--optimize` on a path plan cannot search. */
export const planPathUnsupported = (
  path: string,
  known: readonly string[],
  suggestion: string | undefined,
): string =>
  `cannot optimise '${path}'${suggestion === undefined ? '' : `; did you mean '${suggestion}'?`}; plan searches ${known.map((k) => `'${k}'`).join(', ')}`;
/** `--optimize` missing and no queue SLO to take it from. */
export const planNeedsOptimize = (): string =>
  'name the parameter to size with --optimize queues.<name>.consumers (no SLO names a queue to default to)';
/** The same path given twice to `--optimize`. */
export const planPathTwice = (path: string): string => `'${path}' is given to --optimize twice`;
/** A `--load` that is not a positive multiplier. */
export const expectedLoad = (got: string): string =>
  `expected a load multiplier like x1.5 or 1.5, got ${JSON.stringify(got)}`;

/** Why each size has a limit (the tail of the error a size past it gets). */
export const LIMIT_REASONS = {
  consumers: 'each consumer is simulated, and a billion exhausted memory; no real pool is that large',
  partitions: 'each partition is simulated; Kafka itself advises at most about 200,000 per cluster',
  keys: 'every key has a slot in the sampling table; ten million took 600 MB',
  backlog:
    "the messages waiting at the start count against the run's max-backlog (raise it with max-backlog)",
  batches: 'each batch keeps a full result; past a few hundred batches the interval hardly narrows',
  replications: 'each replication keeps a full result (about 100 KB) until the study ends',
  sweepPoints:
    'the grid of every --vary has this many points, each a full study; sweep fewer values (a range with a step: 1..64:4)',
} as const;
/** A value as written: a string as it is, a large number in exponent form (1e+20, not 21 digits). */
const asWritten = (value: string | number): string =>
  typeof value === 'number' && Math.abs(value) >= 1e6 ? value.toExponential() : String(value);

/** A distribution's time or size past what its sampler's arithmetic can hold. */
export const distributionValueAboveLimit = (written: string | number, limit: string, noun: string): string =>
  `${asWritten(written)} is above the limit of ${limit} for a distribution's ${noun}s: past it draws, means and variances overflow to Infinity or NaN, and no real ${noun === 'time' ? 'service or interarrival time' : 'message'} is that ${noun === 'time' ? 'long' : 'large'}`;
/** An exponential rate so low that its mean is past the limit of a distribution's times. */
export const distributionRateBelowLimit = (written: string | number, limit: string): string =>
  `${asWritten(written)} is below the limit of ${limit}: its mean (1/rate) would be past what a distribution's times can hold without overflowing to Infinity or NaN`;
/** A lognormal or gamma cv past what the samplers can handle. */
export const cvAboveLimit = (cv: number, limit: number): string =>
  `cv ${formatNumber(cv)} is above the limit of ${limit}: past it the gamma's shape (1/cv²) vanishes and the lognormal's σ² overflows, so draws become 0, Infinity or NaN; no measured latency varies that much`;
/** A Weibull shape below what keeps its moments finite. */
export const weibullShapeBelowLimit = (shape: number, limit: number): string =>
  `shape ${formatNumber(shape)} is below the limit of ${limit}: below it the Weibull's variance (through Γ(1 + 2/shape)) overflows and its draws span hundreds of orders of magnitude; measured shapes are about 0.3 to 5`;
/** A size past its documented limit. */
export const aboveLimit = (value: number, limit: number, why: string): string =>
  `${groupThousands(value)} is above the limit of ${groupThousands(limit)}: ${why}`;
