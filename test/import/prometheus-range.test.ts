import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError, formatProblems } from '../../src/scenario/errors.js';
import { readRangeResponse, summarizeRange } from '../../src/import/prometheus-range.js';

const FIXTURE = 'scenarios/imports/prometheus-rabbitmq.json';

/** The formatted problems `text` is refused with. */
function refusal(text: string): string {
  try {
    readRangeResponse(text, 'metrics.json');
  } catch (error) {
    if (error instanceof ScenarioError) return formatProblems(error.problems);
    throw error;
  }
  throw new Error('accepted');
}

const matrix = (result: unknown[]) =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
const series = (metric: object, values: unknown[]) => ({ metric, values });

describe('prometheus query_range', () => {
  it('turns counters into per-interval rates, a decrease read as a reset like rate()', () => {
    const text = matrix([
      series({ __name__: 'rabbitmq_queue_messages_published_total', queue: 'a' }, [
        [0, '100'],
        [60, '160'],
        [120, '30'],
      ]),
    ]);
    const steps = summarizeRange(readRangeResponse(text, 'm.json'), 'm.json').queues.get('a')!.published;
    expect(steps).toEqual([
      { start: 0, end: 60, rate: 1 },
      { start: 60, end: 120, rate: 0.5 },
    ]);
  });

  it('maps the fixture: publish rates per queue (reset included), consumers as the max, other vhosts dropped', () => {
    const metrics = summarizeRange(
      readRangeResponse(readFileSync(FIXTURE, 'utf8'), FIXTURE),
      FIXTURE,
      'shop',
    );
    expect([...metrics.queues.keys()]).toEqual(['orders.email', 'audit', 'orders.gone']);
    const email = metrics.queues.get('orders.email')!;
    expect(email.published!.map((s) => s.rate)).toEqual([10, 10, 10, 20, 20, 20, 10, 10, 10]);
    expect(email.delivered!.map((s) => s.rate)[0]).toBe(9.5);
    expect(email.consumers).toBe(4);
    expect(email.publishedSeries).toBe('rabbitmq_detailed_queue_messages_published_total');
    const audit = metrics.queues.get('audit')!;
    expect(audit.published!.map((s) => s.rate)).toEqual([5, 5, 5, 5, 2, 5, 5, 5, 5]);
    expect(audit.consumers).toBe(1);
    expect(metrics.end - metrics.start).toBe(540);
  });

  it('sums Kafka partitions per topic, and consumer-group lag over partitions at each sample time', () => {
    const text = matrix([
      series({ __name__: 'kafka_topic_partition_current_offset', topic: 'orders', partition: '0' }, [
        [0, '0'],
        [10, '50'],
      ]),
      series({ __name__: 'kafka_topic_partition_current_offset', topic: 'orders', partition: '1' }, [
        [0, '0'],
        [10, '30'],
      ]),
      series(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: 'orders', partition: '0' },
        [
          [0, '3'],
          [10, '7'],
        ],
      ),
      series(
        { __name__: 'kafka_consumergroup_lag', consumergroup: 'billing', topic: 'orders', partition: '1' },
        [
          [0, '1'],
          [10, '2'],
        ],
      ),
      series({ __name__: 'kafka_consumergroup_members', consumergroup: 'billing' }, [
        [0, '2'],
        [10, '3'],
      ]),
    ]);
    const metrics = summarizeRange(readRangeResponse(text, 'm.json'), 'm.json');
    const orders = metrics.topics.get('orders')!;
    expect(orders.published!.map((s) => s.rate)).toEqual([8]);
    expect(orders.publishedNote).toBe('summed over 2 partitions');
    expect(metrics.lags).toEqual([
      { group: 'billing', topic: 'orders', series: 'kafka_consumergroup_lag', mean: 6.5, max: 9 },
    ]);
    expect(metrics.groups.get('billing')).toEqual({ members: 3, series: 'kafka_consumergroup_members' });
  });

  it('sums a queue’s deliveries in both acknowledgement modes, and keeps the published series of the vhost by queue_vhost', () => {
    const text = matrix([
      series(
        {
          __name__: 'rabbitmq_detailed_channel_messages_delivered_total',
          channel: 'c1',
          vhost: 'v',
          queue: 'q',
        },
        [
          [0, '0'],
          [60, '60'],
        ],
      ),
      series(
        {
          __name__: 'rabbitmq_detailed_channel_messages_delivered_ack_total',
          channel: 'c2',
          vhost: 'v',
          queue: 'q',
        },
        [
          [0, '0'],
          [60, '120'],
        ],
      ),
      series(
        {
          __name__: 'rabbitmq_queue_messages_published_total',
          channel: 'c3',
          queue_vhost: 'other',
          queue: 'q',
          exchange: 'x',
        },
        [
          [0, '0'],
          [60, '600'],
        ],
      ),
    ]);
    const metrics = summarizeRange(readRangeResponse(text, 'm.json'), 'm.json', 'v');
    expect(metrics.queues.get('q')!.delivered!.map((s) => s.rate)).toEqual([3]);
    expect(metrics.queues.get('q')!.published).toBeUndefined();
  });

  it('refuses what it does not understand, naming the JSON path', () => {
    expect(refusal('{')).toMatch(/^metrics\.json {2}error {2}\$: not JSON/);
    expect(refusal(JSON.stringify({ status: 'error', error: 'bad query' }))).toContain(
      '$.status: expected "success", found "error" (bad query)',
    );
    expect(
      refusal(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } })),
    ).toContain('$.data.resultType: expected "matrix"');
    expect(refusal(JSON.stringify({ status: 'success', data: { resultType: 'matrix' } }))).toContain(
      '$.data.result: expected a list',
    );
    const ok = series({ __name__: 'rabbitmq_queue_consumers', queue: 'a' }, [
      [0, '1'],
      [60, '1'],
    ]);
    expect(refusal(matrix([ok, ok, ok, series({ __name__: 'up' }, [])]))).toContain(
      "$.data.result[3].metric.__name__: series 'up' is not understood",
    );
    expect(refusal(matrix([]))).toContain('$.data.result: no series');
    expect(refusal(matrix([series({ queue: 'a' }, [])]))).toContain(
      '$.data.result[0].metric.__name__: missing: query the raw series',
    );
    expect(refusal(matrix([series({ __name__: 'rabbitmq_queue_consumers' }, [])]))).toContain(
      '$.data.result[0].metric: rabbitmq_queue_consumers needs the label(s) queue',
    );
    expect(
      refusal(
        matrix([
          series({ __name__: 'rabbitmq_queue_consumers', queue: 'a' }, [
            [0, 'x'],
            [60, '1'],
          ]),
        ]),
      ),
    ).toContain('$.data.result[0].values[0][1]: expected a number as a string, found "x"');
    expect(
      refusal(
        matrix([
          series({ __name__: 'rabbitmq_queue_consumers', queue: 'a' }, [
            [60, '1'],
            [0, '1'],
          ]),
        ]),
      ),
    ).toContain('$.data.result[0].values[1][0]: times must increase');
    expect(refusal(matrix([series({ __name__: 'rabbitmq_queue_consumers', queue: 'a' }, [])]))).toContain(
      '$.data.result[0].values: no samples',
    );
  });

  it('refuses series whose samples are off the query step grid, naming the sample', () => {
    const text = matrix([
      series({ __name__: 'rabbitmq_queue_consumers', queue: 'a' }, [
        [0, '1'],
        [60, '1'],
        [120, '1'],
      ]),
      series({ __name__: 'rabbitmq_queue_consumers', queue: 'b' }, [
        [30, '1'],
        [90, '1'],
      ]),
    ]);
    expect(summaryRefusal(text)).toContain(
      "$.data.result[1].values[0][0]: 30 is not on the query's step grid (from 0, every 60s)",
    );
    const both = matrix([
      series({ __name__: 'kafka_consumergroup_lag', consumergroup: 'g', topic: 't', partition: '0' }, [
        [0, '1'],
        [60, '1'],
      ]),
      series({ __name__: 'kafka_consumergroup_lag_sum', consumergroup: 'g', topic: 't' }, [
        [0, '1'],
        [60, '1'],
      ]),
    ]);
    expect(summaryRefusal(both)).toContain(
      '$.data.result[1].metric.__name__: kafka_consumergroup_lag_sum and kafka_consumergroup_lag both for group g on topic t',
    );
    const lone = matrix([series({ __name__: 'rabbitmq_queue_consumers', queue: 'a' }, [[0, '1']])]);
    expect(summaryRefusal(lone)).toContain('no series has two samples');
  });

  it('reads a counter across a gap as rate() does: the mean rate between the samples it has', () => {
    const text = matrix([
      // 120 s missing: 180 messages between t=60 and t=180, 1.5/s on both intervals of the gap.
      series({ __name__: 'rabbitmq_queue_messages_published_total', queue: 'a' }, [
        [0, '0'],
        [60, '60'],
        [180, '240'],
        [240, '300'],
      ]),
      // Starts late: no rate before its first sample, not a jump from 0.
      series({ __name__: 'rabbitmq_queue_messages_published_total', queue: 'b' }, [
        [120, '5000'],
        [180, '5120'],
        [240, '5240'],
      ]),
    ]);
    const metrics = summarizeRange(readRangeResponse(text, 'm.json'), 'm.json');
    expect(metrics.queues.get('a')!.published!.map((s) => s.rate)).toEqual([1, 1.5, 1.5, 1]);
    expect(metrics.queues.get('b')!.published!.map((s) => s.rate)).toEqual([0, 0, 2, 2]);
    expect([metrics.start, metrics.end]).toEqual([0, 240]);
  });

  it('reads a gauge missing at a step as absent, not zero: sums of the present series, steps with none left out', () => {
    const lag = (partition: string, values: Array<[number, string]>) =>
      series({ __name__: 'kafka_consumergroup_lag', consumergroup: 'g', topic: 't', partition }, values);
    const text = matrix([
      lag('0', [
        [0, '2'],
        [60, '2'],
        [180, '2'],
      ]),
      lag('1', [
        [0, '5'],
        [60, '5'],
      ]),
      series({ __name__: 'rabbitmq_queue_consumers', queue: 'q' }, [
        [0, '3'],
        [180, '1'],
      ]),
    ]);
    const metrics = summarizeRange(readRangeResponse(text, 'm.json'), 'm.json');
    // Sums per step: 7, 7, (none at 120: left out, not 0), 2.
    expect(metrics.lags[0]).toMatchObject({ mean: 16 / 3, max: 7 });
    expect(metrics.queues.get('q')!.consumers).toBe(3);
  });
});

/** The formatted problems summarizing `text` is refused with. */
function summaryRefusal(text: string): string {
  try {
    summarizeRange(readRangeResponse(text, 'm.json'), 'm.json');
  } catch (error) {
    if (error instanceof ScenarioError) return formatProblems(error.problems);
    throw error;
  }
  throw new Error('accepted');
}
