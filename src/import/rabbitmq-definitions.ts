/**
 * A RabbitMQ definitions export (`rabbitmqctl export_definitions`, the management UI's "Download broker
 * definitions") read for one virtual host: its queues, exchanges, bindings, policies and operator
 * policies, shape-checked, each with the JSON path it came from so problems can be located.
 */
import { ScenarioError, type ScenarioProblem, type Severity } from '../scenario/errors.js';
import type { Path } from '../scenario/positions.js';
import { isObject, type Obj } from './imported-setting.js';
import { readManifestDocuments } from './manifest-documents.js';

/** A queue of the vhost as exported. */
export interface RabbitQueue {
  name: string;
  arguments: Obj;
  /** `classic`, `quorum` or `stream` (x-queue-type, or the export's `type` field; classic by default). */
  queueType: string;
  path: Path;
}

/** An exchange of the vhost as exported (`type` fanout, direct, topic, headers, or a plugin's). */
export interface RabbitExchange {
  name: string;
  type: string;
  path: Path;
}

/** A binding: source exchange → queue or exchange, with its routing key (or pattern) and arguments. */
export interface RabbitBinding {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Obj;
  path: Path;
}

/** A policy or operator policy of the vhost. */
export interface RabbitPolicy {
  name: string;
  pattern: RegExp;
  applyTo: string;
  priority: number;
  definition: Obj;
  operator: boolean;
  path: Path;
}

/** The definitions of one vhost, with the means to place a problem in the file. */
export interface RabbitDefinitions {
  vhost: string;
  rabbitVersion: string | undefined;
  queues: RabbitQueue[];
  exchanges: RabbitExchange[];
  bindings: RabbitBinding[];
  policies: RabbitPolicy[];
  problem(path: Path, message: string, severity?: Severity): ScenarioProblem;
}

/** Parses the export and keeps what belongs to `vhost`; bad JSON, shapes or patterns throw located errors. */
export function readRabbitDefinitions(text: string, file: string, vhost: string): RabbitDefinitions {
  rejectNonJson(text, file);
  const [document] = readManifestDocuments(text, file);
  const data = document.data;
  const errors: ScenarioProblem[] = [];
  const fail = (path: Path, message: string) => errors.push(document.problem(path, message));
  if (!isObject(data)) {
    throw new ScenarioError([
      document.problem(
        [],
        'expected a RabbitMQ definitions export (a JSON object with queues, exchanges, bindings)',
      ),
    ]);
  }
  const vhosts = knownVhosts(data);
  if (vhosts.length > 0 && !vhosts.includes(vhost)) {
    fail(
      ['vhosts'],
      `no vhost '${vhost}' in this export; it has ${vhosts.map((v) => `'${v}'`).join(', ')} (choose with --vhost)`,
    );
    throw new ScenarioError(errors);
  }
  const read = <T>(key: string, each: (item: Obj, path: Path) => T | undefined): T[] =>
    listOf(data, key, fail).flatMap(({ item, path }) => {
      if (item.vhost !== undefined && item.vhost !== vhost) return [];
      const value = each(item, path);
      return value === undefined ? [] : [value];
    });
  const definitions: RabbitDefinitions = {
    vhost,
    rabbitVersion: typeof data.rabbit_version === 'string' ? data.rabbit_version : undefined,
    queues: read('queues', (item, path) => readQueue(item, path, fail)),
    exchanges: read('exchanges', (item, path) => readExchange(item, path, fail)),
    bindings: read('bindings', (item, path) => readBinding(item, path, fail)),
    policies: [
      ...read('policies', (item, path) => readPolicy(item, path, false, fail)),
      ...read('operator_policies', (item, path) => readPolicy(item, path, true, fail)),
    ],
    problem: document.problem,
  };
  if (errors.length > 0) throw new ScenarioError(errors);
  return definitions;
}

/** JSON.parse's verdict, located: the YAML reader would accept text that is no JSON. */
function rejectNonJson(text: string, file: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    const before = text.slice(0, offset).split('\n');
    throw new ScenarioError([
      {
        file,
        line: at ? before.length : 1,
        column: at ? before[before.length - 1].length + 1 : 1,
        path: '',
        message: `not JSON (a definitions export is JSON): ${message}`,
        severity: 'error',
      },
    ]);
  }
}

