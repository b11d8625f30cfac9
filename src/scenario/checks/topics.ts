/** Rules about partitioned topics: the queue keys a topic has no use for, and topic keys on plain queues. */
import * as msg from '../messages.js';
import { isRecord } from './entries.js';
import { error, warning, type Rule } from './view.js';

/** Keys only a topic understands. */
const TOPIC_ONLY_KEYS = [
  'keys',
  'retention',
  'rebalance-pause',
  'commit-interval',
  'assignor',
  'max-poll-records',
  'initial-rebalance-delay',
] as const;

/** A topic rejects the queue keys that make no sense for a log (capacity, overflow, ttl…), each where written. */
export const topicsRejectQueueKeys: Rule = (view) =>
  view.queues.flatMap((queue) => {
    if (queue.fields.partitions === undefined) return [];
    return msg.KEYS_NOT_FOR_TOPICS.filter((key) => queue.fields[key] !== undefined).map((key) =>
      error(['queues', queue.index, key], msg.notForTopics(queue.label, key)),
    );
  });

/** `keys`, `retention` and `rebalance-pause` need `partitions`. */
export const topicKeysNeedPartitions: Rule = (view) =>
  view.queues.flatMap((queue) => {
    if (queue.fields.partitions !== undefined) return [];
    return TOPIC_ONLY_KEYS.filter((key) => queue.fields[key] !== undefined).map((key) =>
      error(['queues', queue.index, key], msg.needsPartitions(queue.label, key)),
    );
  });

/** KEDA Kafka scaler settings in `autoscale` need `partitions`. */
export const topicScalerKeysNeedPartitions: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const { autoscale, partitions } = queue.fields;
    if (partitions !== undefined || !isRecord(autoscale)) return [];
    return (['allow-idle-consumers', 'limit-to-partitions-with-lag'] as const)
      .filter((key) => autoscale[key] !== undefined)
      .map((key) =>
        error(['queues', queue.index, 'autoscale', key], msg.autoscaleKeyNeedsPartitions(queue.label, key)),
      );
  });

/** Consumers beyond the partition count own nothing (as in Kafka): worth a warning, not an error. */
export const topicConsumersHavePartitions: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const { partitions, consumers } = queue.fields;
    if (typeof partitions !== 'number' || !Number.isInteger(partitions) || partitions < 1) return [];
    if (typeof consumers !== 'number' || !Number.isInteger(consumers) || consumers <= partitions) return [];
    return [
      warning(
        ['queues', queue.index, 'consumers'],
        msg.idleTopicConsumers(queue.label, consumers, partitions),
      ),
    ];
  });
