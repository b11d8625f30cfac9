import { describe, expect, it } from 'vitest';
import { applyAsyncApiMetrics } from '../../src/import/asyncapi-metrics.js';
import { mapAsyncApi, type ApiDocument } from '../../src/import/asyncapi-model.js';

/** A Kafka topic `events` written by two applications and read by the consumer group `audit`. */
const api: ApiDocument = {
  version: '3.0.0',
  title: 'Events',
  channels: [{ id: 'events', address: 'events', messages: [], kafka: { partitions: 2 }, path: [] }],
  operations: [
    { id: 'a', action: 'send', channel: 'events', application: 'web', path: [] },
    { id: 'b', action: 'send', channel: 'events', application: 'batch', path: [] },
    { id: 'r', action: 'receive', channel: 'events', application: 'auditor', groupId: 'audit', path: [] },
  ],
};

const response = (result: unknown[]) => ({
  text: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }),
  file: 'm.json',
  peak: false,
});
const offsets = (partition: string, values: Array<[number, string]>) => ({
  metric: { __name__: 'kafka_topic_partition_current_offset', topic: 'events', partition },
  values,
});

describe('import asyncapi --metrics', () => {
  it('splits a topic’s rate equally among its producers, over partitions that start late, and counts members', () => {
    const mapped = mapAsyncApi(api, 'doc.yaml');
    const applied = applyAsyncApiMetrics(
      mapped,
      response([
        offsets('0', [
          [0, '0'],
          [60, '1200'],
          [120, '2400'],
        ]),
        // Partition 1 appears at t=60 (no rate before its first sample, not a jump from 0).
        offsets('1', [
          [60, '900000'],
          [120, '901200'],
        ]),
        { metric: { __name__: 'kafka_consumergroup_members', consumergroup: 'audit' }, values: [[0, '3']] },
        { metric: { __name__: 'kafka_consumergroup_members', consumergroup: 'reports' }, values: [[0, '1']] },
      ]),
    );
    const producers = mapped.scenario.producers as Array<{ rate: unknown }>;
    // 20/s then 40/s on the topic, half each.
    expect(producers.map((p) => p.rate)).toEqual([
      [{ until: '60s', rate: '10/s' }, { rate: '20/s' }],
      [{ until: '60s', rate: '10/s' }, { rate: '20/s' }],
    ]);
    expect((mapped.scenario.queues as Array<{ consumers: number }>)[0]!.consumers).toBe(3);
    expect(mapped.scenario.duration).toBe('120s');
    const rateComment = mapped.comments.filter((c) => c.path.join('.') === 'producers.0.rate').at(-1)!;
    expect(rateComment.comment).toContain('1/2 of it: 2 producers send there, split equally');
    expect(applied.warnings.map((w) => w.message)).toEqual([
      "series for consumer group 'reports', which no operation binding names: ignored",
    ]);
  });
});
