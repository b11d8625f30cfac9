/** KEDA triggers → the scenario's scaling metric, target and activation (RabbitMQ and Kafka scalers). */
import type { ScenarioProblem } from '../scenario/errors.js';
import type { Path } from '../scenario/positions.js';
import { isObject, type ErrorFn, type ImportedSetting, type Obj } from './imported-setting.js';
import type { ManifestDocument } from './manifest-documents.js';

/** Trigger types queuesim models; other KEDA scalers have no counterpart in a scenario. */
export const SUPPORTED_TRIGGERS = ['rabbitmq', 'kafka'] as const;

/** The trigger whose metric the scenario scales on: the first supported one, the others named in a warning. */
export function mapTriggers(
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
  if (!supportedTypes(triggers, error, problems)) return { settings: [] }; // nothing to map
  if (triggers.length > 1) ignoreLaterTriggers(doc, triggers as Obj[], notes, problems);
  const trigger = triggers[0] as Obj;
  const path = ['spec', 'triggers', 0];
  const at = 'spec.triggers[0]';
  const cached = cachedMetrics(trigger, path, at, error);
  checkMetricType(trigger, path, doc, error, problems);
  if (trigger.metadata !== undefined && !isObject(trigger.metadata)) {
    error([...path, 'metadata'], 'expected a mapping of strings');
    return { settings: [] };
  }
  const metadata = (trigger.metadata ?? {}) as Obj;
  const reader = new MetadataReader(metadata, [...path, 'metadata'], error);
  const mapped =
    trigger.type === 'rabbitmq' ? mapRabbitmq(reader, at, notes, doc, problems) : mapKafka(reader, at, notes);
  return { ...mapped, settings: [...mapped.settings, ...cached] };
}

/** Every trigger's type is one queuesim models; the others are located errors. */
function supportedTypes(triggers: unknown[], error: ErrorFn, problems: ScenarioProblem[]): boolean {
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
  return problems.length === before;
}

/** A warning and a note: KEDA takes the max over all triggers, a scenario scales on the first only. */
function ignoreLaterTriggers(
  doc: ManifestDocument,
  triggers: Obj[],
  notes: string[],
  problems: ScenarioProblem[],
): void {
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

/** useCachedMetrics → cached-metrics, when written as a boolean. */
function cachedMetrics(trigger: Obj, path: Path, at: string, error: ErrorFn): ImportedSetting[] {
  if (trigger.useCachedMetrics === undefined) return [];
  if (typeof trigger.useCachedMetrics === 'boolean') {
    const comment = `${at}.useCachedMetrics`;
    return [{ path: ['cached-metrics'], value: trigger.useCachedMetrics, comment }];
  }
  error(
    [...path, 'useCachedMetrics'],
    `expected true or false, got ${JSON.stringify(trigger.useCachedMetrics)}`,
  );
  return [];
}

/** metricType: AverageValue as is; Value imported as AverageValue with a warning; anything else an error. */
function checkMetricType(
  trigger: Obj,
  path: Path,
  doc: ManifestDocument,
  error: ErrorFn,
  problems: ScenarioProblem[],
): void {
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
  const protocol = rabbitmqProtocol(reader, doc, problems);
  if (protocol === null) return { settings };
  const excludeUnacknowledged = reader.boolean('excludeUnacknowledged') ?? false;
  const chosen = rabbitmqMetric(reader, meta, { mode, protocol, excludeUnacknowledged }, doc, problems);
  if (chosen === null) return { settings };
  settings.push({
    path: ['target'],
    value: value ?? 20,
    comment:
      value !== undefined
        ? `${meta}.${reader.has('value') ? 'value' : 'queueLength'}${chosen.metric === 'rate' ? ' (messages/s per replica)' : ' (messages per replica)'}`
        : `${meta}.value absent: KEDA's default queue length 20`,
  });
  settings.push({ path: ['metric'], value: chosen.metric, comment: chosen.source });
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

/** The protocol: written, or (KEDA's "auto") the scheme of the host URL; null after a located error. */
function rabbitmqProtocol(
  reader: MetadataReader,
  doc: ManifestDocument,
  problems: ScenarioProblem[],
): 'http' | 'amqp' | 'unknown' | null {
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
  if (protocol === 'http' || protocol === 'amqp' || protocol === 'unknown') return protocol;
  problems.push(
    doc.problem([...reader.path, 'protocol'], `expected auto, amqp or http, got ${JSON.stringify(written)}`),
  );
  return null;
}

/** The scenario metric KEDA's RabbitMQ scaler reads in this mode over this protocol; null after an error. */
function rabbitmqMetric(
  reader: MetadataReader,
  meta: string,
  how: {
    mode: 'QueueLength' | 'MessageRate';
    protocol: 'http' | 'amqp' | 'unknown';
    excludeUnacknowledged: boolean;
  },
  doc: ManifestDocument,
  problems: ScenarioProblem[],
): { metric: string; source: string } | null {
  const { mode, protocol, excludeUnacknowledged } = how;
  if (mode === 'MessageRate') {
    if (protocol === 'amqp') {
      problems.push(
        doc.problem(
          [...reader.path, 'mode'],
          'mode MessageRate needs the management API (protocol http), as KEDA requires',
        ),
      );
      return null;
    }
    return { metric: 'rate', source: `${meta}.mode MessageRate: messages published per second` };
  }
  if (protocol === 'http') {
    return excludeUnacknowledged
      ? {
          metric: 'waiting',
          source: `${meta}.mode QueueLength over http with excludeUnacknowledged: ready messages`,
        }
      : {
          metric: 'lag',
          source: `${meta}.mode QueueLength over http (management API): ready + unacknowledged`,
        };
  }
  if (protocol === 'unknown')
    problems.push(
      doc.problem(
        [...reader.path],
        'the protocol is auto and the host is not in the manifest: imported as AMQP (metric waiting); write metric: lag if KEDA reads the management API',
        'warning',
      ),
    );
  return {
    metric: 'waiting',
    source:
      protocol === 'amqp'
        ? `${meta}.mode QueueLength over amqp: ready messages`
        : `${meta}.mode QueueLength; protocol not knowable from the manifest (host from env/auth): amqp assumed — use lag for the management API`,
  };
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
