/**
 * A KEDA ScaledObject → a queue's `autoscale:` settings, each with the manifest field it came from.
 * Field names and defaults: KEDA ScaledObject specification (keda.sh/docs/2.15/reference/scaledobject-spec),
 * RabbitMQ scaler (keda.sh/docs/2.15/scalers/rabbitmq-queue), Apache Kafka scaler
 * (keda.sh/docs/2.15/scalers/apache-kafka), HPA behavior (kubernetes.io, horizontal-pod-autoscale).
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import type { Path } from '../scenario/positions.js';
import { readManifestDocuments, type ManifestDocument } from './manifest-documents.js';

/** One written setting: where it goes under `autoscale:`, its value, and the comment naming its source. */
export interface ImportedSetting {
  path: Array<string | number>;
  value: unknown;
  comment: string;
  /** True for what no ScaledObject says (cluster flags, pod start-up): a default to check, or keep. */
  fromCluster?: boolean;
}

/** What the importer found: settings in writing order, notes for the header, and warnings for stderr. */
export interface KedaImport {
  /** `namespace/name` of the ScaledObject read. */
  source: string;
  settings: ImportedSetting[];
  /** Lines for the header comment: what the manifest says that the scenario does not model. */
  notes: string[];
  warnings: ScenarioProblem[];
  /** The queue (RabbitMQ queueName) or topic (Kafka topic) the trigger reads, when it names one. */
  queueName?: string;
}

/** Trigger types queuesim models; other KEDA scalers have no counterpart in a scenario. */
export const SUPPORTED_TRIGGERS = ['rabbitmq', 'kafka'] as const;

type Obj = Record<string, unknown>;

/** The fields of a ScaledObject's spec (KEDA 2.15). */
const SPEC_FIELDS = [
  'scaleTargetRef',
  'pollingInterval',
  'cooldownPeriod',
  'initialCooldownPeriod',
  'idleReplicaCount',
  'minReplicaCount',
  'maxReplicaCount',
  'fallback',
  'advanced',
  'triggers',
];

const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the ScaledObject in `text` (picking `name` among several) and maps it to autoscale settings. */
export function importKedaScaledObject(
  text: string,
  file: string,
  options: { name?: string } = {},
): KedaImport {
  const documents = readManifestDocuments(text, file);
  const scaled = documents.filter((doc) => isObject(doc.data) && doc.data.kind === 'ScaledObject');
  const wholeFile = (message: string): ScenarioError =>
    new ScenarioError([{ file, line: 1, column: 1, path: '', message, severity: 'error' }]);
  if (scaled.length === 0) {
    const kinds = documents
      .map((doc) => (isObject(doc.data) && typeof doc.data.kind === 'string' ? doc.data.kind : null))
      .filter((kind): kind is string => kind !== null);
    throw wholeFile(
      `no KEDA ScaledObject here (kind: ScaledObject, apiVersion: keda.sh/v1alpha1)${
        kinds.length > 0 ? `; found kind ${kinds.join(', ')}` : ''
      }`,
    );
  }
  const nameOf = (doc: ManifestDocument): string => {
    const metadata = (doc.data as Obj).metadata;
    return isObject(metadata) && typeof metadata.name === 'string' ? metadata.name : '';
  };
  let chosen: ManifestDocument;
  if (options.name !== undefined) {
    const found = scaled.find((doc) => nameOf(doc) === options.name);
    if (!found) {
      throw new ScenarioError([
        {
          file: '<command line>',
          line: 0,
          column: 0,
          path: '--name',
          message: `no ScaledObject named '${options.name}' in ${file}; it has ${scaled.map(nameOf).join(', ')}`,
          severity: 'error',
        },
      ]);
    }
    chosen = found;
  } else if (scaled.length > 1) {
    throw wholeFile(
      `${scaled.length} ScaledObjects here (${scaled.map(nameOf).join(', ')}); choose one with --name`,
    );
  } else {
    chosen = scaled[0];
  }
  return mapScaledObject(chosen);
}

