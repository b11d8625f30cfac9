import { describe, expect, it } from 'vitest';
import { ScenarioError, parseScenario } from '../../src/scenario/index.js';
import { applyParameter, parseParameters, variablePaths } from '../../src/scenario/parameters.js';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP } from '../../src/scenario/normalise-queue.js';
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
      syncSeconds: 15,
      cooldownSeconds: 300,
      activation: 0,
      // scale-up-step 4 is one pods policy per sync period, in place of the default policies
      scaleUp: {
        stabilizationSeconds: 0,
        policies: [{ type: 'pods', value: 4, periodSeconds: 15 }],
        select: 'max',
      },
      scaleDown: DEFAULT_SCALE_DOWN,
      startupSeconds: 45,
      cachedMetrics: false,
      tolerance: 0.1,
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
      syncSeconds: 15,
      cooldownSeconds: 300,
      activation: 0,
      scaleUp: DEFAULT_SCALE_UP,
      scaleDown: DEFAULT_SCALE_DOWN,
      startupSeconds: 0,
      cachedMetrics: false,
      tolerance: 0.1,
    });
  });

  it("matches Kubernetes' documented default behavior, and reads a written one over it", () => {
    // kubernetes.io HPA page, "Default Behavior": up by max(100 %, 4 pods) per 15 s with no window;
    // down by 100 % per 15 s with a 300 s window.
    expect(DEFAULT_SCALE_UP).toEqual({
      stabilizationSeconds: 0,
      policies: [
        { type: 'percent', value: 100, periodSeconds: 15 },
        { type: 'pods', value: 4, periodSeconds: 15 },
      ],
      select: 'max',
    });
    expect(DEFAULT_SCALE_DOWN).toEqual({
      stabilizationSeconds: 300,
      policies: [{ type: 'percent', value: 100, periodSeconds: 15 }],
      select: 'max',
    });
    const { scenario } = parseScenario(
      withQueue(
        [
          '    service: 25ms',
          '    autoscale:',
          '      min: 0',
          '      max: 20',
          '      target: 100',
          '      sync-period: 10s',
          '      activation: 5',
          '      scale-up-step: 2',
          '      behavior:',
          '        scale-up: { select: min }',
          '        scale-down:',
          '          stabilization-window: 1m',
          '          policies: [{ type: pods, value: 1, period: 30s }, { type: percent, value: 10, period: 1m }]',
          '          select: disabled',
        ].join('\n'),
      ),
      'test.yaml',
    );
    expect(scenario.queues[0].autoscale).toMatchObject({
      syncSeconds: 10,
      activation: 5,
      scaleUp: {
        stabilizationSeconds: 0,
        policies: [{ type: 'pods', value: 2, periodSeconds: 10 }],
        select: 'min',
      },
      scaleDown: {
        stabilizationSeconds: 60,
        policies: [
          { type: 'pods', value: 1, periodSeconds: 30 },
          { type: 'percent', value: 10, periodSeconds: 60 },
        ],
        select: 'disabled',
      },
    });
  });

  it("warns that cooldown is KEDA's 1 -> 0 delay when the pool never reaches zero, naming the new key", () => {
    const { warnings } = parseScenario(
      withQueue('    service: 25ms\n    autoscale: { min: 2, max: 8, target: 100, cooldown: 30s }'),
      'test.yaml',
    );
    const warning = problemAt(warnings, 'queues[0].autoscale.cooldown');
    expect(warning).toMatchObject({ severity: 'warning', line: 8 });
    expect(warning.message).toContain('behavior.scale-down.stabilization-window');
    const toZero = parseScenario(
      withQueue('    service: 25ms\n    autoscale: { min: 0, max: 8, target: 100, cooldown: 30s }'),
      'test.yaml',
    );
    expect(toZero.warnings).toEqual([]);
  });

  it('rejects a bad behavior with what was expected, located', () => {
    const problems = problemsOf(
      withQueue(
        '    service: 25ms\n    autoscale: { max: 8, target: 100, behavior: { scale-down: { select: most, policies: [{ type: pod, value: 0, period: 0 }] } } }',
      ),
    );
    expect(problemAt(problems, 'queues[0].autoscale.behavior.scale-down.select').message).toMatch(
      /max.*min.*disabled/,
    );
    expect(problemAt(problems, 'queues[0].autoscale.behavior.scale-down.policies[0].type').message).toMatch(
      /pods/,
    );
    expect(problemAt(problems, 'queues[0].autoscale.behavior.scale-down.policies[0].value').message).toMatch(
      />= 1/,
    );
    expect(problemAt(problems, 'queues[0].autoscale.behavior.scale-down.policies[0].period').message).toMatch(
      /> 0/,
    );
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

  it('lets sweeps, plans and variants set the autoscale settings of autoscaled queues, keeping the range ordered', () => {
    const { scenario } = parseScenario(
      withQueue('    service: 25ms\n    consumers: 3\n    autoscale: { min: 2, max: 8, target: 100 }'),
      'test.yaml',
    );
    expect(variablePaths(scenario)).toContain('queues.work.autoscale.startup-time');
    const [min, startup] = parseParameters(scenario, [
      'queues.work.autoscale.min=2..10:4',
      'queues.work.autoscale.startup-time=15s,1m',
    ]);
    expect(min).toEqual({ path: 'queues.work.autoscale.min', unit: 'integer', values: [2, 6, 10] });
    expect(startup.values).toEqual([15, 60]);
    const raised = applyParameter(scenario, min, 10).queues[0];
    expect(raised.autoscale).toMatchObject({ min: 10, max: 10 });
    expect(raised.consumers).toBe(10); // the starting count follows into the range
    const slower = applyParameter(scenario, startup, 60).queues[0];
    expect(slower.autoscale?.startupSeconds).toBe(60);
    expect(slower.consumers).toBe(3);
    const lowered = applyParameter(scenario, { path: 'queues.work.autoscale.max', unit: 'integer' }, 1)
      .queues[0];
    expect(lowered.autoscale).toMatchObject({ min: 1, max: 1 });
    expect(lowered.consumers).toBe(1);
  });

  it('offers no autoscale paths for a fixed pool, and checks variant values in their unit', () => {
    const fixed = parseScenario(withQueue('    service: 25ms'), 'test.yaml').scenario;
    expect(() => parseParameters(fixed, ['queues.work.autoscale.min=1,2'])).toThrow(ScenarioError);
    const problems = problemsOf(
      withQueue(
        [
          '    service: 25ms',
          '    autoscale: { max: 8, target: 100 }',
          'variants:',
          '  - { name: warm-pool, set: { queues.work.autoscale.min: 4, queues.work.autoscale.cooldown: soon } }',
        ].join('\n'),
      ),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('a duration > 0 like 5m');
  });
});
