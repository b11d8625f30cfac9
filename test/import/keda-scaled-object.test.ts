import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importKedaScaledObject, type KedaImport } from '../../src/import/keda-scaled-object.js';
import { ScenarioError, type ScenarioProblem } from '../../src/scenario/index.js';

const RABBIT = 'scenarios/imports/keda-scaledobject.yaml';
const KAFKA = 'scenarios/imports/keda-kafka-scaledobject.yaml';

/** The settings as `dotted.path → value` and `dotted.path → comment`. */
function flat(imported: KedaImport) {
  const values: Record<string, unknown> = {};
  const comments: Record<string, string> = {};
  for (const setting of imported.settings) {
    values[setting.path.join('.')] = setting.value;
    comments[setting.path.join('.')] = setting.comment;
  }
  return { values, comments };
}

/** A ScaledObject with `spec` (YAML lines indented by two) under a fixed header. */
function manifest(spec: string): string {
  return `apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: worker\nspec:\n${spec}`;
}

const rabbitTrigger = (metadata: string) =>
  `  triggers:\n    - type: rabbitmq\n      metadata:\n${metadata
    .split('\n')
    .map((line) => `        ${line}`)
    .join('\n')}\n`;

/** The problems an import is rejected with. */
function rejection(text: string): ScenarioProblem[] {
  try {
    importKedaScaledObject(text, 'so.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the manifest to be rejected');
}

describe('import keda: the shipped RabbitMQ ScaledObject', () => {
  const imported = importKedaScaledObject(readFileSync(RABBIT, 'utf8'), RABBIT);
  const { values, comments } = flat(imported);

  it('skips the Deployment and maps every ScaledObject field', () => {
    expect(imported.source).toBe('shop/orders-consumer');
    expect(imported.queueName).toBe('orders');
    expect(values).toEqual({
      min: 0,
      max: 24,
      target: 100,
      metric: 'lag', // QueueLength over http, unacknowledged included
      activation: 5,
      'polling-interval': '10s',
      cooldown: '120s',
      'sync-period': '15s',
      tolerance: 0.1,
      'startup-time': '0s',
      'behavior.scale-up.stabilization-window': '0s',
      'behavior.scale-up.policies': [
        { type: 'pods', value: 8, period: '15s' },
        { type: 'percent', value: 100, period: '15s' },
      ],
      'behavior.scale-up.select': 'max',
      'behavior.scale-down.stabilization-window': '180s',
      'behavior.scale-down.policies': [{ type: 'percent', value: 50, period: '60s' }],
      'behavior.scale-down.select': 'min',
    });
    expect(imported.warnings).toEqual([]);
  });

  it('names the source field of every value', () => {
    expect(comments.min).toBe('spec.minReplicaCount');
    expect(comments['polling-interval']).toBe('spec.pollingInterval');
    expect(comments.cooldown).toBe('spec.cooldownPeriod');
    expect(comments.target).toMatch(/^spec\.triggers\[0\]\.metadata\.value/);
    expect(comments.activation).toBe('spec.triggers[0].metadata.activationValue');
    expect(comments['behavior.scale-down.select']).toBe(
      'spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.selectPolicy',
    );
    expect(comments['startup-time']).toMatch(/not in a ScaledObject: MEASURE/);
  });

  it('says what it does not model instead of dropping it', () => {
    expect(imported.notes.join('\n')).toMatch(/spec\.initialCooldownPeriod: 60 — not modelled/);
    expect(imported.notes.join('\n')).toMatch(/spec\.fallback — not modelled/);
    expect(imported.notes.join('\n')).toMatch(/restoreToOriginalReplicaCount — not modelled/);
  });
});

describe('import keda: the shipped Kafka ScaledObject', () => {
  const imported = importKedaScaledObject(readFileSync(KAFKA, 'utf8'), KAFKA);
  const { values } = flat(imported);

  it('maps lagThreshold, activationLagThreshold, limitToPartitionsWithLag and useCachedMetrics', () => {
    expect(imported.queueName).toBe('payments');
    expect(values).toEqual({
      min: 2,
      max: 12,
      target: 50,
      metric: 'lag',
      activation: 10,
      'limit-to-partitions-with-lag': true, // allowIdleConsumers "false" is the default: not written
      'cached-metrics': true,
      'polling-interval': '15s',
      'sync-period': '15s',
      tolerance: 0.1,
      'startup-time': '0s',
      'behavior.scale-down.stabilization-window': '300s',
      'behavior.scale-down.policies': [{ type: 'pods', value: 1, period: '60s' }],
    });
  });

  it('leaves cooldown out with min >= 1 and says why, and notes the unmodelled Kafka settings', () => {
    const notes = imported.notes.join('\n');
    expect(notes).toMatch(
      /spec\.cooldownPeriod absent: KEDA default 300 \(300s\) — no effect with minReplicaCount >= 1/,
    );
    expect(notes).toMatch(/offsetResetPolicy: "earliest" — not modelled/);
    expect(notes).not.toMatch(/useCachedMetrics/); // mapped: cached-metrics
    expect(notes).toMatch(/spec\.idleReplicaCount: 0 — not modelled/);
  });
});

describe('import keda: defaults and metric modes', () => {
  it("takes KEDA's defaults for what is not written (min 0, max 100, polling 30 s, cooldown 300 s, value 20)", () => {
    const { values, comments } = flat(
      importKedaScaledObject(manifest(rabbitTrigger('host: amqp://rabbit:5672')), 'so.yaml'),
    );
    expect(values).toMatchObject({
      min: 0,
      max: 100,
      target: 20,
      metric: 'waiting',
      activation: 0,
      'polling-interval': '30s',
      cooldown: '300s',
    });
    expect(comments.min).toBe('spec.minReplicaCount absent: KEDA default 0');
    expect(comments.max).toBe('spec.maxReplicaCount absent: KEDA default 100');
  });

  it.each([
    ['mode: QueueLength\nvalue: "50"\nprotocol: amqp', 'waiting', 50],
    ['mode: QueueLength\nvalue: "50"\nhost: https://rabbit:15672/vhost', 'lag', 50],
    ['mode: QueueLength\nvalue: "50"\nprotocol: http\nexcludeUnacknowledged: "true"', 'waiting', 50],
    ['mode: MessageRate\nvalue: "12.5"\nprotocol: http', 'rate', 12.5],
    ['queueLength: "30"\nhost: amqp://rabbit', 'waiting', 30],
  ])('rabbitmq %j → metric %s, target %d', (metadata, metric, target) => {
    const { values } = flat(importKedaScaledObject(manifest(rabbitTrigger(metadata)), 'so.yaml'));
    expect(values.metric).toBe(metric);
    expect(values.target).toBe(target);
  });

  it('warns when the protocol cannot be known (host from a secret) and assumes AMQP', () => {
    const imported = importKedaScaledObject(
      manifest(rabbitTrigger('mode: QueueLength\nvalue: "5"\nhostFromEnv: HOST')),
      'so.yaml',
    );
    expect(flat(imported).values.metric).toBe('waiting');
    expect(imported.warnings).toEqual([
      expect.objectContaining({ severity: 'warning', path: 'spec.triggers[0].metadata', line: 9, column: 9 }),
    ]);
  });

  it('imports the first of several triggers and warns naming the others', () => {
    const text = manifest(
      `  triggers:\n    - type: kafka\n      metadata: { topic: t, lagThreshold: "5" }\n    - type: rabbitmq\n      metadata: { queueName: q, mode: QueueLength, value: "9" }\n`,
    );
    const imported = importKedaScaledObject(text, 'so.yaml');
    expect(flat(imported).values.target).toBe(5);
    expect(imported.warnings).toHaveLength(1);
    expect(imported.warnings[0]).toMatchObject({ severity: 'warning', path: 'spec.triggers[1]', line: 9 });
    expect(imported.warnings[0].message).toMatch(
      /only spec\.triggers\[0\] is imported and spec\.triggers\[1\] \(rabbitmq\) ignored/,
    );
  });

  it('chooses among several ScaledObjects with --name, and refuses to guess', () => {
    const two = `${manifest(rabbitTrigger('host: amqp://a'))}---\n${manifest(rabbitTrigger('host: amqp://b')).replace('name: worker', 'name: other')}`;
    expect(importKedaScaledObject(two, 'so.yaml', { name: 'other' }).source).toBe('default/other');
    expect(rejection(two)[0].message).toBe('2 ScaledObjects here (worker, other); choose one with --name');
  });
});

describe('import keda: bad input is a located error', () => {
  it('not YAML', () => {
    expect(rejection('spec: [1, 2\n')[0]).toMatchObject({ file: 'so.yaml', line: 2, severity: 'error' });
  });

  it('a file without a ScaledObject names the kinds it found', () => {
    expect(rejection('kind: Deployment\n---\nkind: Service\n')).toEqual([
      {
        file: 'so.yaml',
        line: 1,
        column: 1,
        path: '',
        message:
          'no KEDA ScaledObject here (kind: ScaledObject, apiVersion: keda.sh/v1alpha1); found kind Deployment, Service',
        severity: 'error',
      },
    ]);
  });

  it('an unknown trigger type, at its line and column', () => {
    expect(rejection(manifest('  triggers:\n    - type: prometheus\n      metadata: {}\n'))).toEqual([
      {
        file: 'so.yaml',
        line: 7,
        column: 13,
        path: 'spec.triggers[0].type',
        message:
          'trigger type "prometheus" cannot be imported: queuesim models the rabbitmq and kafka triggers',
        severity: 'error',
      },
    ]);
  });

  it('bad HPA policies, selectPolicy, counts and metadata numbers are all reported together', () => {
    const text = manifest(
      [
        '  minReplicaCount: 5',
        '  maxReplicaCount: 3',
        '  advanced:',
        '    horizontalPodAutoscalerConfig:',
        '      behavior:',
        '        scaleUp:',
        '          policies: [{ type: Replicas, value: 2, periodSeconds: 4000 }]',
        '          selectPolicy: Biggest',
        rabbitTrigger('mode: QueueLength\nvalue: "lots"\nprotocol: amqp'),
      ].join('\n'),
    );
    const problems = rejection(text);
    expect(problems.map((problem) => [problem.path, problem.line])).toEqual([
      ['spec.maxReplicaCount', 7],
      ['spec.triggers[0].metadata.value', 18],
      ['spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.policies[0].type', 12],
      ['spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.policies[0].periodSeconds', 12],
      ['spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleUp.selectPolicy', 13],
    ]);
  });

  it('MessageRate over AMQP, as KEDA refuses it', () => {
    expect(
      rejection(manifest(rabbitTrigger('mode: MessageRate\nvalue: "5"\nprotocol: amqp')))[0],
    ).toMatchObject({
      path: 'spec.triggers[0].metadata.mode',
      message: 'mode MessageRate needs the management API (protocol http), as KEDA requires',
    });
  });
});

describe('import keda: nothing dropped silently', () => {
  it('a misspelt spec field is a warning at its key', () => {
    const imported = importKedaScaledObject(
      manifest(`  maxReplicaCont: 9\n${rabbitTrigger('host: amqp://rabbit')}`),
      'so.yaml',
    );
    expect(imported.warnings).toEqual([
      expect.objectContaining({ path: 'spec.maxReplicaCont', line: 6, column: 19, severity: 'warning' }),
    ]);
    expect(imported.warnings[0].message).toMatch(/^unknown ScaledObject field 'maxReplicaCont': ignored/);
  });

  it('a RabbitMQ mode a scenario cannot follow is an error naming it', () => {
    const problems = rejection(manifest(rabbitTrigger('mode: DeliverGetRate\nvalue: "5"\nprotocol: http')));
    expect(problems[0]).toMatchObject({ path: 'spec.triggers[0].metadata.mode', line: 9 });
    expect(problems[0].message).toMatch(/^mode "DeliverGetRate" cannot be imported/);
  });
});
