/**
 * A fast-check generator of small, short, VALID scenarios, for metamorphic relations and fuzzing: a few
 * producers (Poisson, rate schedules, on-off, batches at constant gaps), plain queues with capacities,
 * overflow policies, TTL, failures and retries, visibility timeouts, dead-letter queues, prefetch and
 * priorities, pipelines (consumers publishing onward), a fan-out exchange, and a Kafka-style topic with
 * partitions and keys. Each scenario runs in milliseconds.
 *
 * Times are written as plain numbers of seconds and rates as numbers per second, so a relation can rescale
 * them (scaleTimes) without parsing units. Every scenario is given both as the object and as its YAML text.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseScenario, type RawScenarioInput, type Scenario } from '../../src/scenario/index.js';

/** A generated scenario: the object as a user would write it, and the same as YAML text. */
export interface GeneratedScenario {
  raw: RawScenarioInput;
  yaml: string;
}

/** Which features the generator may use; each defaults to true. */
export interface ScenarioFeatures {
  /** Failures, retries with back-off and visibility timeouts. */
  failures?: boolean;
  /** TTLs and dead-letter queues. */
  expiry?: boolean;
  /** Bounded capacities and their overflow policies (reject-new, drop-oldest, block). */
  capacity?: boolean;
  /** The block overflow policy (a full queue stalls its publishers), among those capacity may pick. */
  block?: boolean;
  /** Message types with priorities and queues that honour them. */
  priorities?: boolean;
  /** Prefetch above 1. */
  prefetch?: boolean;
  /** A fan-out exchange bound to two queues. */
  fanout?: boolean;
  /** A Kafka-style topic with partitions (and perhaps keys). */
  topic?: boolean;
  /** Consumers publishing onward to later queues. */
  pipelines?: boolean;
  /** Arrival processes other than Poisson (schedules, on-off, batches at constant gaps). */
  burstyArrivals?: boolean;
  /** Constant service times and constant gaps (exact ties between events). */
  constants?: boolean;
  /** Lognormal service times (whose parameters are not exact under time scaling, see scaleTimes). */
  lognormal?: boolean;
}

type Raw = Record<string, unknown>;

/** Rounds to 3 significant decimals so the YAML stays readable and the values exact in both forms. */
const round = (value: number): number => Math.round(value * 1000) / 1000;
const between = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(round);

const serviceArbitrary = (features: Required<ScenarioFeatures>): fc.Arbitrary<Raw> =>
  fc.oneof(
    between(0.005, 0.08).map((mean) => ({ distribution: 'exponential', mean })),
    ...(features.constants
      ? [between(0.005, 0.08).map((value) => ({ distribution: 'constant', value }))]
      : []),
    ...(features.lognormal
      ? [
          fc
            .tuple(between(0.005, 0.08), between(0.2, 2))
            .map(([mean, cv]) => ({ distribution: 'lognormal', mean, cv })),
        ]
      : []),
  );

/** One producer's arrival process (without its name and destination). */
const arrivalArbitrary = (
  durationSeconds: number,
  features: Required<ScenarioFeatures>,
): fc.Arbitrary<Raw> => {
  const poisson = between(1, 30).map((rate) => ({ rate }));
  if (!features.burstyArrivals) return poisson;
  return fc.oneof(
    poisson,
    fc.tuple(between(0.1, 0.9), between(0, 30), between(1, 30)).map(([cut, first, second]) => ({
      rate: [{ until: round(cut * durationSeconds), rate: first }, { rate: second }],
    })),
    fc
      .tuple(between(0.1, 2), between(0.1, 2), between(5, 60), between(0, 5))
      .map(([on, off, rateOn, rateOff]) => ({
        arrival: { process: 'on-off', on, off, 'rate-on': rateOn, 'rate-off': rateOff },
      })),
    fc.tuple(between(0.1, 1), fc.integer({ min: 1, max: 5 })).map(([value, batch]) => ({
      // Batches at constant gaps, or at exponential ones when exact ties are not wanted.
      interarrival: features.constants
        ? { distribution: 'constant', value }
        : { distribution: 'exponential', mean: value },
      batch,
    })),
    fc.tuple(between(1, 10), fc.integer({ min: 2, max: 4 })).map(([rate, max]) => ({
      rate,
      batch: { distribution: 'uniform', min: 1, max },
    })),
  );
};

