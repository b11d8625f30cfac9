/** Sizes past the documented limits (see limits.ts), each an error where it is written. */
import * as msg from '../messages.js';
import {
  DEFAULT_MAX_BACKLOG,
  MAX_BATCHES,
  MAX_CONSUMERS,
  MAX_KEYS,
  MAX_PARTITIONS,
  MAX_REPLICATIONS,
} from '../limits.js';
import type { Path, PathProblem } from '../positions.js';
import { entries, isRecord } from './entries.js';
import { error } from './view.js';

/** A number above `limit` at `path` (anything that is not a number is the schema's to report). */
function above(value: unknown, limit: number, path: Path, why: string): PathProblem[] {
  return typeof value === 'number' && value > limit ? [error(path, msg.aboveLimit(value, limit, why))] : [];
}

/** Every size of the scenario file against its limit. */
export function checkLimits(data: unknown): PathProblem[] {
  if (!isRecord(data)) return [];
  const maxBacklog = typeof data['max-backlog'] === 'number' ? data['max-backlog'] : DEFAULT_MAX_BACKLOG;
  const problems: PathProblem[] = [
    ...above(data.replications, MAX_REPLICATIONS, ['replications'], msg.LIMIT_REASONS.replications),
    ...above(
      data['max-replications'],
      MAX_REPLICATIONS,
      ['max-replications'],
      msg.LIMIT_REASONS.replications,
    ),
    ...above(data.batches, MAX_BATCHES, ['batches'], msg.LIMIT_REASONS.batches),
  ];
  for (const { index, fields } of entries(data, 'queues')) {
    const at = (...rest: Path): Path => ['queues', index, ...rest];
    problems.push(
      ...above(fields.consumers, MAX_CONSUMERS, at('consumers'), msg.LIMIT_REASONS.consumers),
      ...above(fields.partitions, MAX_PARTITIONS, at('partitions'), msg.LIMIT_REASONS.partitions),
      ...above(fields.backlog, maxBacklog, at('backlog'), msg.LIMIT_REASONS.backlog),
    );
    if (isRecord(fields.autoscale)) {
      problems.push(
        ...above(fields.autoscale.max, MAX_CONSUMERS, at('autoscale', 'max'), msg.LIMIT_REASONS.consumers),
      );
    }
    if (isRecord(fields.keys)) {
      problems.push(...above(fields.keys.count, MAX_KEYS, at('keys', 'count'), msg.LIMIT_REASONS.keys));
    }
  }
  return problems;
}
