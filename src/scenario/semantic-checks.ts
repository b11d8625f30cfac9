/**
 * Rules about how the parts of a scenario relate (names, references, consumers and service). Each rule is
 * a small function returning path-tagged problems. They read the data leniently, skipping whatever the
 * schema already rejects, so one run reports schema errors and relation errors together.
 */
import { distributionSchema } from './distribution-schema.js';
import { NAME_PATTERN } from './fields.js';
import * as msg from './messages.js';
import { defaultConsumers, isAlwaysZero, normaliseDistribution } from './normalise.js';
import { formatPath, type PathProblem } from './positions.js';
import { checkStatistics } from './statistics-checks.js';
import { closestMatch } from './suggest.js';

/** One entry of `producers` or `queues`, as written. */
interface Entry {
  index: number;
  fields: Record<string, unknown>;
  /** The entry's name when it is a valid one, else undefined (the schema reports it). */
  name: string | undefined;
  /** How messages refer to the entry: its name, or its path when it has no valid name. */
  label: string;
}

/** The parts of the scenario the rules look at. */
interface ScenarioView {
  producers: Entry[];
  queues: Entry[];
  /** False when `queues` is not a list, so references into it cannot be judged. */
  queuesReadable: boolean;
}

type Rule = (view: ScenarioView) => PathProblem[];

const NAME_RE = new RegExp(NAME_PATTERN);

/** A valid name or undefined. */
function asName(value: unknown): string | undefined {
  return typeof value === 'string' && NAME_RE.test(value) ? value : undefined;
}

/** The mappings in a list section, each with its index; anything else is skipped. */
function entries(data: unknown, section: 'producers' | 'queues'): Entry[] {
  const list = isRecord(data) ? data[section] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => {
    if (!isRecord(item)) return [];
    const name = asName(item.name);
    return [{ index, fields: item, name, label: name ?? formatPath([section, index]) }];
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const error = (path: PathProblem['path'], message: string): PathProblem => ({
  path,
  message,
  severity: 'error',
});
const warning = (path: PathProblem['path'], message: string): PathProblem => ({
  path,
  message,
  severity: 'warning',
});

/** Names are unique within one section; the second use is the error. */
const uniqueNames =
  (section: 'producers' | 'queues', kind: string): Rule =>
  (view) => {
    const firstUse = new Map<string, number>();
    return view[section].flatMap((entry) => {
      if (entry.name === undefined) return [];
      const first = firstUse.get(entry.name);
      if (first === undefined) {
        firstUse.set(entry.name, entry.index);
        return [];
      }
      const firstPath = formatPath([section, first]);
      return [error([section, entry.index, 'name'], msg.duplicateName(kind, entry.name, firstPath))];
    });
  };

/** A producer has exactly one arrival process: `rate` or `interarrival`. */
const oneArrivalProcess: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const hasRate = producer.fields.rate !== undefined;
    const hasInterarrival = producer.fields.interarrival !== undefined;
    if (hasRate && hasInterarrival) {
      return [
        error(['producers', producer.index, 'interarrival'], msg.producerHasBothArrivals(producer.label)),
      ];
    }
    if (!hasRate && !hasInterarrival) {
      return [error(['producers', producer.index], msg.producerNeedsArrivals(producer.label))];
    }
    return [];
  });

/** An interarrival time that is always 0 would flood the calendar at one instant. */
const interarrivalAdvancesTime: Rule = (view) =>
  view.producers.flatMap((producer) => {
    const parsed = distributionSchema.safeParse(producer.fields.interarrival);
    if (producer.fields.interarrival === undefined || !parsed.success) return [];
    if (!isAlwaysZero(normaliseDistribution(parsed.data))) return [];
    return [error(['producers', producer.index, 'interarrival'], msg.interarrivalAlwaysZero(producer.label))];
  });

/** A producer's `to` names an existing queue. */
const producerTargetsExist: Rule = (view) => {
  if (!view.queuesReadable) return [];
  const queueNames = view.queues.flatMap((queue) => (queue.name === undefined ? [] : [queue.name]));
  return view.producers.flatMap((producer) => {
    const target = asName(producer.fields.to);
    if (target === undefined || queueNames.includes(target)) return [];
    const suggestion = closestMatch(target, queueNames);
    return [error(['producers', producer.index, 'to'], msg.unknownQueue(producer.label, target, suggestion))];
  });
};

/** Consumers need a service time to work with. */
const consumersNeedService: Rule = (view) =>
  view.queues.flatMap((queue) => {
    const { consumers, service } = queue.fields;
    if (typeof consumers !== 'number' || consumers <= 0 || service !== undefined) return [];
    return [error(['queues', queue.index, 'consumers'], msg.consumersNeedService(queue.label, consumers))];
  });

/** A service time with `consumers: 0` is never used. */
const serviceWithoutConsumers: Rule = (view) =>
  view.queues.flatMap((queue) => {
    if (queue.fields.consumers !== 0 || queue.fields.service === undefined) return [];
    return [warning(['queues', queue.index, 'service'], msg.serviceIgnored(queue.label))];
  });

/**
 * A fed queue with no consumers only because `service` was left out is most likely a forgotten key;
 * an explicit `consumers: 0` says it is meant.
 */
const fedQueuesAreConsumed: Rule = (view) => {
  const fed = new Set(view.producers.map((producer) => producer.fields.to));
  return view.queues.flatMap((queue) => {
    if (queue.name === undefined || !fed.has(queue.name)) return [];
    if (queue.fields.consumers !== undefined || defaultConsumers(queue.fields) > 0) return [];
    return [warning(['queues', queue.index], msg.queueNeverConsumed(queue.label))];
  });
};

/**
 * A queue nobody sends to is probably a leftover. Skipped while some producer's `to` is broken: that error
 * already explains the unfed queue.
 */
const queuesAreFed: Rule = (view) => {
  const fed = new Set(view.producers.map((producer) => producer.fields.to));
  const queueNames = new Set(view.queues.map((queue) => queue.name));
  if ([...fed].some((target) => !queueNames.has(target as string))) return [];
  return view.queues.flatMap((queue) =>
    queue.name === undefined || fed.has(queue.name)
      ? []
      : [warning(['queues', queue.index, 'name'], msg.queueNeverFed(queue.label))],
  );
};

/** Every rule, in the order their problems are reported for the same place. */
export const SEMANTIC_RULES: readonly Rule[] = [
  uniqueNames('producers', 'producer'),
  uniqueNames('queues', 'queue'),
  oneArrivalProcess,
  interarrivalAdvancesTime,
  producerTargetsExist,
  consumersNeedService,
  serviceWithoutConsumers,
  fedQueuesAreConsumed,
  queuesAreFed,
];

/** Runs every semantic rule over the (possibly invalid) data of a scenario file. */
export function checkSemantics(data: unknown): PathProblem[] {
  const queuesList = isRecord(data) ? data.queues : undefined;
  const view: ScenarioView = {
    producers: entries(data, 'producers'),
    queues: entries(data, 'queues'),
    queuesReadable: Array.isArray(queuesList),
  };
  return [...SEMANTIC_RULES.flatMap((rule) => rule(view)), ...checkStatistics(data)];
}