/** The settings of plain queue `index` of `count` (later queues are the only onward targets: no cycles). */
const plainQueueArbitrary = (
  index: number,
  count: number,
  features: Required<ScenarioFeatures>,
): fc.Arbitrary<Raw> => {
  const later = Array.from({ length: count - index - 1 }, (_, i) => `q${index + 1 + i}`);
  const maybe = <T>(enabled: boolean, arbitrary: fc.Arbitrary<T>) =>
    enabled ? fc.option(arbitrary, { nil: undefined }) : fc.constant(undefined);
  return fc
    .record({
      consumers: fc.integer({ min: 1, max: 4 }),
      service: serviceArbitrary(features),
      capacity: maybe(features.capacity, fc.integer({ min: 0, max: 8 })),
      overflow: features.block
        ? fc.constantFrom('reject-new', 'drop-oldest', 'block')
        : fc.constantFrom('reject-new', 'drop-oldest'),
      ttl: maybe(features.expiry, between(0.02, 2)),
      deadLetter: maybe(
        features.expiry && later.length > 0,
        fc.constantFrom(...(later.length ? later : ['-'])),
      ),
      failure: maybe(features.failures, between(0.01, 0.4)),
      retry: maybe(
        features.failures,
        fc.record({ attempts: fc.integer({ min: 1, max: 4 }), backoff: between(0, 0.5) }),
      ),
      timeout: maybe(features.failures, between(0.01, 1)),
      prefetch: features.prefetch ? fc.integer({ min: 1, max: 3 }) : fc.constant(1),
      maxPriority: maybe(features.priorities, fc.integer({ min: 1, max: 9 })),
      then: maybe(
        features.pipelines && later.length > 0,
        fc.tuple(fc.constantFrom(...(later.length ? later : ['-'])), between(0.2, 1)),
      ),
    })
    .map((q) => {
      const queue: Raw = { name: `q${index}`, consumers: q.consumers, service: q.service };
      if (q.capacity !== undefined) {
        queue.capacity = q.capacity;
        // A capacity of 0 with block would stall its publishers for good: block only with room to wait.
        queue.overflow = q.overflow === 'block' && q.capacity === 0 ? 'reject-new' : q.overflow;
      }
      if (q.ttl !== undefined) queue.ttl = q.ttl;
      if (q.deadLetter !== undefined) queue['dead-letter'] = q.deadLetter;
      if (q.failure !== undefined) queue.failure = { probability: q.failure };
      if (q.retry !== undefined) queue.retry = { 'max-attempts': q.retry.attempts, backoff: q.retry.backoff };
      if (q.timeout !== undefined) queue.timeout = q.timeout;
      if (q.prefetch > 1) queue.prefetch = q.prefetch;
      if (q.maxPriority !== undefined) queue['max-priority'] = q.maxPriority;
      if (q.then !== undefined)
        queue.then = q.then[1] === 1 ? q.then[0] : { to: q.then[0], probability: q.then[1] };
      return queue;
    });
};