/** Maps one ScaledObject document; every problem is collected and thrown together. */
function mapScaledObject(doc: ManifestDocument): KedaImport {
  const data = doc.data as Obj;
  const problems: ScenarioProblem[] = [];
  const settings: ImportedSetting[] = [];
  const notes: string[] = [];
  const error = (path: Path, message: string) => problems.push(doc.problem(path, message));
  const set = (path: Array<string | number>, value: unknown, comment: string, fromCluster = false) =>
    settings.push({ path, value, comment, ...(fromCluster ? { fromCluster } : {}) });

  const metadata = isObject(data.metadata) ? data.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
  const spec = data.spec;
  if (!isObject(spec)) {
    error(['spec'], 'a ScaledObject needs a spec mapping');
    throw new ScenarioError(problems);
  }

  /** An integer field of the spec, or its KEDA default; bad values are located errors. */
  const integer = (
    path: Path,
    value: unknown,
    min: number,
    max = Number.MAX_SAFE_INTEGER,
  ): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      error(
        path,
        `expected an integer from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}, got ${JSON.stringify(value)}`,
      );
      return undefined;
    }
    return value;
  };

  const min = integer(['spec', 'minReplicaCount'], spec.minReplicaCount, 0);
  const max = integer(['spec', 'maxReplicaCount'], spec.maxReplicaCount, 1);
  if ((min ?? 0) > (max ?? 100)) {
    error(['spec', 'maxReplicaCount'], `maxReplicaCount ${max ?? 100} is below minReplicaCount ${min ?? 0}`);
  }
  set(
    ['min'],
    min ?? 0,
    min === undefined ? 'spec.minReplicaCount absent: KEDA default 0' : 'spec.minReplicaCount',
  );
  set(
    ['max'],
    max ?? 100,
    max === undefined ? 'spec.maxReplicaCount absent: KEDA default 100' : 'spec.maxReplicaCount',
  );

  const trigger = mapTriggers(doc, spec, error, notes, problems);
  for (const setting of trigger.settings) settings.push(setting);

  const polling = integer(['spec', 'pollingInterval'], spec.pollingInterval, 1);
  set(
    ['polling-interval'],
    `${polling ?? 30}s`,
    polling === undefined ? 'spec.pollingInterval absent: KEDA default 30' : 'spec.pollingInterval',
  );
  const cooldown = integer(['spec', 'cooldownPeriod'], spec.cooldownPeriod, 0);
  const cooldownSource =
    cooldown === undefined ? 'spec.cooldownPeriod absent: KEDA default 300' : 'spec.cooldownPeriod';
  // KEDA uses cooldownPeriod only to scale to 0; written with min >= 1 it would draw the scenario's warning.
  if ((min ?? 0) === 0) set(['cooldown'], `${cooldown ?? 300}s`, cooldownSource);
  else
    notes.push(
      `${cooldownSource} (${cooldown ?? 300}s) — no effect with minReplicaCount >= 1: KEDA uses it only to scale to 0`,
    );
  // Not in the ScaledObject: cluster-wide kube-controller-manager flags, and the pods' own start-up.
  set(
    ['sync-period'],
    '15s',
    'not in a ScaledObject: --horizontal-pod-autoscaler-sync-period (Kubernetes default)',
    true,
  );
  set(
    ['tolerance'],
    0.1,
    'not in a ScaledObject: --horizontal-pod-autoscaler-tolerance (Kubernetes default)',
    true,
  );
  set(
    ['startup-time'],
    '0s',
    "not in a ScaledObject: MEASURE your pods' time from scale-up to first message",
    true,
  );

  if (spec.initialCooldownPeriod !== undefined)
    notes.push(
      `spec.initialCooldownPeriod: ${JSON.stringify(spec.initialCooldownPeriod)} — not modelled (the run starts as if KEDA had just seen the metric active)`,
    );
  if (spec.idleReplicaCount !== undefined)
    notes.push(
      `spec.idleReplicaCount: ${JSON.stringify(spec.idleReplicaCount)} — not modelled (inactive pools go to 0, or stay at min)`,
    );
  if (spec.fallback !== undefined)
    notes.push('spec.fallback — not modelled (the simulated scaler never fails to read its metric)');

  // A misspelt field would otherwise vanish without a word (its default taken instead).
  for (const key of Object.keys(spec))
    if (!SPEC_FIELDS.includes(key))
      problems.push(
        doc.problem(
          ['spec', key],
          `unknown ScaledObject field '${key}': ignored (KEDA has ${SPEC_FIELDS.join(', ')})`,
          'warning',
        ),
      );
  const advanced = spec.advanced;
  if (advanced !== undefined && !isObject(advanced)) error(['spec', 'advanced'], 'expected a mapping');
  if (isObject(advanced)) {
    if (advanced.restoreToOriginalReplicaCount !== undefined)
      notes.push(
        'spec.advanced.restoreToOriginalReplicaCount — not modelled (only matters when the ScaledObject is deleted)',
      );
    if (advanced.scalingModifiers !== undefined)
      notes.push(
        "spec.advanced.scalingModifiers — not modelled (the scenario scales on one trigger's metric)",
      );
    const hpa = advanced.horizontalPodAutoscalerConfig;
    if (hpa !== undefined && !isObject(hpa))
      error(['spec', 'advanced', 'horizontalPodAutoscalerConfig'], 'expected a mapping');
    if (isObject(hpa) && hpa.behavior !== undefined) {
      const base = ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior'];
      if (!isObject(hpa.behavior)) error(base, 'expected a mapping with scaleUp and/or scaleDown');
      else {
        for (const [key, direction] of [
          ['scaleUp', 'scale-up'],
          ['scaleDown', 'scale-down'],
        ] as const) {
          const rules = hpa.behavior[key];
          if (rules === undefined) continue;
          mapScalingRules([...base, key], rules, direction, set, integer, error, notes);
        }
        for (const key of Object.keys(hpa.behavior))
          if (key !== 'scaleUp' && key !== 'scaleDown')
            error([...base, key], `unknown behavior field '${key}' (HPA has scaleUp, scaleDown)`);
      }
    }
  }
  if (problems.some((problem) => problem.severity === 'error')) throw new ScenarioError(problems);
  return {
    source: `${namespace}/${name}`,
    settings,
    notes,
    warnings: problems,
    ...(trigger.queueName !== undefined ? { queueName: trigger.queueName } : {}),
  };
}

