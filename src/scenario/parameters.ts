/**
 * Parameters a sweep (or a plan) varies, addressed by dotted paths into the scenario: `queues.<name>.consumers`,
 * `queues.<name>.capacity`, `queues.<name>.prefetch`, `queues.<name>.ttl`, `queues.<name>.timeout`, an autoscaled
 * queue's `queues.<name>.autoscale.{min,max,target,polling-interval,sync-period,cooldown,startup-time}`,
 * `producers.<name>.rate` (a rate, or `x1.5`: a multiple of the written one) and `load` (a multiple of every
 * producer's rate); for a topic `queues.<name>.consumers`, `.partitions` and `.retention`. Values come as lists (`100,1000`), ranges (`1..16`, `x1..x3:0.5`) or both.
 */
import { weibullMean } from '../math/special-functions.js';
import { MAX_CONSUMERS, MAX_PARTITIONS, MAX_SWEEP_POINTS } from './limits.js';
import { COMMAND_LINE } from './overrides.js';
import { ScenarioError, type ScenarioProblem } from './errors.js';
import * as msg from './messages.js';
import { closestMatch } from './suggest.js';
import type { AutoscaleSpec, DistributionSpec, ProducerSpec, Scenario, VariantSpec } from './types.js';
import { parseDurationSeconds, parseRatePerSecond } from './units.js';

/** What a parameter's values are: integers, seconds, events per second, or multiples of the written rate. */
export type ParameterUnit = 'integer' | 'seconds' | 'perSecond' | 'multiplier';

/** One varied parameter and its values (in the unit: a count, seconds, per second or a factor). */
export interface Parameter {
  path: string;
  unit: ParameterUnit;
  values: number[];
}

interface FieldKind {
  unit: Exclude<ParameterUnit, 'multiplier'>;
  min: number;
  /** The documented limit (limits.ts), when the size has one. */
  max?: number;
  expected: string;
}
const QUEUE_FIELDS: Record<string, FieldKind> = {
  consumers: { unit: 'integer', min: 0, max: MAX_CONSUMERS, expected: 'an integer from 0 to 1,000,000' },
  capacity: { unit: 'integer', min: 0, expected: 'an integer >= 0' },
  prefetch: { unit: 'integer', min: 1, expected: 'an integer >= 1' },
  ttl: { unit: 'seconds', min: 0, expected: 'a duration > 0 like 250ms' },
  timeout: { unit: 'seconds', min: 0, expected: 'a duration > 0 like 30s' },
};

/** Settings of an autoscaled queue, as `queues.<name>.autoscale.<key>`, and their normalised names. */
const AUTOSCALE_FIELDS: Record<string, FieldKind & { key: keyof AutoscaleSpec }> = {
  min: {
    unit: 'integer',
    min: 0,
    max: MAX_CONSUMERS,
    expected: 'an integer from 0 to 1,000,000',
    key: 'min',
  },
  max: {
    unit: 'integer',
    min: 1,
    max: MAX_CONSUMERS,
    expected: 'an integer from 1 to 1,000,000',
    key: 'max',
  },
  target: { unit: 'integer', min: 1, expected: 'an integer >= 1', key: 'target' },
  'polling-interval': { unit: 'seconds', min: 0, expected: 'a duration > 0 like 30s', key: 'pollingSeconds' },
  'sync-period': { unit: 'seconds', min: 0, expected: 'a duration > 0 like 15s', key: 'syncSeconds' },
  cooldown: { unit: 'seconds', min: 0, expected: 'a duration > 0 like 5m', key: 'cooldownSeconds' },
  'startup-time': { unit: 'seconds', min: 0, expected: 'a duration > 0 like 45s', key: 'startupSeconds' },
};

/** What a topic (`partitions:`) lets a sweep vary: its consumers, partitions and retention. */
const TOPIC_FIELDS: Record<string, FieldKind> = {
  consumers: QUEUE_FIELDS.consumers,
  partitions: { unit: 'integer', min: 1, max: MAX_PARTITIONS, expected: 'an integer from 1 to 100,000' },
  retention: { unit: 'seconds', min: 0, expected: 'a duration > 0 like 1h' },
};

/**
 * Every path a scenario with these producers, queues and topics lets a sweep (or a variant) set;
 * `autoscaled` queues and topics also offer their autoscale settings.
 */