const topicArbitrary = (features: Required<ScenarioFeatures>): fc.Arbitrary<Raw> =>
  fc
    .record({
      partitions: fc.integer({ min: 1, max: 6 }),
      consumerShare: fc.double({ min: 0, max: 1, noNaN: true }),
      service: serviceArbitrary(features),
      keys: fc.option(fc.record({ count: fc.integer({ min: 1, max: 50 }), skew: between(0, 1.5) }), {
        nil: undefined,
      }),
      retention: features.expiry ? fc.option(between(0.2, 5), { nil: undefined }) : fc.constant(undefined),
    })
    .map((t) => {
      const topic: Raw = {
        name: 't',
        partitions: t.partitions,
        consumers: 1 + Math.floor(t.consumerShare * (t.partitions - 0.001)),
        service: t.service,
      };
      if (t.keys !== undefined) topic.keys = t.keys;
      if (t.retention !== undefined) topic.retention = t.retention;
      return topic;
    });

/** Random valid scenarios with the given features (all by default), small and short enough to run in ms. */
export function scenarioArbitrary(wanted: ScenarioFeatures = {}): fc.Arbitrary<GeneratedScenario> {
  const features: Required<ScenarioFeatures> = {
    failures: true,
    expiry: true,
    capacity: true,
    block: true,
    priorities: true,
    prefetch: true,
    fanout: true,
    topic: true,
    pipelines: true,
    burstyArrivals: true,
    lognormal: true,
    constants: true,
    ...wanted,
  };
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      duration: fc.integer({ min: 5, max: 20 }),
      warmup: fc.constantFrom(0, 0, 1, 2),
      queueCount: fc.integer({ min: 1, max: 4 }),
      withFanout: features.fanout ? fc.boolean() : fc.constant(false),
      withTopic: features.topic ? fc.boolean() : fc.constant(false),
      withTypes: features.priorities ? fc.boolean() : fc.constant(false),
      producerCount: fc.integer({ min: 1, max: 3 }),
    })
    .chain((shape) => {
      const queueCount = Math.max(shape.queueCount, shape.withFanout ? 2 : 1);
      const targets = [
        ...Array.from({ length: queueCount }, (_, i) => `q${i}`),
        ...(shape.withFanout ? ['fan'] : []),
        ...(shape.withTopic ? ['t'] : []),
      ];
      const producer = fc.record({
        arrival: arrivalArbitrary(shape.duration, features),
        to: fc.constantFrom(...targets),
      });
      return fc.record({
        shape: fc.constant({ ...shape, queueCount }),
        producers: fc.array(producer, { minLength: shape.producerCount, maxLength: shape.producerCount }),
        queues: fc.tuple(
          ...Array.from({ length: queueCount }, (_, i) => plainQueueArbitrary(i, queueCount, features)),
        ),
        topic: shape.withTopic ? topicArbitrary(features).map((t) => [t]) : fc.constant([]),
        fanoutPair: fc.integer({ min: 0, max: Math.max(0, queueCount - 2) }),
      });
    })
    .map(({ shape, producers, queues, topic, fanoutPair }) => {
      const raw: Raw = {
        name: 'generated',
        seed: shape.seed,
        duration: shape.duration,
        ...(shape.warmup > 0 ? { warmup: shape.warmup } : {}),
      };
      if (shape.withTypes) raw['message-types'] = { urgent: { priority: 5 }, bulk: { priority: 0 } };
      raw.producers = producers.map((p, i) => ({
        name: `p${i}`,
        to: p.to,
        ...p.arrival,
        ...(shape.withTypes ? { types: { urgent: 1, bulk: 3 } } : {}),
      }));
      if (shape.withFanout) {
        raw.exchanges = [{ name: 'fan', type: 'fanout', to: [`q${fanoutPair}`, `q${fanoutPair + 1}`] }];
      }
      raw.queues = [...queues, ...topic];
      return toGenerated(raw as RawScenarioInput);
    });
}

/** The generated scenario of a raw object: the object and its YAML. */
export function toGenerated(raw: RawScenarioInput): GeneratedScenario {
  return { raw, yaml: stringify(raw, { lineWidth: 0 }) };
}

/** Parses a generated scenario's YAML, as the CLI would; throws the located ScenarioError when invalid. */
export function parseGenerated(generated: GeneratedScenario): Scenario {
  return parseScenario(generated.yaml, 'generated.yaml').scenario;
}