type SetFn = (path: Array<string | number>, value: unknown, comment: string) => void;
type IntegerFn = (path: Path, value: unknown, min: number, max?: number) => number | undefined;
type ErrorFn = (path: Path, message: string) => void;

const POLICY_TYPES: Record<string, string> = { Pods: 'pods', Percent: 'percent' };
const SELECTS: Record<string, string> = { Max: 'max', Min: 'min', Disabled: 'disabled' };

/** HPA behavior.scaleUp / scaleDown → autoscale.behavior.scale-up / scale-down (limits as the HPA API's). */
function mapScalingRules(
  path: string[],
  rules: unknown,
  direction: 'scale-up' | 'scale-down',
  set: SetFn,
  integer: IntegerFn,
  error: ErrorFn,
  notes: string[],
): void {
  const at = path.join('.');
  if (!isObject(rules)) {
    error(path, 'expected a mapping (stabilizationWindowSeconds, policies, selectPolicy)');
    return;
  }
  const window = integer([...path, 'stabilizationWindowSeconds'], rules.stabilizationWindowSeconds, 0, 3600);
  if (window !== undefined)
    set(['behavior', direction, 'stabilization-window'], `${window}s`, `${at}.stabilizationWindowSeconds`);
  if (rules.policies !== undefined) {
    if (!Array.isArray(rules.policies) || rules.policies.length === 0) {
      error([...path, 'policies'], 'expected a non-empty list of { type, value, periodSeconds }');
    } else {
      const policies = rules.policies.map((policy: unknown, index) => {
        const where = [...path, 'policies', index];
        if (!isObject(policy)) {
          error(where, 'expected { type: Pods|Percent, value, periodSeconds }');
          return {};
        }
        const type = typeof policy.type === 'string' ? POLICY_TYPES[policy.type] : undefined;
        if (type === undefined)
          error([...where, 'type'], `expected Pods or Percent, got ${JSON.stringify(policy.type)}`);
        const value = integer([...where, 'value'], policy.value ?? null, 1);
        const period = integer([...where, 'periodSeconds'], policy.periodSeconds ?? null, 1, 1800);
        return { type, value, period: `${period}s` };
      });
      set(['behavior', direction, 'policies'], policies, `${at}.policies`);
    }
  }
  if (rules.selectPolicy !== undefined) {
    const select = typeof rules.selectPolicy === 'string' ? SELECTS[rules.selectPolicy] : undefined;
    if (select === undefined)
      error(
        [...path, 'selectPolicy'],
        `expected Max, Min or Disabled, got ${JSON.stringify(rules.selectPolicy)}`,
      );
    else set(['behavior', direction, 'select'], select, `${at}.selectPolicy`);
  }
  if (rules.tolerance !== undefined)
    notes.push(
      `${at}.tolerance: ${JSON.stringify(rules.tolerance)} — not modelled per direction (the scenario's tolerance applies both ways)`,
    );
  for (const key of Object.keys(rules))
    if (!['stabilizationWindowSeconds', 'policies', 'selectPolicy', 'tolerance'].includes(key))
      error(
        [...path, key],
        `unknown field '${key}' (HPA has stabilizationWindowSeconds, policies, selectPolicy)`,
      );
}