export function variablePathsOf(
  producers: readonly string[],
  queues: readonly string[],
  topics: readonly string[] = [],
  autoscaled: readonly string[] = [],
): string[] {
  return [
    'load',
    ...producers.map((producer) => `producers.${producer}.rate`),
    ...queues.flatMap((queue) =>
      Object.keys(topics.includes(queue) ? TOPIC_FIELDS : QUEUE_FIELDS).map(
        (field) => `queues.${queue}.${field}`,
      ),
    ),
    ...autoscaled.flatMap((queue) =>
      Object.keys(AUTOSCALE_FIELDS).map((field) => `queues.${queue}.autoscale.${field}`),
    ),
  ];
}

/** Every path `scenario` lets a sweep vary. */
export function variablePaths(scenario: Scenario): string[] {
  return variablePathsOf(
    scenario.producers.map((producer) => producer.name),
    scenario.queues.map((queue) => queue.name),
    scenario.queues.filter((queue) => queue.topic).map((queue) => queue.name),
    scenario.queues.filter((queue) => queue.autoscale).map((queue) => queue.name),
  );
}

/** The unit of a value written for `path` (a rate written `x1.5` is a multiplier), and what it expects. */
function unitFor(
  path: string,
  written: string,
): { unit: ParameterUnit; expected: string; min: number; max: number } {
  const target = parsePath(path);
  const field =
    target?.section !== 'queues'
      ? undefined
      : target.autoscale
        ? AUTOSCALE_FIELDS[target.field]
        : (QUEUE_FIELDS[target.field] ?? TOPIC_FIELDS[target.field]);
  const isRate = target?.section === 'load' || target?.section === 'producers';
  const unit: ParameterUnit =
    target?.section === 'load' || (isRate && written.trim().startsWith('x'))
      ? 'multiplier'
      : isRate
        ? 'perSecond'
        : (field?.unit ?? 'integer');
  const expected =
    unit === 'multiplier'
      ? 'a multiplier like x1.5'
      : unit === 'perSecond'
        ? 'a rate like 50/s, or a multiplier like x1.5'
        : (field?.expected ?? '');
  return { unit, expected, min: field?.min ?? 0, max: field?.max ?? Infinity };
}

/**
 * One value for a known `path` as a file writes it (`8`, `250ms`, `60/s`, `x1.5`): the value in the
 * parameter's unit, or what was expected instead.
 */
export function parseSetting(
  path: string,
  written: string | number,
): { unit: ParameterUnit; value: number } | { expected: string } {
  const text = String(written);
  const { unit, expected, min, max } = unitFor(path, text);
  const value = parseValue(unit, text);
  if (value === undefined || value < min || value > max || (unit !== 'integer' && value <= 0))
    return { expected };
  return { unit, value };
}

/** One written value in `unit`, or undefined. */
function parseValue(kind: ParameterUnit, written: string): number | undefined {
  const text = written.trim();
  if (kind === 'multiplier') {
    const factor = Number(text.replace(/^x/, ''));
    return Number.isFinite(factor) && factor > 0 && text !== '' ? factor : undefined;
  }
  if (kind === 'integer') return /^\d+$/.test(text) ? Number(text) : undefined;
  if (kind === 'seconds') return parseDurationSeconds(text);
  return parseRatePerSecond(text);
}

/** The values of one list item: a value, or a range `a..b` / `a..b:step` (step 1 by default). */
function expandItem(kind: ParameterUnit, item: string): number[] | undefined {
  const range = /^(.+?)\.\.(.+?)(?::(.+))?$/.exec(item.trim());
  if (!range) {
    const value = parseValue(kind, item);
    return value === undefined ? undefined : [value];
  }
  const from = parseValue(kind, range[1]);
  const to = parseValue(kind, range[2]);
  const step = range[3] === undefined ? 1 : parseValue(kind === 'multiplier' ? kind : kind, range[3]);
  if (from === undefined || to === undefined || step === undefined || step <= 0 || to < from)
    return undefined;
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 10_000) return undefined;
  // Rounded so 0.1-steps give 0.3, not 0.30000000000000004.
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

