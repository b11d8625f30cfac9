/** Rules about autoscaled consumers: a sensible range, a starting count inside it, a service time. */
import * as msg from '../messages.js';
import { isRecord } from './entries.js';
import { error, warning, type Entry, type Rule } from './view.js';

/** An integer count, or undefined when the written value is none (the schema reports that). */
function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The autoscaler's written range, with the schema's default min of 1; undefined when unreadable. */
function rangeOf(queue: Entry): { min: number; max: number } | undefined {
  const { autoscale } = queue.fields;
  if (!isRecord(autoscale)) return undefined;
  const min = autoscale.min === undefined ? 1 : count(autoscale.min);
  const max = count(autoscale.max);
  return min === undefined || max === undefined || max < 1 ? undefined : { min, max };
}

/** min may not exceed max. */
export const autoscaleRangeIsOrdered: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const range = rangeOf(queue);
    if (range === undefined || range.min <= range.max) return [];
    return [
      error(
        ['queues', queue.index, 'autoscale', 'min'],
        msg.autoscaleMinAboveMax(queue.label, range.min, range.max),
      ),
    ];
  });

/** A written `consumers` is where the autoscaled pool starts, so it lies within min..max. */
export const consumersWithinAutoscale: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const range = rangeOf(queue);
    const consumers = count(queue.fields.consumers);
    if (range === undefined || consumers === undefined || range.min > range.max) return [];
    if (consumers >= range.min && consumers <= range.max) return [];
    return [
      error(
        ['queues', queue.index, 'consumers'],
        msg.consumersOutsideAutoscale(queue.label, consumers, range.min, range.max),
      ),
    ];
  });

/** Consumers the autoscaler adds need a service time. */
export const autoscaleNeedsService: Rule = (view) =>
  view.queues.flatMap((queue) =>
    queue.fields.autoscale !== undefined && queue.fields.service === undefined
      ? [error(['queues', queue.index, 'autoscale'], msg.autoscaleNeedsService(queue.label))]
      : [],
  );

/** A topic's replicas are capped at its partitions (KEDA's Kafka scaler does the same): a higher max is cut. */
export const autoscaleWithinPartitions: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const range = rangeOf(queue);
    const partitions = count(queue.fields.partitions);
    if (range === undefined || partitions === undefined || partitions === 0 || range.max <= partitions)
      return [];
    const { autoscale } = queue.fields;
    if (isRecord(autoscale) && autoscale['allow-idle-consumers'] === true) return []; // not capped
    return [
      warning(
        ['queues', queue.index, 'autoscale', 'max'],
        msg.autoscaleAbovePartitions(queue.label, range.max, partitions),
      ),
    ];
  });

/** `cooldown` once meant the scale-down window; with min >= 1 it does nothing, so name the key that does. */
export const cooldownNeedsZero: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const range = rangeOf(queue);
    const { autoscale } = queue.fields;
    if (range === undefined || range.min === 0 || !isRecord(autoscale) || autoscale.cooldown === undefined)
      return [];
    return [
      warning(
        ['queues', queue.index, 'autoscale', 'cooldown'],
        msg.cooldownWithoutZero(queue.label, range.min),
      ),
    ];
  });
