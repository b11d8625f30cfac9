/** Topic keys: what they normalise to, and the located errors for keys a topic (or a plain queue) rejects. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { positionOf, problemAt, problemsOf, scenarioText, warningsOf } from './helpers.js';

const topic = (extra = '') =>
  scenarioText({ queue: `    service: 20ms\n    consumers: 6\n    partitions: 12\n${extra}` });

describe('topics', () => {
  it('normalise partitions, keys, retention and rebalance-pause (default 3 s)', () => {
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
    });
    const plain = parseScenario(topic('    rebalance-pause: 0\n'), 'test.yaml').scenario.queues[0].topic;
    expect(plain).toEqual({
      partitions: 12,
      keyCount: null,
      keySkew: 0,
      retentionSeconds: null,
      rebalancePauseSeconds: 0,
    });
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
