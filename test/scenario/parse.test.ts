import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { PRODUCER_DEFAULTS, QUEUE_DEFAULTS, scenarioText } from './helpers.js';

describe('parseScenario: a valid scenario', () => {
  const example = `
name: user-registered
description: Sign-up publishes user_registered; the welcome-email service consumes it.
seed: 42
duration: 10m
warmup: 1m
producers:
  - name: signup
    to: welcome-email
    rate: 50/s
queues:
  - name: welcome-email
    capacity: 1000
    overflow: reject-new
    consumers: 4
    service: { distribution: lognormal, mean: 60ms, cv: 1.5 }
`;

  it('normalises the README example', () => {
    const expected: Scenario = {
      name: 'user-registered',
      description: 'Sign-up publishes user_registered; the welcome-email service consumes it.',
      seed: 42,
      durationSeconds: 600,
      warmupSeconds: 60,
      producers: [
        {
          name: 'signup',
          to: 'welcome-email',
          interarrival: { kind: 'exponential', mean: 0.02 },
          types: [],
          messageBytes: null,
        },
      ],
      exchanges: [],
      queues: [
        {
          name: 'welcome-email',
          capacity: 1000,
          capacityBytes: null,
          overflow: 'reject-new',
          ttlSeconds: null,
          deadLetter: null,
          consumers: 4,
          service: { kind: 'lognormal', mean: 0.06, cv: 1.5 },
          prefetch: 1,
          failureProbability: 0,
          retry: { maxAttempts: null, backoffSeconds: 0, multiplier: 1, maxBackoffSeconds: null },
          timeoutSeconds: null,
          maxPriority: 0,
          then: [],
        },
      ],
      messageTypes: [],
    };
    expect(parseScenario(example, 'x.yaml')).toEqual({ scenario: expected, warnings: [] });
  });

  it('returns plain JSON-safe data', () => {
    const { scenario } = parseScenario(example, 'x.yaml');
    expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
  });
});

describe('defaults', () => {
  const minimal = parseScenario(scenarioText(), 't.yaml').scenario;

  it('seed 1, no description, no warm-up', () => {
    expect(minimal).toMatchObject({ seed: 1, description: '', warmupSeconds: 0, durationSeconds: 60 });
  });

  it('an unbounded FIFO queue with fair dispatch, no TTL, failures, retries, timeout or onward route', () => {
    expect(minimal.queues[0]).toEqual({
      name: 'q',
      consumers: 1,
      service: { kind: 'constant', value: 0.02 },
      ...QUEUE_DEFAULTS,
    });
  });

  it('untyped producers without a message size, no exchanges, no message types', () => {
    expect(minimal.producers[0]).toMatchObject(PRODUCER_DEFAULTS);
    expect(minimal).toMatchObject({ exchanges: [], messageTypes: [] });
  });

  it('one consumer when a service is given', () => {
    expect(minimal.queues[0].consumers).toBe(1);
  });

  it('no consumers and no service when service is absent', () => {
    const text = scenarioText({ queue: '    consumers: 0\n' });
    expect(parseScenario(text, 't.yaml').scenario.queues[0]).toMatchObject({ consumers: 0, service: null });
    const implicit = parseScenario(scenarioText({ queue: '' }), 't.yaml');
    expect(implicit.scenario.queues[0]).toMatchObject({ consumers: 0, service: null });
  });

  it('a plain number rate is per second, normalised to an exponential interarrival', () => {
    const text = scenarioText({ producer: '    rate: 4\n' });
    expect(parseScenario(text, 't.yaml').scenario.producers[0].interarrival).toEqual({
      kind: 'exponential',
      mean: 0.25,
    });
  });

  it('plain numbers are seconds for duration and warmup', () => {
    const text = scenarioText({ top: 'warmup: 0.5\n' }).replace('duration: 1m', 'duration: 90');
    expect(parseScenario(text, 't.yaml').scenario).toMatchObject({ durationSeconds: 90, warmupSeconds: 0.5 });
  });

  it('capacity 0 (a pure loss system) is kept as 0, not as unbounded', () => {
    const text = scenarioText({ queue: '    capacity: 0\n    service: 1s\n' });
    expect(parseScenario(text, 't.yaml').scenario.queues[0].capacity).toBe(0);
  });

  it('an interarrival distribution is kept as written', () => {
    const text = scenarioText({ producer: '    interarrival: { distribution: erlang, k: 2, mean: 1s }\n' });
    expect(parseScenario(text, 't.yaml').scenario.producers[0].interarrival).toEqual({
      kind: 'erlang',
      k: 2,
      mean: 1,
    });
  });
});

describe('warnings do not stop a run', () => {
  it('a service time with consumers: 0 is reported as unused', () => {
    const { scenario, warnings } = parseScenario(
      scenarioText({ queue: '    consumers: 0\n    service: 1s\n' }),
      't.yaml',
    );
    expect(scenario.queues[0].consumers).toBe(0);
    expect(warnings).toEqual([
      {
        file: 't.yaml',
        line: 10,
        column: 14,
        path: 'queues[0].service',
        message: msg.serviceIgnored('q'),
        severity: 'warning',
      },
    ]);
  });

  it('a fed queue without service (so without consumers) is flagged as never consumed', () => {
    const { warnings } = parseScenario(scenarioText({ queue: '    capacity: 5\n' }), 't.yaml');
    expect(warnings).toEqual([
      {
        file: 't.yaml',
        line: 8,
        column: 5,
        path: 'queues[0]',
        message: msg.queueNeverConsumed('q'),
        severity: 'warning',
      },
    ]);
  });

  it('an explicit consumers: 0 says a holding queue is intended', () => {
    expect(parseScenario(scenarioText({ queue: '    consumers: 0\n' }), 't.yaml').warnings).toEqual([]);
  });

  it('a queue no producer sends to', () => {
    const text = scenarioText() + '  - name: spare\n    service: 1s\n';
    expect(parseScenario(text, 't.yaml').warnings).toEqual([
      {
        file: 't.yaml',
        line: 10,
        column: 11,
        path: 'queues[1].name',
        message: msg.queueNeverFed('spare'),
        severity: 'warning',
      },
    ]);
  });
});