/** The vhost names the export declares ([] when it has no `vhosts` list, as a single-vhost export). */
function knownVhosts(data: Obj): string[] {
  if (!Array.isArray(data.vhosts)) return [];
  return data.vhosts.flatMap((v: unknown) => (isObject(v) && typeof v.name === 'string' ? [v.name] : []));
}

/** The objects of the list `key` (absent = none), each with its path; anything else is an error. */
function listOf(data: Obj, key: string, fail: (path: Path, message: string) => void) {
  const list = data[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    fail([key], `expected '${key}' to be a list`);
    return [];
  }
  return list.flatMap((item: unknown, index) => {
    if (isObject(item)) return [{ item, path: [key, index] as Path }];
    fail([key, index], `expected an object in '${key}'`);
    return [];
  });
}

/** A text field; a missing or non-text one is an error. */
function text(
  item: Obj,
  key: string,
  path: Path,
  fail: (path: Path, message: string) => void,
): string | undefined {
  const value = item[key];
  if (typeof value === 'string') return value;
  fail(value === undefined ? path : [...path, key], `expected '${key}' to be text`);
  return undefined;
}

/** An `arguments` object (absent = empty). */
function args(item: Obj, path: Path, fail: (path: Path, message: string) => void): Obj {
  if (item.arguments === undefined) return {};
  if (isObject(item.arguments)) return item.arguments;
  fail([...path, 'arguments'], "expected 'arguments' to be an object");
  return {};
}

function readQueue(
  item: Obj,
  path: Path,
  fail: (path: Path, message: string) => void,
): RabbitQueue | undefined {
  const name = text(item, 'name', path, fail);
  const queueArgs = args(item, path, fail);
  if (name === undefined) return undefined;
  const declared = queueArgs['x-queue-type'] ?? item.type;
  return { name, arguments: queueArgs, queueType: typeof declared === 'string' ? declared : 'classic', path };
}

function readExchange(
  item: Obj,
  path: Path,
  fail: (path: Path, message: string) => void,
): RabbitExchange | undefined {
  const name = text(item, 'name', path, fail);
  const type = text(item, 'type', path, fail);
  return name === undefined || type === undefined ? undefined : { name, type, path };
}

function readBinding(
  item: Obj,
  path: Path,
  fail: (path: Path, message: string) => void,
): RabbitBinding | undefined {
  const source = text(item, 'source', path, fail);
  const destination = text(item, 'destination', path, fail);
  const kind = item.destination_type;
  if (kind !== 'queue' && kind !== 'exchange') {
    fail([...path, 'destination_type'], "expected 'destination_type' to be queue or exchange");
    return undefined;
  }
  const routingKey = typeof item.routing_key === 'string' ? item.routing_key : '';
  const bindingArgs = args(item, path, fail);
  if (source === undefined || destination === undefined) return undefined;
  return { source, destination, destinationType: kind, routingKey, arguments: bindingArgs, path };
}

function readPolicy(
  item: Obj,
  path: Path,
  operator: boolean,
  fail: (path: Path, message: string) => void,
): RabbitPolicy | undefined {
  const name = text(item, 'name', path, fail);
  const source = text(item, 'pattern', path, fail);
  const priority = item.priority ?? 0;
  if (typeof priority !== 'number' || !Number.isInteger(priority))
    fail([...path, 'priority'], "expected 'priority' to be an integer");
  if (!isObject(item.definition)) fail([...path, 'definition'], "expected 'definition' to be an object");
  let pattern: RegExp | undefined;
  if (source !== undefined) {
    try {
      pattern = new RegExp(source);
    } catch (error) {
      fail(
        [...path, 'pattern'],
        `the pattern is not a valid regular expression: ${(error as Error).message}`,
      );
    }
  }
  if (
    name === undefined ||
    pattern === undefined ||
    typeof priority !== 'number' ||
    !isObject(item.definition)
  )
    return undefined;
  const applyTo = typeof item['apply-to'] === 'string' ? item['apply-to'] : 'all';
  return { name, pattern, applyTo, priority, definition: item.definition, operator, path };
}
