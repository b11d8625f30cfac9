/** Topic keys: what they normalise to, and the located errors for keys a topic (or a plain queue) rejects. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { positionOf, problemAt, problemsOf, scenarioText, warningsOf } from './helpers.js';

const topic = (extra = '') =>
  scenarioText({ queue: `    service: 20ms\n    consumers: 6\n    partitions: 12\n${extra}` });

describe('topics', () => {
  it('normalise partitions, keys, retention, rebalance-pause and the consumer settings, with Kafka defaults', () => {
    const { scenario } = parseScenario(
      topic('    keys: { count: 50000, skew: 1.1 }\n    retention: 1h\n'),
      'test.yaml',
    );
    expect(scenario.queues[0].topic).toEqual({
      partitions: 12,
      keyCount: 50000,
      keySkew: 1.1,
      retentionSeconds: 3600,
      rebalancePauseSeconds: 3,
      // auto.commit.interval.ms 5000, the range assignor, max.poll.records 500, initial delay 3000 ms.
      commitIntervalSeconds: 5,
      assignor: 'range',
      maxPollRecords: 500,
      initialRebalanceDelaySeconds: 3,
      limitToPartitionsWithLag: false,
    });
    const plain = parseScenario(
      topic(
        '    rebalance-pause: 0\n    commit-interval: per-message\n    assignor: cooperative-sticky\n' +
          '    max-poll-records: 50\n    initial-rebalance-delay: 0\n',
      ),
      'test.yaml',
    ).scenario.queues[0].topic;
    expect(plain).toEqual({
      partitions: 12,
      keyCount: null,
      keySkew: 0,
      retentionSeconds: null,
      rebalancePauseSeconds: 0,
      commitIntervalSeconds: 0,
      assignor: 'cooperative-sticky',
      maxPollRecords: 50,
      initialRebalanceDelaySeconds: 0,
      limitToPartitionsWithLag: false,
    });
  });

  it('cap autoscaled replicas at the partitions unless allow-idle-consumers (KEDA Kafka scaler)', () => {
    const scaled = (extra: string) =>
      parseScenario(topic(`    autoscale: { min: 1, max: 40, target: 50${extra} }\n`), 'test.yaml').scenario
        .queues[0];
    expect(scaled('').autoscale!.max).toBe(12);
    expect(scaled(', allow-idle-consumers: true').autoscale!.max).toBe(40);
    expect(scaled(', limit-to-partitions-with-lag: true').topic!.limitToPartitionsWithLag).toBe(true);
  });

  it('locate a bad commit-interval and an unknown assignor', () => {
    for (const [line, key] of [
      ['commit-interval: often', 'commit-interval'],
      ['assignor: sticky', 'assignor'],
      ['max-poll-records: 0', 'max-poll-records'],
    ]) {
      const text = topic(`    ${line}\n`);
      const problem = problemAt(problemsOf(text), `queues[0].${key}`);
      expect(problem).toMatchObject({
        severity: 'error',
        ...positionOf(text, line.split(': ')[1], 'partitions'),
      });
    }
    expect(
      problemAt(problemsOf(topic('    commit-interval: often\n')), 'queues[0].commit-interval')!.message,
    ).toBe(msg.expectedCommitInterval('often'));
  });

  it.each([
    ['capacity: 100', 'capacity'],
    ['capacity-bytes: 1MB', 'capacity-bytes'],
    ['overflow: drop-oldest', 'overflow'],
    ['prefetch: 10', 'prefetch'],
    ['max-priority: 3', 'max-priority'],
    ['timeout: 30s', 'timeout'],
    ['ttl: 1h', 'ttl'],
  ])('reject %s on a topic, located at the value, saying why', (line, key) => {
    const text = topic(`    ${line}\n`);
    const errors = problemsOf(text).filter((problem) => problem.severity === 'error');
    expect(problemAt(errors, `queues[0].${key}`)).toMatchObject({
      message: msg.notForTopics('q', key),
      ...positionOf(text, line.split(': ')[1], 'partitions'),
    });
  });

  it('explain that ttl is retention on a topic', () => {
    expect(msg.notForTopics('q', 'ttl')).toContain("use 'retention'");
  });

  it.each(['keys: { count: 10 }', 'retention: 1h', 'rebalance-pause: 5s'])(
    'reject %s on a plain queue',
    (line) => {
      const text = scenarioText({ queue: `    service: 20ms\n    ${line}\n` });
      const key = line.split(':')[0];
      const problem = problemAt(problemsOf(text), `queues[0].${key}`);
      expect(problem).toMatchObject({ severity: 'error', message: msg.needsPartitions('q', key) });
    },
  );

  it.each([
    ['partitions: 0', 'partitions', msg.expectedInteger('>= 1', 0)],
    ['partitions: 2.5', 'partitions', msg.expectedInteger('>= 1', 2.5)],
    ['keys: { count: 0 }', 'keys.count', msg.expectedInteger('>= 1', 0)],
    ['keys: { count: 10, skew: -1 }', 'keys.skew', msg.expectedNumber('>= 0', -1)],
    ['retention: 0s', 'retention', msg.durationOutOfRange('> 0', '0s')],
  ])('reject %s', (line, path, message) => {
    const text = scenarioText({
      queue: `    service: 20ms\n    ${line.startsWith('partitions') ? '' : 'partitions: 3\n    '}${line}\n`,
    });
    expect(problemAt(problemsOf(text), `queues[0].${path}`)).toMatchObject({ severity: 'error', message });
  });

  it('warn, at consumers, that consumers beyond the partitions sit idle', () => {
    const text = scenarioText({ queue: '    service: 20ms\n    consumers: 8\n    partitions: 6\n' });
    expect(warningsOf(text)).toEqual([
      expect.objectContaining({
        path: 'queues[0].consumers',
        message: msg.idleTopicConsumers('q', 8, 6),
        ...positionOf(text, '8'),
      }),
    ]);
    expect(warningsOf(topic())).toEqual([]);
  });
});

describe('KEDA Kafka scaler settings', () => {
  it('need partitions, located at the key', () => {
    const text = scenarioText({
      queue: '    service: 20ms\n    autoscale: { max: 4, target: 10, limit-to-partitions-with-lag: true }\n',
    });
    expect(problemAt(problemsOf(text), 'queues[0].autoscale.limit-to-partitions-with-lag')).toMatchObject({
      severity: 'error',
      message: msg.autoscaleKeyNeedsPartitions('q', 'limit-to-partitions-with-lag'),
    });
  });

  it('warn about a max above the partitions only while the cap applies', () => {
    const warned = (extra: string) =>
      warningsOf(topic(`    autoscale: { max: 40, target: 50${extra} }\n`)).filter((w) =>
        w.message.includes('allow-idle-consumers'),
      );
    expect(warned('')).toHaveLength(1);
    expect(warned(', allow-idle-consumers: true')).toEqual([]);
  });
});
