import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.js';
import { problemAt, problemsOf } from './helpers.js';

/** A one-queue scenario whose queue has these extra lines (indented as queue keys). */
const withQueue = (lines: string) =>
  [
    'name: scaled',
    'duration: 1h',
    'producers:',
    '  - { name: source, to: work, rate: 50/s }',
    'queues:',
    '  - name: work',
    lines,
  ].join('\n');

describe('autoscale in a scenario', () => {
  it('normalises every key to SI units, with KEDA-like defaults', () => {
    const { scenario } = parseScenario(
      withQueue(
        [
          '    service: 25ms',
          '    autoscale: { min: 2, max: 24, target: 100, polling-interval: 30s, cooldown: 5m, startup-time: 45s, scale-up-step: 4 }',
        ].join('\n'),
      ),
      'test.yaml',
    );
    const [queue] = scenario.queues;
    expect(queue.consumers).toBe(2); // starts at min
    expect(queue.autoscale).toEqual({
      min: 2,
      max: 24,
      target: 100,
      metric: 'waiting',
      pollingSeconds: 30,
      cooldownSeconds: 300,
      scaleUpStep: 4,
      startupSeconds: 45,
    });
    const defaults = parseScenario(
      withQueue('    service: 25ms\n    autoscale: { max: 5, target: 10, metric: lag }'),
      't.yaml',
    ).scenario.queues[0].autoscale;
    expect(defaults).toEqual({
      min: 1,
      max: 5,
      target: 10,
      metric: 'lag',
      pollingSeconds: 30,
      cooldownSeconds: 300,
      scaleUpStep: null,
      startupSeconds: 0,
    });
  });

  it('rejects min above max, a starting count outside the range and a missing service, located', () => {
    const minAboveMax = problemAt(
      problemsOf(withQueue('    service: 25ms\n    autoscale: { min: 5, max: 3, target: 10 }')),
      'queues[0].autoscale.min',
    );
    expect(minAboveMax).toMatchObject({ line: 8, severity: 'error' });
    expect(minAboveMax.message).toContain('min 5 above max 3');

    const outside = problemAt(
      problemsOf(withQueue('    service: 25ms\n    consumers: 9\n    autoscale: { max: 4, target: 10 }')),
      'queues[0].consumers',
    );
    expect(outside).toMatchObject({ line: 8, column: 16 });
    expect(outside.message).toContain('outside autoscale min..max (1..4)');

    const noService = problemAt(
      problemsOf(withQueue('    autoscale: { max: 4, target: 10 }')),
      'queues[0].autoscale',
    );
    expect(noService.message).toContain("no 'service'");
  });

  it('rejects unknown keys and bad values with what was expected', () => {
    const problems = problemsOf(
      withQueue('    service: 25ms\n    autoscale: { max: 0, target: -1, metric: queue, cooldwn: 1m }'),
    );
    expect(problemAt(problems, 'queues[0].autoscale.max').message).toMatch(/integer >= 1/);
    expect(problemAt(problems, 'queues[0].autoscale.target').message).toMatch(/> 0/);
    expect(problemAt(problems, 'queues[0].autoscale.metric').message).toMatch(/waiting.*lag/);
    expect(problemAt(problems, 'queues[0].autoscale.cooldwn').message).toMatch(/did you mean 'cooldown'/);
  });
});
