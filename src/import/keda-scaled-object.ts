/**
 * A KEDA ScaledObject → a queue's `autoscale:` settings, each with the manifest field it came from.
 * Field names and defaults: KEDA ScaledObject specification (keda.sh/docs/2.15/reference/scaledobject-spec),
 * RabbitMQ scaler (keda.sh/docs/2.15/scalers/rabbitmq-queue), Apache Kafka scaler
 * (keda.sh/docs/2.15/scalers/apache-kafka), HPA behavior (kubernetes.io, horizontal-pod-autoscale).
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import { COMMAND_LINE } from '../scenario/overrides.js';
import type { Path } from '../scenario/positions.js';
import { isObject, type ErrorFn, type ImportedSetting, type Obj } from './imported-setting.js';
import { mapTriggers } from './keda-triggers.js';
import { readManifestDocuments, type ManifestDocument } from './manifest-documents.js';

export type { ImportedSetting } from './imported-setting.js';
export { SUPPORTED_TRIGGERS } from './keda-triggers.js';

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
          file: COMMAND_LINE,
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

/** The collectors one ScaledObject is mapped into, and the helpers that write to them. */
interface Mapping {
  doc: ManifestDocument;
  problems: ScenarioProblem[];
  settings: ImportedSetting[];
  notes: string[];
  error: (path: Path, message: string) => void;
  set: (path: Array<string | number>, value: unknown, comment: string, fromCluster?: boolean) => void;
  integer: IntegerFn;
}

/** Maps one ScaledObject document; every problem is collected and thrown together. */
function mapScaledObject(doc: ManifestDocument): KedaImport {
  const data = doc.data as Obj;
  const m = newMapping(doc);
  const metadata = isObject(data.metadata) ? data.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '(unnamed)';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : 'default';
  const spec = data.spec;
  if (!isObject(spec)) {
    m.error(['spec'], 'a ScaledObject needs a spec mapping');
    throw new ScenarioError(m.problems);
  }
  const min = mapReplicaCounts(m, spec);
  const trigger = mapTriggers(doc, spec, m.error, m.notes, m.problems);
  for (const setting of trigger.settings) m.settings.push(setting);
  mapTimings(m, spec, min);
  noteUnmodelled(m, spec);
  mapAdvanced(m, spec.advanced);
  if (m.problems.some((problem) => problem.severity === 'error')) throw new ScenarioError(m.problems);
  return {
    source: `${namespace}/${name}`,
    settings: m.settings,
    notes: m.notes,
    warnings: m.problems,
    ...(trigger.queueName !== undefined ? { queueName: trigger.queueName } : {}),
  };
}