const timeKeysOfQueue = ['ttl', 'timeout', 'retention', 'rebalance-pause'] as const;

/** A distribution of times with every time divided by k (service times, interarrival times). */
function scaleDistribution(distribution: unknown, k: number): unknown {
  if (typeof distribution === 'number') return distribution / k;
  const d = { ...(distribution as Raw) };
  for (const key of ['mean', 'value', 'min', 'max', 'sd'] as const) {
    if (typeof d[key] === 'number') d[key] = (d[key] as number) / k;
  }
  if (typeof d.rate === 'number') d.rate = (d.rate as number) * k;
  return d;
}

/**
 * The same scenario on a clock k times faster: every rate multiplied by k, every duration divided by k
 * (run length, warm-up, schedule boundaries, on/off periods, service, TTL, timeouts, back-off, retention).
 * With k a power of two every sample scales exactly in floating point (lognormal parameters excepted).
 */
export function scaleTimes(rawInput: RawScenarioInput, k: number): RawScenarioInput {
  const raw = structuredClone(rawInput) as unknown as Raw;
  raw.duration = (raw.duration as number) / k;
  if (typeof raw.warmup === 'number') raw.warmup = raw.warmup / k;
  for (const producer of raw.producers as Raw[]) {
    if (typeof producer.rate === 'number') producer.rate = producer.rate * k;
    else if (Array.isArray(producer.rate)) {
      producer.rate = (producer.rate as Raw[]).map((entry) => ({
        ...(entry.until !== undefined ? { until: (entry.until as number) / k } : {}),
        rate: (entry.rate as number) * k,
      }));
    }
    if (producer.arrival) {
      const a = producer.arrival as Raw;
      producer.arrival = {
        ...a,
        on: (a.on as number) / k,
        off: (a.off as number) / k,
        'rate-on': (a['rate-on'] as number) * k,
        'rate-off': (a['rate-off'] as number) * k,
      };
    }
    if (producer.interarrival !== undefined)
      producer.interarrival = scaleDistribution(producer.interarrival, k);
  }
  for (const queue of raw.queues as Raw[]) {
    if (queue.service !== undefined) queue.service = scaleDistribution(queue.service, k);
    for (const key of timeKeysOfQueue)
      if (typeof queue[key] === 'number') queue[key] = (queue[key] as number) / k;
    if (queue.retry) {
      const retry = { ...(queue.retry as Raw) };
      if (typeof retry.backoff === 'number') retry.backoff = retry.backoff / k;
      if (typeof retry['max-backoff'] === 'number') retry['max-backoff'] = retry['max-backoff'] / k;
      queue.retry = retry;
    }
  }
  return raw as unknown as RawScenarioInput;
}

/** The fixed fast-check seed of the metamorphic suite (METAMORPHIC_SEED overrides it). */
export const METAMORPHIC_SEED = Number(process.env.METAMORPHIC_SEED ?? 20261203);

/** Runs of the largest property (the invariants) in `npm test`; the others are sized against it. */
const DEFAULT_LARGEST = 200;

/**
 * Runs for a property: `base` in `npm test`; METAMORPHIC_RUNS=n gives the largest property n runs and
 * each other property its share in proportion to its base (n = 5000: 5000 for the invariants, 1500 for
 * time scaling, …).
 */
export function metamorphicRuns(base: number): number {
  const wanted = Number(process.env.METAMORPHIC_RUNS ?? 0);
  return wanted > 0 ? Math.max(1, Math.round((wanted * base) / DEFAULT_LARGEST)) : base;
}

/** fast-check parameters of the suite: the fixed seed, the runs, and the counterexample printed in full. */
export function metamorphicParameters<T>(base: number): fc.Parameters<T> {
  return { seed: METAMORPHIC_SEED, numRuns: metamorphicRuns(base) };
}
