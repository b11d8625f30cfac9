/** The `slo` list: shape, references with did-you-mean, units of `max`, normalisation. */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { QUEUE_SLO_METRICS } from '../../src/scenario/slo-metrics.js';
import { expectOnly, problemAt, problemsOf } from './helpers.js';

const BASE = `name: t
duration: 1m
producers:
  - { name: orders, to: billing, rate: 10/s }
queues:
  - { name: billing, service: 20ms }
slo:
`;

describe('slo', () => {
  it('normalises the four forms of the issue, max in SI units', () => {
    const text =
      BASE +
      '  - { queue: billing, metric: sojourn.p99, max: 250ms }\n' +
      '  - { flow: orders, metric: endToEnd.p99, max: 2s }\n' +
      '  - { queue: billing, metric: dropRate, max: 0.1% }\n' +
      '  - { queue: billing, metric: utilization, max: 75% }\n' +
      '  - { queue: billing, metric: meanQueueLength, max: 3 }\n';
    const { scenario, warnings } = parseScenario(text, 'test.yaml');
    expect(warnings).toEqual([]);
    expect(scenario.slo).toEqual([
      { scope: 'queue', name: 'billing', metric: 'sojourn.p99', unit: 'seconds', max: 0.25 },
      { scope: 'flow', name: 'orders', metric: 'endToEnd.p99', unit: 'seconds', max: 2 },
      { scope: 'queue', name: 'billing', metric: 'dropRate', unit: 'fraction', max: 0.001 },
      { scope: 'queue', name: 'billing', metric: 'utilization', unit: 'fraction', max: 0.75 },
      { scope: 'queue', name: 'billing', metric: 'meanQueueLength', unit: 'count', max: 3 },
    ]);
  });

  it('a scenario without slo has none', () => {
    const { scenario } = parseScenario(BASE.replace('slo:\n', ''), 'test.yaml');
    expect(scenario.slo).toBeUndefined();
  });

  it('names an unknown queue with a suggestion, at its position', () => {
    const problems = problemsOf(BASE + '  - { queue: biling, metric: sojourn.p99, max: 250ms }\n');
    expectOnly(problems, 'slo[0].queue', 8, 14, msg.sloQueueUnknown('biling', 'billing'));
  });

  it('names an unknown flow (producer) with a suggestion', () => {
    const problems = problemsOf(BASE + '  - { flow: order, metric: endToEnd.p99, max: 2s }\n');
    expectOnly(problems, 'slo[0].flow', 8, 13, msg.sloFlowUnknown('order', 'orders'));
  });

  it('names an unknown metric with a suggestion, or lists the metrics', () => {
    const problems = problemsOf(
      BASE +
        '  - { queue: billing, metric: sojorn.p99, max: 250ms }\n' +
        '  - { queue: billing, metric: latency, max: 250ms }\n' +
        '  - { flow: orders, metric: sojourn.p99, max: 250ms }\n',
    );
    expect(problemAt(problems, 'slo[0].metric').message).toBe(
      msg.sloMetricUnknown('queue', 'sojorn.p99', [], 'sojourn.p99'),
    );
    expect(problemAt(problems, 'slo[1].metric').message).toBe(
      msg.sloMetricUnknown('queue', 'latency', Object.keys(QUEUE_SLO_METRICS), undefined),
    );
    expect(problemAt(problems, 'slo[2].metric').message).toContain("'endToEnd.p99'");
  });

  it('refuses a max in the wrong unit, and one that is no limit at all', () => {
    const problems = problemsOf(
      BASE +
        '  - { queue: billing, metric: sojourn.p99, max: 5% }\n' +
        '  - { queue: billing, metric: utilization, max: 250ms }\n' +
        '  - { queue: billing, metric: dropRate, max: soon }\n' +
        '  - { queue: billing, metric: dropRate, max: -1 }\n',
    );
    expect(problemAt(problems, 'slo[0].max').message).toBe(
      msg.sloMaxWrongUnit('sojourn.p99', 'seconds', '5%'),
    );
    expect(problemAt(problems, 'slo[1].max').message).toBe(
      msg.sloMaxWrongUnit('utilization', 'fraction', '250ms'),
    );
    expect(problemAt(problems, 'slo[2].max').message).toBe(msg.expectedSloMax('soon'));
    expect(problemAt(problems, 'slo[3].max').message).toBe(msg.expectedSloMax(-1));
  });

  it('needs exactly one of queue and flow', () => {
    const problems = problemsOf(
      BASE +
        '  - { queue: billing, flow: orders, metric: dropRate, max: 1% }\n' +
        '  - { metric: dropRate, max: 1% }\n',
    );
    expect(problemAt(problems, 'slo[0]').message).toBe(msg.sloNeedsOneTarget(true));
    expect(problemAt(problems, 'slo[1]').message).toBe(msg.sloNeedsOneTarget(false));
  });

  it('suggests the key for a misspelt one', () => {
    const problems = problemsOf(BASE + '  - { queue: billing, metrc: dropRate, max: 1% }\n');
    expect(problemAt(problems, 'slo[0].metrc').message).toBe(msg.unknownKey('metric', []));
  });
});
