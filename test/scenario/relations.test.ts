import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { expectOnly, problemAt, problemsOf, scenarioText } from './helpers.js';

describe('relations between parts', () => {
  it('a producer sending to a queue that does not exist names both, with a suggestion', () => {
    const text = scenarioText({ queue: '    service: 1s\n' })
      .replace('to: q', 'to: welcom-email')
      .replace('name: q', 'name: welcome-email');
    expectOnly(
      problemsOf(text),
      'producers[0].to',
      5,
      9,
      "producer 'p' sends to 'welcom-email', which is not a queue or exchange; did you mean 'welcome-email'?",
    );
  });

  it('an unknown queue with nothing close has no suggestion', () => {
    const text = scenarioText().replace('to: q', 'to: billing');
    expectOnly(
      problemsOf(text),
      'producers[0].to',
      5,
      9,
      msg.producerTargetUnknown('p', 'billing', undefined),
    );
  });

  it('duplicate producer names: the second use is the error', () => {
    const text = scenarioText() + '';
    const doubled = text.replace('queues:\n', '  - name: p\n    to: q\n    rate: 1/s\nqueues:\n');
    expectOnly(
      problemsOf(doubled),
      'producers[1].name',
      7,
      11,
      msg.duplicateName('producer', 'p', 'producers[0]'),
    );
  });

  it('duplicate queue names', () => {
    const text = scenarioText() + '  - name: q\n    service: 2s\n';
    expectOnly(problemsOf(text), 'queues[1].name', 10, 11, msg.duplicateName('queue', 'q', 'queues[0]'));
  });

  it('a producer and a queue may share a name', () => {
    const text = scenarioText().replace('name: p', 'name: q');
    expect(parseScenario(text, 't.yaml').scenario.producers[0].name).toBe('q');
  });

  it('consumers > 0 without a service', () => {
    expectOnly(
      problemsOf(scenarioText({ queue: '    consumers: 4\n' })),
      'queues[0].consumers',
      9,
      16,
      msg.consumersNeedService('q', 4),
    );
  });

  it('a producer with neither rate nor interarrival points at the producer', () => {
    expectOnly(
      problemsOf(scenarioText({ producer: '' })),
      'producers[0]',
      4,
      5,
      msg.producerNeedsArrivals('p'),
    );
  });

  it('a producer with both rate and interarrival', () => {
    const problems = problemsOf(scenarioText({ producer: '    rate: 1/s\n    interarrival: 1s\n' }));
    expectOnly(problems, 'producers[0].interarrival', 7, 19, msg.producerHasBothArrivals('p'));
  });

  it.each([
    '0',
    '0ms',
    '{ distribution: constant, value: 0 }',
    '{ distribution: empirical, values: [0, 0s] }',
    '{ distribution: uniform, min: 0, max: 0 }',
  ])('an interarrival that is always 0 (%s)', (written) => {
    const problems = problemsOf(scenarioText({ producer: `    interarrival: ${written}\n` }));
    expectOnly(problems, 'producers[0].interarrival', 6, 19, msg.interarrivalAlwaysZero('p'));
  });

  it('relations are checked even when the schema also fails', () => {
    const text = scenarioText({ queue: '    consumers: 4\n    capacity: -1\n' }).replace('to: q', 'to: r');
    expect(problemsOf(text).map((p) => p.path)).toEqual([
      'producers[0].to',
      'queues[0].consumers',
      'queues[0].capacity',
    ]);
  });
});

describe('many problems in one pass', () => {
  it('reports every problem of a broken file in reading order, warnings included', () => {
    const text = [
      'name: broken', // 1
      'duration: 10 minutes', // 2
      'producers:', // 3
      '  - name: signup', // 4
      '    to: welcom-email', // 5
      '    rate: 50/s', // 6
      '  - name: signup', // 7
      '    to: welcome-email', // 8
      '    interarrival: { distribution: lognormal, mean: 1s, cv: high }', // 9
      'queues:', // 10
      '  - name: welcome-email', // 11
      '    capacty: 1000', // 12
      '    consumers: 4', // 13
      '  - name: spare', // 14
      '    consumers: 0', // 15
      '    service: 1s', // 16
    ].join('\n');
    const problems = problemsOf(text);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.path}`)).toEqual([
      '2:11 error duration',
      '5:9 error producers[0].to',
      '7:11 error producers[1].name',
      '9:60 error producers[1].interarrival.cv',
      '12:5 error queues[0].capacty',
      '13:16 error queues[0].consumers',
      '16:14 warning queues[1].service',
    ]);
    expect(problemAt(problems, 'producers[1].interarrival.cv').message).toBe(
      msg.expectedNumber('>= 0', 'high'),
    );
  });
});