/** The trigger whose metric the scenario scales on: the first supported one, the others named in a warning. */
function mapTriggers(
  doc: ManifestDocument,
  spec: Obj,
  error: ErrorFn,
  notes: string[],
  problems: ScenarioProblem[],
): { settings: ImportedSetting[]; queueName?: string } {
  const triggers = spec.triggers;
  if (!Array.isArray(triggers) || triggers.length === 0) {
    error(['spec', 'triggers'], 'a ScaledObject needs a non-empty list of triggers');
    return { settings: [] };
  }
  const before = problems.length;
  triggers.forEach((trigger: unknown, index) => {
    const type = isObject(trigger) ? trigger.type : undefined;
    if (typeof type !== 'string' || !(SUPPORTED_TRIGGERS as readonly string[]).includes(type)) {
      error(
        ['spec', 'triggers', index, isObject(trigger) ? 'type' : ''].filter((s) => s !== ''),
        `trigger type ${JSON.stringify(type)} cannot be imported: queuesim models the ${SUPPORTED_TRIGGERS.join(' and ')} triggers`,
      );
    }
  });
  if (problems.length > before) return { settings: [] }; // an unknown type: nothing to map
  if (triggers.length > 1) {
    const others = triggers
      .slice(1)
      .map((trigger: Obj, index) => `spec.triggers[${index + 1}] (${String(trigger.type)})`);
    problems.push(
      doc.problem(
        ['spec', 'triggers', 1],
        `KEDA scales to the largest count any trigger asks for; a scenario scales on one metric, so only spec.triggers[0] is imported and ${others.join(', ')} ignored`,
        'warning',
      ),
    );
    notes.push(
      `${others.join(', ')} — ignored: only the first trigger is imported (KEDA takes the max over all)`,
    );
  }
  const trigger = triggers[0] as Obj;
  const path = ['spec', 'triggers', 0];
  const at = 'spec.triggers[0]';
  if (trigger.useCachedMetrics !== undefined)
    notes.push(`${at}.useCachedMetrics — not modelled (the HPA reads the metric live)`);
  const metricType = trigger.metricType ?? 'AverageValue';
  if (metricType === 'Value')
    problems.push(
      doc.problem(
        [...path, 'metricType'],
        'metricType Value (desired = replicas × metric ÷ value) is imported as AverageValue (desired = metric ÷ value), the only rule a scenario has',
        'warning',
      ),
    );
  else if (metricType !== 'AverageValue')
    error([...path, 'metricType'], `expected AverageValue or Value, got ${JSON.stringify(metricType)}`);
  if (trigger.metadata !== undefined && !isObject(trigger.metadata)) {
    error([...path, 'metadata'], 'expected a mapping of strings');
    return { settings: [] };
  }
  const metadata = (trigger.metadata ?? {}) as Obj;
  const reader = new MetadataReader(metadata, [...path, 'metadata'], error);
  return trigger.type === 'rabbitmq'
    ? mapRabbitmq(reader, at, notes, doc, problems)
    : mapKafka(reader, at, notes);
}

