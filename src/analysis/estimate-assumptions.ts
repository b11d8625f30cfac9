/**
 * Whether a queue's analytic estimate can be trusted. Every formula here assumes messages arrive one at a time
 * from a stationary (Poisson or renewal) stream, wait in one FIFO line that any idle consumer serves, and
 * leave only by being served. Where a queue breaks that in a way that moves the numbers (measured: a
 * prefetch-20 queue waits 285 ms against the formula's 76 ms, a trace replay twice the formula's wait, an
 * M/M/1 with a TTL expiring 5 % of messages a third of the formula's queue), the estimate is withheld with
 * the reason in the user's words. Where the feature rarely acts (a TTL that under 1 % of messages would
 * reach, a limit rarely hit), the estimate stays, labelled an approximation with a note.
 */
import { distributionFromSpec } from '../model/distribution-from-spec.js';
import { RandomStream } from '../engine/random.js';
import type { DistributionSpec, QueueSpec, Scenario } from '../scenario/types.js';
import type { Exactness } from './network-exactness.js';
import type { ProducerPeak } from './peak-rates.js';
import { isExponential } from './station.js';

/** A feature acting on fewer than this share of messages (or of the time) leaves the estimate standing. */
export const RARE = 0.01;
/** A burst must last this many mean service times for the queue to settle at the burst's rate. */
const SETTLING_SERVICE_TIMES = 100;

const percent = (share: number): string => `${Number((share * 100).toPrecision(2))} %`;

/** "1.5s", "250ms": a duration as the user would write it. */
export function duration(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  if (seconds >= 1) return `${Number(seconds.toPrecision(4))}s`;
  return `${Number((seconds * 1000).toPrecision(4))}ms`;
}

/** P(S > t) of a service law: exact for exponential and constant times, else from 20,000 seeded draws. */
export function serviceExceeds(spec: DistributionSpec, seconds: number): number {
  if (isExponential(spec)) return Math.exp(-seconds / distributionFromSpec(spec).mean);
  if (spec.kind === 'constant') return spec.value > seconds ? 1 : 0;
  const law = distributionFromSpec(spec);
  const random = new RandomStream(1, 'estimate-assumptions');
  const draws = 20_000;
  let over = 0;
  for (let i = 0; i < draws; i++) if (law.sample(random) > seconds) over++;
  return over / draws;
}

/**
 * Why the formulas cannot describe this queue at all, read from the configuration before any formula runs;
 * null when none of these applies.
 */
export function withheldBeforeFormula(
  scenario: Scenario,
  queue: QueueSpec,
  flags: Exactness,
  peaks: ProducerPeak[],
): string | null {
  if (queue.prefetch > 1 && queue.consumers > 1) {
    return `prefetch ${queue.prefetch} with ${queue.consumers} consumers: messages wait in consumers' own buffers while another consumer may sit idle, which no formula here covers`;
  }
  if (flags.traceProducers) {
    return "arrivals replayed from a trace follow the recording's bursts and lulls, not a Poisson stream at its mean rate; no formula here covers them";
  }
  if (flags.batchProducers.length > 0) {
    return `${flags.batchProducers.join(', ')} publishes messages in batches, several at the same instant; the formulas here assume one message at a time`;
  }
  if (flags.deadLetterInflow) {
    return `also receives messages dead-lettered by ${flags.deadLetterSources.join(', ')}, at a rate no formula here gives`;
  }
  const serviceMean = queue.service ? distributionFromSpec(queue.service).mean : 0;
  for (const peak of peaks) {
    if (!flags.timeVaryingNames.includes(peak.producer) || peak.burstSeconds === undefined) continue;
    if (peak.burstSeconds < SETTLING_SERVICE_TIMES * serviceMean) {
      return `the bursts of ${peak.producer} last about ${duration(peak.burstSeconds)}, too short for the queue to settle at their rate; no steady state describes it`;
    }
  }
  if (queue.timeoutSeconds !== null && queue.service !== null) {
    const outlast = serviceExceeds(queue.service, queue.timeoutSeconds);
    if (outlast >= RARE) {
      return `visibility timeout ${duration(queue.timeoutSeconds)}: about ${percent(outlast)} of attempts outlast it and are delivered again, duplicating work in a way no formula here covers`;
    }
  }
  void scenario;
  return null;
}

/** The estimate's view of the waiting line that the checks after the formula need. */
export interface WaitingLine {
  stable: boolean;
  /** P(an arrival waits). */
  probabilityOfWait: number | null;
  /** Mean wait, seconds. */
  meanWait: number | null;
  /** Mean number waiting. */
  meanQueueLength: number | null;
  /** Probability that the queue is full on arrival, when the formula knows it (M/M/c/K, Erlang B). */
  fullOnArrival: number | null;
}

/**
 * P(W > t) with an exponential conditional wait: Pw·exp(−t·Pw/Wq). Exact for M/M/c (Gross et al. 4th ed.
 * §2.3, where Pw/Wq = cμ − λ); the usual two-moment tail approximation otherwise.
 */
export function waitTail(line: WaitingLine, seconds: number): number {
  if (!line.stable) return 1;
  const pw = line.probabilityOfWait ?? 0;
  const wq = line.meanWait ?? 0;
  if (pw <= 0 || wq <= 0) return 0;
  return pw * Math.exp((-seconds * pw) / wq);
}

/**
 * P(at least n waiting) with a geometric tail of the same mean: Pw·r^n, r = Lq/(Pw + Lq). Exact for M/M/c
 * (there Lq = Pw·ρ/(1 − ρ), so r = ρ); an approximation otherwise.
 */