/** The parameter a `--vary path=values` names; throws ScenarioError (exit 2) with every problem. */
export function parseParameters(scenario: Scenario, specs: readonly string[]): Parameter[] {
  const problems: ScenarioProblem[] = [];
  const reject = (message: string) =>
    problems.push({ file: COMMAND_LINE, line: 0, column: 0, path: '--vary', message, severity: 'error' });
  const paths = variablePaths(scenario);
  const parameters: Parameter[] = [];
  for (const spec of specs) {
    const equals = spec.indexOf('=');
    if (equals <= 0) {
      reject(msg.expectedVary(spec));
      continue;
    }
    const path = spec.slice(0, equals).trim();
    const written = spec.slice(equals + 1);
    if (!paths.includes(path)) {
      reject(msg.varyPathUnknown(path, paths, closestMatch(path, paths)));
      continue;
    }
    if (parameters.some((parameter) => parameter.path === path)) {
      reject(msg.varyPathTwice(path));
      continue;
    }
    const { unit, expected, min, max } = unitFor(path, written);
    const values: number[] = [];
    for (const item of written.split(',')) {
      const expanded = expandItem(unit, item);
      const bad = expanded?.find((value) => value < min || value > max || (unit !== 'integer' && value <= 0));
      if (expanded === undefined || bad !== undefined)
        reject(msg.varyValueInvalid(path, item.trim(), expected));
      else values.push(...expanded);
    }
    parameters.push({ path, unit, values: [...new Set(values)] });
  }
  const points = parameters.reduce((product, parameter) => product * parameter.values.length, 1);
  if (points > MAX_SWEEP_POINTS)
    reject(msg.aboveLimit(points, MAX_SWEEP_POINTS, msg.LIMIT_REASONS.sweepPoints));
  if (problems.length > 0) throw new ScenarioError(problems);
  return parameters;
}

/** The distribution of `spec` with every time multiplied by `factor` (its rate divided by it). */
export function scaleDistribution(spec: DistributionSpec, factor: number): DistributionSpec {
  switch (spec.kind) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return { ...spec, mean: spec.mean * factor };
    case 'constant':
      return { ...spec, value: spec.value * factor };
    case 'uniform':
      return { ...spec, min: spec.min * factor, max: spec.max * factor };
    case 'normal':
      return { ...spec, mean: spec.mean * factor, sd: spec.sd * factor };
    case 'weibull':
      return { ...spec, scale: spec.scale * factor };
    case 'empirical':
      return { ...spec, values: spec.values.map((value) => value * factor) };
  }
}

/** Mean of a distribution (for replacing a rate, which keeps the interarrival's shape). */
function meanOf(spec: DistributionSpec): number {
  switch (spec.kind) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'weibull':
      return weibullMean(spec.shape, spec.scale);
    case 'empirical':
      return spec.values.reduce((sum, value) => sum + value, 0) / spec.values.length;
    default:
      return spec.mean;
  }
}

/**
 * `producer` with its times between arrivals multiplied by `factor`: its rate (every rate of a schedule,
 * both rates of an on-off source, whose bursts keep their length) divided by it; a trace is replayed
 * faster (its speedup divided by `factor`), so a rate set for it becomes its mean rate. Batch sizes stay.
 */
function scaleProducer(producer: ProducerSpec, factor: number): ProducerSpec {
  const scaled = { ...producer, interarrival: scaleDistribution(producer.interarrival, factor) };
  if (producer.onOff !== undefined) {
    const { rateOnPerSecond, rateOffPerSecond } = producer.onOff;
    const onOff = {
      ...producer.onOff,
      rateOnPerSecond: rateOnPerSecond / factor,
      rateOffPerSecond: rateOffPerSecond / factor,
    };
    return { ...scaled, onOff };
  }
  if (producer.trace !== undefined) {
    return { ...scaled, trace: { ...producer.trace, speedup: producer.trace.speedup / factor } };
  }
  if (producer.schedule === undefined) return scaled;
  const ratesPerSecond = producer.schedule.ratesPerSecond.map((rate) => rate / factor);
  return { ...scaled, schedule: { ...producer.schedule, ratesPerSecond } };
}

/** What a parameter path names: `load`, a producer's rate, or a queue's (or its autoscaler's) field. */
export type ParameterTarget =
  | { section: 'load' }
  | { section: 'producers'; name: string; field: 'rate' }
  | { section: 'queues'; name: string; field: string; autoscale: boolean };

/**
 * The parts of `path`, found by its known field at the end rather than by splitting on every dot, so a
 * name that contains dots (`queues.orders.v2.consumers`) stays whole; undefined when no field fits. The
 * field sets are disjoint (an autoscale key is never a queue key), so the split is unambiguous.
 */
export function parsePath(path: string): ParameterTarget | undefined {
  if (path === 'load') return { section: 'load' };
  const producer = /^producers\.(.+)\.rate$/.exec(path);
  if (producer) return { section: 'producers', name: producer[1], field: 'rate' };
  const autoscaled = /^queues\.(.+)\.autoscale\.([a-z-]+)$/.exec(path);
  if (autoscaled && Object.hasOwn(AUTOSCALE_FIELDS, autoscaled[2])) {
    return { section: 'queues', name: autoscaled[1], field: autoscaled[2], autoscale: true };
  }
  const queue = /^queues\.(.+)\.([a-z-]+)$/.exec(path);
  if (queue && (Object.hasOwn(QUEUE_FIELDS, queue[2]) || Object.hasOwn(TOPIC_FIELDS, queue[2]))) {
    return { section: 'queues', name: queue[1], field: queue[2], autoscale: false };
  }
  return undefined;
}

