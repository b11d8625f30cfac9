import type { FlowStats } from '../../metrics/index.js';
import type { QueueResult } from '../../model/run-result.js';
import { COLOR } from './palette.js';

/**
 * One way a message can end (or stand when the run ends): its label, colour and how to count it, so a new
 * fate is one more entry here and the charts and tables follow. Queue and flow fates share their colours.
 */
export interface Fate<T> {
  key: string;
  label: string;
  color: string;
  /** What the fate means, for the legend. */
  description: string;
  count(subject: T): number;
  /** A loss worth flagging in red when non-zero. */
  bad?: boolean;
}

const FATE_COLOR = {
  completed: '#3b8f5a',
  rejected: COLOR.dropped,
  droppedHead: '#f08c4a',
  expired: '#b07aa1',
  exhausted: '#8c564b',
  deadLettered: '#6b4fa0',
  unroutable: '#7f7f7f',
  abandoned: '#c7b299',
  inService: '#9ec5e8',
  waiting: '#e4c26b',
} as const;

/**
 * What became of the messages a queue saw while measuring (arrivals, timeout copies and those already
 * there): they sum to `arrivals + timeouts + present at the start`.
 */
export const QUEUE_FATES: Fate<QueueResult>[] = [
  {
    key: 'completed',
    label: 'Completed',
    color: FATE_COLOR.completed,
    description: 'processed by a consumer',
    count: (queue) => queue.fates.completed,
  },
  {
    key: 'rejected',
    label: 'Rejected (full)',
    color: FATE_COLOR.rejected,
    description: 'refused on arrival because the queue was full, and lost',
    count: (queue) => queue.fates.rejected,
    bad: true,
  },
  {
    key: 'droppedHead',
    label: 'Dropped (oldest)',
    color: FATE_COLOR.droppedHead,
    description: 'the oldest waiting message, discarded to make room (drop-oldest), and lost',
    count: (queue) => queue.fates.droppedHead,
    bad: true,
  },
  {
    key: 'expired',
    label: 'Expired (TTL)',
    color: FATE_COLOR.expired,
    description: 'waited longer than the queue’s TTL, and lost',
    count: (queue) => queue.fates.expired,
    bad: true,
  },
  {
    key: 'exhausted',
    label: 'Exhausted retries',
    color: FATE_COLOR.exhausted,
    description: 'failed on every attempt its retry policy allows, and lost',
    count: (queue) => queue.fates.exhausted,
    bad: true,
  },
  {
    key: 'deadLettered',
    label: 'Dead-lettered',
    color: FATE_COLOR.deadLettered,
    description: 'refused, dropped, expired or exhausted, and sent to the dead-letter queue',
    count: (queue) => queue.fates.deadLettered,
    bad: true,
  },
  {
    key: 'abandoned',
    label: 'Abandoned attempt',
    color: FATE_COLOR.abandoned,
    description: 'a failed attempt superseded by a copy a visibility timeout had already redelivered',
    count: (queue) => queue.fates.abandoned,
  },
  {
    key: 'in-service',
    label: 'With consumers at the end',
    color: FATE_COLOR.inService,
    description: 'being processed or prefetched by a consumer when the run ended',
    count: (queue) => queue.inServiceAtEnd + queue.bufferedAtEnd,
  },
  {
    key: 'waiting',
    label: 'Waiting at the end',
    color: FATE_COLOR.waiting,
    description: 'still in the queue (or waiting out a retry back-off) when the run ended',
    count: (queue) => queue.queuedAtEnd + queue.delayedAtEnd,
  },
];

/**
 * Where each producer's messages ended, end to end: a fanned-out message counts once per branch, and a
 * dead-lettered copy counts as dead-lettered (not again at the dead-letter queue).
 */
export const FLOW_FATES: Fate<FlowStats>[] = [
  {
    key: 'completed',
    label: 'Completed',
    color: FATE_COLOR.completed,
    description: 'reached the end of its path',
    count: (flow) => flow.fates.completed,
  },
  {
    key: 'rejected',
    label: 'Rejected (full)',
    color: FATE_COLOR.rejected,
    description: 'refused by a full queue',
    count: (flow) => flow.fates.rejected,
    bad: true,
  },
  {
    key: 'droppedHead',
    label: 'Dropped (oldest)',
    color: FATE_COLOR.droppedHead,
    description: 'discarded from the head of a full queue',
    count: (flow) => flow.fates.droppedHead,
    bad: true,
  },
  {
    key: 'expired',
    label: 'Expired (TTL)',
    color: FATE_COLOR.expired,
    description: 'expired in a queue',
    count: (flow) => flow.fates.expired,
    bad: true,
  },
  {
    key: 'exhausted',
    label: 'Exhausted retries',
    color: FATE_COLOR.exhausted,
    description: 'failed every attempt',
    count: (flow) => flow.fates.exhausted,
    bad: true,
  },
  {
    key: 'deadLettered',
    label: 'Dead-lettered',
    color: FATE_COLOR.deadLettered,
    description: 'ended in a dead-letter queue',
    count: (flow) => flow.fates.deadLettered,
    bad: true,
  },
  {
    key: 'unroutable',
    label: 'Unroutable',
    color: FATE_COLOR.unroutable,
    description: 'published to a direct exchange with no binding for its type',
    count: (flow) => flow.fates.unroutable,
    bad: true,
  },
];

/** The fates that occurred for at least one subject (completed always): zero columns only add noise. */
export function fatesSeen<T>(fates: Fate<T>[], subjects: T[]): Fate<T>[] {
  return fates.filter(
    (fate) => fate.key === 'completed' || subjects.some((subject) => fate.count(subject) > 0),
  );
}