/** Empty collectors for `doc`, with the located-error, setting and integer-field helpers. */
function newMapping(doc: ManifestDocument): Mapping {
  const problems: ScenarioProblem[] = [];
  const settings: ImportedSetting[] = [];
  const error = (path: Path, message: string) => problems.push(doc.problem(path, message));
  const set = (path: Array<string | number>, value: unknown, comment: string, fromCluster = false) =>
    settings.push({ path, value, comment, ...(fromCluster ? { fromCluster } : {}) });
  /** An integer field of the spec, or undefined (its KEDA default); bad values are located errors. */
  const integer: IntegerFn = (path, value, min, max = Number.MAX_SAFE_INTEGER) => {
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
  return { doc, problems, settings, notes: [], error, set, integer };
}

/** minReplicaCount and maxReplicaCount → min and max; returns the min read (undefined: the default 0). */
function mapReplicaCounts(m: Mapping, spec: Obj): number | undefined {
  const min = m.integer(['spec', 'minReplicaCount'], spec.minReplicaCount, 0);
  const max = m.integer(['spec', 'maxReplicaCount'], spec.maxReplicaCount, 1);
  if ((min ?? 0) > (max ?? 100)) {
    m.error(
      ['spec', 'maxReplicaCount'],
      `maxReplicaCount ${max ?? 100} is below minReplicaCount ${min ?? 0}`,
    );
  }
  m.set(
    ['min'],
    min ?? 0,
    min === undefined ? 'spec.minReplicaCount absent: KEDA default 0' : 'spec.minReplicaCount',
  );
  m.set(
    ['max'],
    max ?? 100,
    max === undefined ? 'spec.maxReplicaCount absent: KEDA default 100' : 'spec.maxReplicaCount',
  );
  return min;
}

/** pollingInterval and cooldownPeriod, and the cluster-wide settings a ScaledObject does not hold. */
function mapTimings(m: Mapping, spec: Obj, min: number | undefined): void {
  const polling = m.integer(['spec', 'pollingInterval'], spec.pollingInterval, 1);
  m.set(
    ['polling-interval'],
    `${polling ?? 30}s`,
    polling === undefined ? 'spec.pollingInterval absent: KEDA default 30' : 'spec.pollingInterval',
  );
  const cooldown = m.integer(['spec', 'cooldownPeriod'], spec.cooldownPeriod, 0);
  const cooldownSource =
    cooldown === undefined ? 'spec.cooldownPeriod absent: KEDA default 300' : 'spec.cooldownPeriod';
  // KEDA uses cooldownPeriod only to scale to 0; written with min >= 1 it would draw the scenario's warning.
  if ((min ?? 0) === 0) m.set(['cooldown'], `${cooldown ?? 300}s`, cooldownSource);
  else
    m.notes.push(
      `${cooldownSource} (${cooldown ?? 300}s) — no effect with minReplicaCount >= 1: KEDA uses it only to scale to 0`,
    );
  // Not in the ScaledObject: cluster-wide kube-controller-manager flags, and the pods' own start-up.
  m.set(
    ['sync-period'],
    '15s',
    'not in a ScaledObject: --horizontal-pod-autoscaler-sync-period (Kubernetes default)',
    true,
  );
  m.set(
    ['tolerance'],
    0.1,
    'not in a ScaledObject: --horizontal-pod-autoscaler-tolerance (Kubernetes default)',
    true,
  );
  m.set(
    ['startup-time'],
    '0s',
    "not in a ScaledObject: MEASURE your pods' time from scale-up to first message",
    true,
  );
}

/** Notes for the spec fields the scenario does not model, and warnings for misspelt ones. */
function noteUnmodelled(m: Mapping, spec: Obj): void {
  if (spec.initialCooldownPeriod !== undefined)
    m.notes.push(
      `spec.initialCooldownPeriod: ${JSON.stringify(spec.initialCooldownPeriod)} — not modelled (the run starts as if KEDA had just seen the metric active)`,
    );
  if (spec.idleReplicaCount !== undefined)
    m.notes.push(
      `spec.idleReplicaCount: ${JSON.stringify(spec.idleReplicaCount)} — not modelled (inactive pools go to 0, or stay at min)`,
    );
  if (spec.fallback !== undefined)
    m.notes.push('spec.fallback — not modelled (the simulated scaler never fails to read its metric)');
  // A misspelt field would otherwise vanish without a word (its default taken instead).
  for (const key of Object.keys(spec))
    if (!SPEC_FIELDS.includes(key))
      m.problems.push(
        m.doc.problem(
          ['spec', key],
          `unknown ScaledObject field '${key}': ignored (KEDA has ${SPEC_FIELDS.join(', ')})`,
          'warning',
        ),
      );
}

/** spec.advanced: notes for what is not modelled, and the HPA behavior mapped to autoscale.behavior. */
function mapAdvanced(m: Mapping, advanced: unknown): void {
  if (advanced !== undefined && !isObject(advanced)) m.error(['spec', 'advanced'], 'expected a mapping');
  if (!isObject(advanced)) return;
  if (advanced.restoreToOriginalReplicaCount !== undefined)
    m.notes.push(
      'spec.advanced.restoreToOriginalReplicaCount — not modelled (only matters when the ScaledObject is deleted)',
    );
  if (advanced.scalingModifiers !== undefined)
    m.notes.push(
      "spec.advanced.scalingModifiers — not modelled (the scenario scales on one trigger's metric)",
    );
  const hpa = advanced.horizontalPodAutoscalerConfig;
  if (hpa !== undefined && !isObject(hpa))
    m.error(['spec', 'advanced', 'horizontalPodAutoscalerConfig'], 'expected a mapping');
  if (!isObject(hpa) || hpa.behavior === undefined) return;
  const base = ['spec', 'advanced', 'horizontalPodAutoscalerConfig', 'behavior'];
  if (!isObject(hpa.behavior)) {
    m.error(base, 'expected a mapping with scaleUp and/or scaleDown');
    return;
  }
  for (const [key, direction] of [
    ['scaleUp', 'scale-up'],
    ['scaleDown', 'scale-down'],
  ] as const) {
    const rules = hpa.behavior[key];
    if (rules === undefined) continue;
    mapScalingRules([...base, key], rules, direction, m.set, m.integer, m.error, m.notes);
  }
  for (const key of Object.keys(hpa.behavior))
    if (key !== 'scaleUp' && key !== 'scaleDown')
      m.error([...base, key], `unknown behavior field '${key}' (HPA has scaleUp, scaleDown)`);
}

type SetFn = (path: Array<string | number>, value: unknown, comment: string) => void;
type IntegerFn = (path: Path, value: unknown, min: number, max?: number) => number | undefined;

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
