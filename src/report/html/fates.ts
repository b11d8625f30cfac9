import type { QueueResult } from '../../model/run-result.js';
import { COLOR } from './palette.js';

/**
 * What became of the messages a queue saw while measuring (those that arrived plus those already there):
 * each fate knows its label, colour and how to count it, so a new fate (expired, dead-lettered…) is one
 * more entry here, and the chart and table follow.
 */
export interface Fate {
  key: string;
  label: string;
  color: string;
  /** What the fate means, for the table. */
  description: string;
  count(queue: QueueResult): number;
}

export const FATES: Fate[] = [
  {
    key: 'completed',
    label: 'Completed',
    color: '#3b8f5a',
    description: 'processed by a consumer',
    count: (queue) => queue.completed,
  },
  {
    key: 'rejected',
    label: 'Rejected (queue full)',
    color: COLOR.dropped,
    description: 'refused on arrival because the queue was full',
    count: (queue) => queue.dropped,
  },
  {
    key: 'in-service',
    label: 'In service at the end',
    color: '#9ec5e8',
    description: 'being processed when the run ended',
    count: (queue) => queue.inServiceAtEnd,
  },
  {
    key: 'waiting',
    label: 'Waiting at the end',
    color: '#e4c26b',
    description: 'still in the queue when the run ended',
    count: (queue) => queue.queuedAtEnd,
  },
];