/** KEDA trigger metadata: every value a string ("5", "true"), though YAML numbers and booleans are taken too. */
class MetadataReader {
  constructor(
    private readonly metadata: Obj,
    readonly path: Path,
    private readonly error: ErrorFn,
  ) {}

  has(key: string): boolean {
    return this.metadata[key] !== undefined;
  }

  text(key: string): string | undefined {
    const value = this.metadata[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return String(value);
    this.error([...this.path, key], `expected a string, got ${JSON.stringify(value)}`);
    return undefined;
  }

  /** A number above 0 (or at least 0 with `zero`). */
  number(key: string, zero = false): number | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const value = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (!zero && value === 0)) {
      this.error(
        [...this.path, key],
        `expected a number ${zero ? '>= 0' : '> 0'}, got ${JSON.stringify(text)}`,
      );
      return undefined;
    }
    return value;
  }

  boolean(key: string): boolean | undefined {
    const text = this.text(key);
    if (text === undefined) return undefined;
    const lower = text.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    this.error([...this.path, key], `expected "true" or "false", got ${JSON.stringify(text)}`);
    return undefined;
  }
}

/** KEDA's RabbitMQ scaler: mode and protocol choose the metric; value and activationValue its thresholds. */
function mapRabbitmq(
  reader: MetadataReader,
  at: string,
  notes: string[],
  doc: ManifestDocument,
  problems: ScenarioProblem[],
): { settings: ImportedSetting[]; queueName?: string } {
  const settings: ImportedSetting[] = [];
  const meta = `${at}.metadata`;
  const legacy = reader.number('queueLength');
  const mode =
    reader.text('mode') ?? (legacy !== undefined || !reader.has('value') ? 'QueueLength' : undefined);
  if (mode !== 'QueueLength' && mode !== 'MessageRate') {
    reader.number('value');
    problems.push(
      doc.problem(
        [...reader.path, 'mode'],
        mode === undefined
          ? 'KEDA needs mode (QueueLength or MessageRate) when value is written'
          : `mode ${JSON.stringify(mode)} cannot be imported: a scenario scales on QueueLength (waiting/lag) or MessageRate (rate)`,
      ),
    );
    return { settings };
  }
  const value = reader.number('value') ?? legacy;
  const target = value ?? 20;
  // The protocol: written, or (KEDA's "auto") the scheme of the host URL.
  const host = reader.text('host');
  const written = reader.text('protocol') ?? 'auto';
  const protocol =
    written !== 'auto'
      ? written
      : host && /^https?:\/\//i.test(host)
        ? 'http'
        : host && /^amqps?:\/\//i.test(host)
          ? 'amqp'
          : 'unknown';
  if (!['http', 'amqp', 'unknown'].includes(protocol)) {
    problems.push(
      doc.problem(
        [...reader.path, 'protocol'],
        `expected auto, amqp or http, got ${JSON.stringify(written)}`,
      ),
    );
    return { settings };
  }
  const excludeUnacknowledged = reader.boolean('excludeUnacknowledged') ?? false;
  let metric: string;
  let metricSource: string;
  if (mode === 'MessageRate') {
    if (protocol === 'amqp') {
      problems.push(
        doc.problem(
          [...reader.path, 'mode'],
          'mode MessageRate needs the management API (protocol http), as KEDA requires',
        ),
      );
      return { settings };
    }
    metric = 'rate';
    metricSource = `${meta}.mode MessageRate: messages published per second`;
  } else if (protocol === 'http') {
    metric = excludeUnacknowledged ? 'waiting' : 'lag';
    metricSource = excludeUnacknowledged
      ? `${meta}.mode QueueLength over http with excludeUnacknowledged: ready messages`
      : `${meta}.mode QueueLength over http (management API): ready + unacknowledged`;
  } else {
    metric = 'waiting';
    metricSource =
      protocol === 'amqp'
        ? `${meta}.mode QueueLength over amqp: ready messages`
        : `${meta}.mode QueueLength; protocol not knowable from the manifest (host from env/auth): amqp assumed — use lag for the management API`;
    if (protocol === 'unknown')
      problems.push(
        doc.problem(
          [...reader.path],
          'the protocol is auto and the host is not in the manifest: imported as AMQP (metric waiting); write metric: lag if KEDA reads the management API',
          'warning',
        ),
      );
  }
  settings.push({
    path: ['target'],
    value: target,
    comment:
      value !== undefined
        ? `${meta}.${reader.has('value') ? 'value' : 'queueLength'}${metric === 'rate' ? ' (messages/s per replica)' : ' (messages per replica)'}`
        : `${meta}.value absent: KEDA's default queue length 20`,
  });
  settings.push({ path: ['metric'], value: metric, comment: metricSource });
  const activation = reader.number('activationValue', true);
  settings.push({
    path: ['activation'],
    value: activation ?? 0,
    comment:
      activation === undefined ? `${meta}.activationValue absent: KEDA default 0` : `${meta}.activationValue`,
  });
  if (reader.boolean('useRegex'))
    notes.push(`${meta}.useRegex / operation — not modelled (the scenario reads its own queue only)`);
  if (excludeUnacknowledged && protocol !== 'http')
    notes.push(
      `${meta}.excludeUnacknowledged — KEDA applies it over http only; over amqp the count is of ready messages anyway`,
    );
  const queueName = reader.text('queueName');
  return { settings, ...(queueName !== undefined ? { queueName } : {}) };
}