/** The queue a path sizes (`queues.orders.v2.consumers` → `orders.v2`), or null for load and rates. */
export function queueOfPath(path: string): string | null {
  const target = parsePath(path);
  return target?.section === 'queues' ? target.name : null;
}

/** The path's target if it names a declared producer or queue with that setting; throws ScenarioError (exit 2) if not. */
function declaredTarget(scenario: Scenario, path: string): ParameterTarget {
  const target = parsePath(path);
  const known = variablePaths(scenario);
  if (target !== undefined && known.includes(path)) return target;
  throw new ScenarioError([
    {
      file: COMMAND_LINE,
      line: 0,
      column: 0,
      path,
      message: msg.varyPathUnknown(path, known, closestMatch(path, known)),
      severity: 'error',
    },
  ]);
}

/**
 * A copy of `scenario` with `path` set to `value` (in the parameter's unit). A path that names nothing in
 * the scenario throws ScenarioError (exit 2); callers validate first, so this guards the internal uses.
 */
export function applyParameter(
  scenario: Scenario,
  parameter: Pick<Parameter, 'path' | 'unit'>,
  value: number,
): Scenario {
  const target = declaredTarget(scenario, parameter.path);
  if (target.section === 'load') {
    return {
      ...scenario,
      producers: scenario.producers.map((producer) => scaleProducer(producer, 1 / value)),
    };
  }
  if (target.section === 'producers') {
    return {
      ...scenario,
      producers: scenario.producers.map((producer) => {
        if (producer.name !== target.name) return producer;
        const factor =
          parameter.unit === 'multiplier' ? 1 / value : 1 / (value * meanOf(producer.interarrival));
        return scaleProducer(producer, factor);
      }),
    };
  }
  const { name, field } = target;
  if (target.autoscale) return withAutoscaleSetting(scenario, name, field, value);
  if (field === 'partitions' || field === 'retention') {
    const topicKey = field === 'partitions' ? 'partitions' : 'retentionSeconds';
    return {
      ...scenario,
      queues: scenario.queues.map((queue) =>
        queue.name === name && queue.topic
          ? { ...queue, topic: { ...queue.topic, [topicKey]: value } }
          : queue,
      ),
    };
  }
  const key = (
    {
      consumers: 'consumers',
      capacity: 'capacity',
      prefetch: 'prefetch',
      ttl: 'ttlSeconds',
      timeout: 'timeoutSeconds',
    } as Record<string, string>
  )[field];
  return {
    ...scenario,
    queues: scenario.queues.map((queue) => (queue.name === name ? { ...queue, [key]: value } : queue)),
  };
}

/**
 * `scenario` with one autoscale setting of queue `name` changed. The range stays ordered (a min above the
 * max raises the max, and the other way round) and the starting count is kept within it.
 */
function withAutoscaleSetting(scenario: Scenario, name: string, field: string, value: number): Scenario {
  const setting = AUTOSCALE_FIELDS[field];
  return {
    ...scenario,
    queues: scenario.queues.map((queue) => {
      if (queue.name !== name || !queue.autoscale || !setting) return queue;
      const autoscale = { ...queue.autoscale, [setting.key]: value };
      if (setting.key === 'min') autoscale.max = Math.max(autoscale.max, value);
      if (setting.key === 'max') autoscale.min = Math.min(autoscale.min, value);
      const consumers = Math.min(autoscale.max, Math.max(autoscale.min, queue.consumers));
      return { ...queue, autoscale, consumers };
    }),
  };
}

/** The scenario a variant describes: every setting applied, named after the variant, without variants. */
export function applyVariant(scenario: Scenario, variant: VariantSpec): Scenario {
  const { variants: _variants, ...base } = scenario;
  return variant.settings.reduce<Scenario>(
    (current, setting) => applyParameter(current, setting, setting.value),
    { ...base, name: variant.name },
  );
}

/** The scenario followed by each of its variants, in the order written (what `compare` runs). */
export function withVariants(scenario: Scenario): Scenario[] {
  const { variants, ...base } = scenario;
  return [base, ...(variants ?? []).map((variant) => applyVariant(scenario, variant))];
}