export function queueTail(line: WaitingLine, n: number): number {
  if (!line.stable) return 1;
  const pw = line.probabilityOfWait ?? 0;
  const lq = line.meanQueueLength ?? 0;
  if (pw <= 0 || lq <= 0) return 0;
  return pw * (lq / (pw + lq)) ** n;
}

/** Mean message size over the producers that declare one (bytes); null when none does. */
function meanMessageBytes(scenario: Scenario): number | null {
  const sizes = scenario.producers
    .filter((producer) => producer.messageBytes !== null)
    .map((producer) => distributionFromSpec(producer.messageBytes as DistributionSpec).mean);
  // The largest mean: the limit holds fewest messages of that producer, the cautious reading.
  return sizes.length > 0 ? Math.max(...sizes) : null;
}

/** What the checks after the formula decide: withhold with a reason, or keep with notes and fewer metrics. */
export interface AfterFormula {
  withheld: string | null;
  notes: string[];
  /** Metrics the formula gives but that do not hold for this queue (removed from the values). */
  drop: (metric: string) => boolean;
}

/** The checks that need the formula's answer: TTL, retention, `block`, byte limits, drop-oldest, priorities. */
export function checkAfterFormula(scenario: Scenario, queue: QueueSpec, line: WaitingLine): AfterFormula {
  const notes: string[] = [];
  const dropped: ((metric: string) => boolean)[] = [];
  if (queue.timeoutSeconds !== null) {
    notes.push(
      `visibility timeout ${duration(queue.timeoutSeconds)}: under ${percent(RARE)} of attempts outlast it (redeliveries ignored)`,
    );
  }
  const reason =
    checkExpiry(queue, line, notes) ??
    checkByteLimit(scenario, queue, line, notes) ??
    checkOverflow(queue, line, notes, dropped);
  if (reason !== null) return { withheld: reason, notes, drop: () => false };

  if (queue.prefetch > 1 && queue.consumers === 1) {
    notes.push(
      `prefetch ${queue.prefetch}: up to ${queue.prefetch} messages wait in the consumer's buffer, so the simulated queue length (ready messages only) is not estimated`,
    );
    dropped.push((metric) => metric === 'meanQueueLength');
  }

  const prioritised = scenario.messageTypes.some((type) => Math.min(type.priority, queue.maxPriority) > 0);
  if (queue.maxPriority > 0 && prioritised) {
    notes.push(
      "priorities reorder the queue: means hold (Kleinrock's conservation law), percentiles do not and are not shown",
    );
    dropped.push((metric) => /\.p\d+$/.test(metric));
  }
  return { withheld: null, notes, drop: (metric) => dropped.some((drop) => drop(metric)) };
}

/** TTL or retention: why the estimate is withheld, or null after noting that expiries are rare. */
function checkExpiry(queue: QueueSpec, line: WaitingLine, notes: string[]): string | null {
  const expiry = queue.topic ? queue.topic.retentionSeconds : queue.capacity === 0 ? null : queue.ttlSeconds;
  if (expiry === null) return null;
  const what = queue.topic ? `retention ${duration(expiry)}` : `TTL ${duration(expiry)}`;
  if (!line.stable) {
    return `${what}: the consumers cannot keep up, so only expiries hold the queue in check, which no formula here covers`;
  }
  const late = waitTail(line, expiry);
  if (late >= RARE) {
    return `${what}: about ${percent(late)} of messages would wait longer and expire, which shortens the queue in a way no formula here covers`;
  }
  notes.push(`${what}: under ${percent(RARE)} of messages would wait that long (expiries ignored)`);
  return null;
}

/** A byte limit: why the estimate is withheld, or null after noting that the limit is rarely reached. */
function checkByteLimit(
  scenario: Scenario,
  queue: QueueSpec,
  line: WaitingLine,
  notes: string[],
): string | null {
  if (queue.capacityBytes === null) return null;
  const size = meanMessageBytes(scenario);
  const holds = size === null ? Infinity : Math.floor(queue.capacityBytes / size);
  const full = line.stable ? queueTail(line, holds) : 1;
  if (full >= RARE) {
    return `the byte limit holds about ${holds} messages of mean size, and the queue would reach it ${line.stable ? `${percent(full)} of the time` : 'for good (the consumers cannot keep up)'}; no formula here covers a byte limit`;
  }
  notes.push(`byte limit (about ${holds} messages) reached under ${percent(RARE)} of the time`);
  return null;
}

/** Overflow `block` and `drop-oldest`: why the estimate is withheld, or null (with notes and metrics to drop). */
function checkOverflow(
  queue: QueueSpec,
  line: WaitingLine,
  notes: string[],
  dropped: ((metric: string) => boolean)[],
): string | null {
  if (queue.capacity === null || queue.overflow === 'reject-new') return null;
  const full = line.fullOnArrival ?? queueTail(line, queue.capacity);
  if (queue.overflow === 'block' && full >= RARE) {
    return `overflow block: the queue is full on ${percent(full)} of arrivals, and blocked publishers then hold messages back, which no formula here covers`;
  }
  if (queue.overflow === 'block') notes.push(`publishers block on under ${percent(RARE)} of arrivals`);
  if (queue.overflow === 'drop-oldest' && full >= RARE) {
    notes.push(
      'drop-oldest discards the longest-waiting messages, so completed messages wait less than the formula says: wait and sojourn not estimated',
    );
    dropped.push((metric) => metric.startsWith('wait.') || metric.startsWith('sojourn.'));
  }
  return null;
}
