/**
 * Rules about the statistics keys (`replications`, `batches`, `precision` and its caps) and the queues'
 * initial backlog. Like the other semantic rules they read the data leniently, skip values the schema
 * already rejects, and return path-tagged problems.
 */
import * as msg from './messages.js';
import { defaultConsumers } from './normalise-queue.js';
import type { PathProblem } from './positions.js';
import { parseDurationSeconds } from './units.js';

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function seconds(value: unknown): number | undefined {
  return typeof value === 'string' || typeof value === 'number' ? parseDurationSeconds(value) : undefined;
}

const problem = (path: PathProblem['path'], message: string, severity: 'error' | 'warning'): PathProblem => ({
  path,
  message,
  severity,
});

/** Replications against batches, and each cap against what it caps. */
function statisticsRules(top: Fields): PathProblem[] {
  const problems: PathProblem[] = [];
  const { replications, batches, precision } = top;
  const maxReplications = top['max-replications'];
  const maxDuration = top['max-duration'];
  if (isCount(batches) && isCount(replications) && replications > 1) {
    problems.push(problem(['batches'], msg.replicationsAndBatches(replications), 'error'));
  }
  if (isCount(maxReplications) && isCount(replications) && maxReplications < replications) {
    problems.push(
      problem(
        ['max-replications'],
        msg.maxReplicationsBelowReplications(maxReplications, replications),
        'error',
      ),
    );
  }
  const maxSeconds = seconds(maxDuration);
  const durationSeconds = seconds(top.duration);
  if (maxSeconds !== undefined && durationSeconds !== undefined && maxSeconds < durationSeconds) {
    problems.push(problem(['max-duration'], msg.maxDurationBelowDuration(), 'error'));
  }
  if (precision === undefined) {
    // 'time-budget' bounds every run, with or without precision.
    for (const key of ['max-replications', 'max-duration']) {
      if (top[key] !== undefined) problems.push(problem([key], msg.capWithoutPrecision(key), 'warning'));
    }
  } else {
    if (maxDuration !== undefined && batches === undefined) {
      problems.push(problem(['max-duration'], msg.maxDurationWithoutBatches(), 'warning'));
    }
    if (maxReplications !== undefined && batches !== undefined) {
      problems.push(problem(['max-replications'], msg.maxReplicationsWithBatches(), 'warning'));
    }
  }
  return problems;
}

/** A queue's backlog must fit in its waiting room plus its consumers. */
function backlogRules(top: Fields): PathProblem[] {
  const queues = Array.isArray(top.queues) ? top.queues : [];
  return queues.flatMap((queue: unknown, index) => {
    if (!isRecord(queue) || !isCount(queue.backlog) || !isCount(queue.capacity)) return [];
    const consumers = isCount(queue.consumers) ? queue.consumers : defaultConsumers(queue);
    const room = queue.capacity + consumers;
    if (queue.backlog <= room) return [];
    const label = typeof queue.name === 'string' ? queue.name : `queues[${index}]`;
    return [problem(['queues', index, 'backlog'], msg.backlogTooLarge(label, queue.backlog, room), 'error')];
  });
}

/**
 * The first producer whose load changes with time by design — a rate schedule or a trace — and which; on/off
 * bursts are not among them: their MMPP-2 starts in its stationary state, so the load is stationary.
 */
export function nonStationaryProducer(
  producers: ReadonlyArray<{ name?: unknown; rate?: unknown; trace?: unknown; schedule?: unknown }>,
): { name: string; input: 'schedule' | 'trace' } | null {
  for (const producer of producers) {
    const name = typeof producer.name === 'string' ? producer.name : '?';
    if (producer.trace !== undefined) return { name, input: 'trace' };
    const rate = producer.rate;
    if (producer.schedule !== undefined || Array.isArray(rate) || isRecord(rate)) {
      return { name, input: 'schedule' };
    }
  }
  return null;
}

/** `warmup: auto` needs a stationary load: a schedule or a trace is refused at the warmup key. */
function warmupRules(top: Fields): PathProblem[] {
  if (top.warmup !== 'auto' || !Array.isArray(top.producers)) return [];
  const found = nonStationaryProducer(top.producers.filter(isRecord));
  return found ? [problem(['warmup'], msg.warmupAutoNonStationary(found.name, found.input), 'error')] : [];
}

/** Every statistics, warm-up and backlog rule over the (possibly invalid) data of a scenario file. */
export function checkStatistics(data: unknown): PathProblem[] {
  return isRecord(data) ? [...statisticsRules(data), ...warmupRules(data), ...backlogRules(data)] : [];
}