/** KEDA's Apache Kafka scaler: the consumer group's lag per replica, capped at the partitions. */
function mapKafka(
  reader: MetadataReader,
  at: string,
  notes: string[],
): { settings: ImportedSetting[]; queueName?: string } {
  const settings: ImportedSetting[] = [];
  const meta = `${at}.metadata`;
  const lag = reader.number('lagThreshold');
  settings.push({
    path: ['target'],
    value: lag ?? 10,
    comment:
      lag === undefined
        ? `${meta}.lagThreshold absent: KEDA default 10`
        : `${meta}.lagThreshold (lag per replica)`,
  });
  settings.push({
    path: ['metric'],
    value: 'lag',
    comment: `Kafka scaler: consumer group ${reader.text('consumerGroup') ?? '(unnamed)'}'s lag`,
  });
  const activation = reader.number('activationLagThreshold', true);
  settings.push({
    path: ['activation'],
    value: activation ?? 0,
    comment:
      activation === undefined
        ? `${meta}.activationLagThreshold absent: KEDA default 0`
        : `${meta}.activationLagThreshold`,
  });
  // Both are errors on a plain queue, so they are written only when the manifest turns them on.
  if (reader.boolean('allowIdleConsumers'))
    settings.push({ path: ['allow-idle-consumers'], value: true, comment: `${meta}.allowIdleConsumers` });
  if (reader.boolean('limitToPartitionsWithLag'))
    settings.push({
      path: ['limit-to-partitions-with-lag'],
      value: true,
      comment: `${meta}.limitToPartitionsWithLag`,
    });
  for (const key of [
    'offsetResetPolicy',
    'scaleToZeroOnInvalidOffset',
    'excludePersistentLag',
    'partitionLimitation',
    'ensureEvenDistributionOfPartitions',
  ])
    if (reader.has(key)) notes.push(`${meta}.${key}: ${JSON.stringify(reader.text(key))} — not modelled`);
  const topic = reader.text('topic');
  if (topic === undefined)
    notes.push(`${meta}.topic absent: KEDA reads every topic of the group; name the queue with --queue`);
  return { settings, ...(topic !== undefined ? { queueName: topic } : {}) };
}
