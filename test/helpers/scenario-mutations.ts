/**
 * Mutations of valid scenarios for fuzzing: the ways a hostile or careless user breaks a scenario file.
 * Object mutations pick a place in the generated scenario and put there a wrong type, nothing, an extreme
 * number (0, negative, NaN, ±Infinity, 1e308, huge sizes), a string with an unknown unit, a reference to
 * itself or to nothing, a deep nesting, a long string, an extra setting with an extreme value, or a
 * distribution with extreme parameters; text mutations flip, insert or delete bytes of the YAML (invalid
 * UTF-8 among them). Every case is a Buffer: the bytes of the scenario file.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { scenarioArbitrary, type GeneratedScenario } from './scenario-arbitrary.js';

type Raw = Record<string, unknown>;
type Path = Array<string | number>;

/** A mutated scenario file: what was done (for the shrunk counterexample) and the file's bytes. */
export interface MutatedScenario {
  mutations: string[];
  bytes: Buffer;
}

/** Numbers at and past the edges of what a field can mean. */
const EXTREME_NUMBERS = [
  0,
  -0,
  -1,
  -5,
  0.5,
  1e-300,
  5e-324,
  1e-9,
  1e9,
  1e12,
  2 ** 31,
  2 ** 53 + 1,
  1e308,
  -1e308,
  NaN,
  Infinity,
  -Infinity,
];

/** Strings that look like values: unknown units, odd spellings, numbers with units at the extremes. */
const ODD_STRINGS = [
  '',
  ' ',
  'abc',
  '5 parsecs',
  '10/fortnight',
  '1e308s',
  '1e308/s',
  '-5m',
  '1e9/s',
  '1e12s',
  '0s',
  '0/s',
  'NaN',
  'Infinity',
  '.inf',
  '1e400ms',
  '0x10',
  '10ms10ms',
  '3.5.2s',
  '5TB',
  '1e308GB',
  '∞',
  'q0',
  'p0',
  '\u0000',
  '\ud800',
];

/** Wrong types for any field. */
const WRONG_TYPES: unknown[] = [null, true, false, [], {}, [1, 2], { a: 1 }, 'x', 7, [[]]];

/** Settings a generated scenario never writes, with extreme values, to reach the limits and the rarer paths. */
const EXTRA_QUEUE_SETTINGS: Array<[string, unknown]> = [
  ['consumers', 1e9],
  ['consumers', 1_000_000],
  ['capacity', 1e12],
  ['capacity', 1e9],
  ['capacity-bytes', '1e308GB'],
  ['autoscale', { min: 1, max: 1e9, target: 10 }],
  ['autoscale', { min: 5, max: 2, target: 10 }],
  ['autoscale', { min: 0, max: 10, target: 0 }],
  ['partitions', 1e9],
  ['keys', { count: 1e9 }],
  ['keys', { count: 10, skew: 1e308 }],
  ['prefetch', 1e9],
  ['max-priority', 1e9],
  ['max-priority', 300],
  ['retry', { 'max-attempts': 1e9, backoff: 1e308, multiplier: 1e308 }],
  ['retry', { 'max-attempts': 3, backoff: 0.01, multiplier: 1e308, 'max-backoff': 1e308 }],
  ['timeout', 1e-300],
  ['ttl', 5e-324],
  ['then', 'q0'],
  ['dead-letter', 'q0'],
  ['then', 'nowhere'],
  ['failure', { probability: 1 }],
  ['overflow', 'block'],
];

const EXTRA_PRODUCER_SETTINGS: Array<[string, unknown]> = [
  ['message-size', { distribution: 'lognormal', mean: 1e300, cv: 1e308 }],
  ['message-size', { distribution: 'gamma', mean: '1e308GB', cv: 2 }],
  ['message-size', '5TB'],
  ['rate', 1e9],
  ['rate', 1e-300],
  ['batch', 1e9],
  ['batch', { distribution: 'uniform', min: 0, max: 1e308 }],
  ['types', { urgent: 1e308, bulk: 0 }],
  ['to', 'nowhere'],
  ['trace', { file: '/dev/null' }],
  ['arrival', { process: 'on-off', on: 1e-300, off: 1e308, 'rate-on': 1e308, 'rate-off': 0 }],
];

const EXTRA_TOP_SETTINGS: Array<[string, unknown]> = [
  ['duration', 1e12],
  ['duration', 1e-300],
  ['warmup', 1e12],
  ['seed', 1e308],
  ['seed', -1],
  ['replications', 1e9],
  ['batches', 1e9],
  ['max-backlog', 0],
  ['max-backlog', 1e308],
  ['message-types', { a: { priority: 1e9 } }],
  ['slo', [{ metric: 'p99-sojourn', queue: 'q0', max: '1e308s' }]],
  ['variants', [{ name: 'v', set: { 'queues.q0.consumers': 1e9 } }]],
];

/** Distribution mappings at and past what the samplers can handle. */
const huge = fc.constantFrom(1e308, 1e300, 1e200, 1e100, 1e30, 1e12);
const tiny = fc.constantFrom(5e-324, 1e-300, 1e-200, 1e-100, 1e-30, 1e-12);
const anyScale = fc.oneof(huge, tiny, fc.constantFrom(1, 0.05, 0, -1, NaN, Infinity));
const distributionArbitrary: fc.Arbitrary<Raw> = fc.oneof(
  anyScale.map((mean) => ({ distribution: 'exponential', mean })),
  anyScale.map((rate) => ({ distribution: 'exponential', rate })),
  anyScale.map((value) => ({ distribution: 'constant', value })),
  fc.tuple(anyScale, anyScale).map(([min, max]) => ({ distribution: 'uniform', min, max })),
  fc.tuple(anyScale, anyScale).map(([mean, sd]) => ({ distribution: 'normal', mean, sd })),
  fc.tuple(anyScale, anyScale).map(([mean, cv]) => ({ distribution: 'lognormal', mean, cv })),
  fc.tuple(anyScale, anyScale).map(([mean, cv]) => ({ distribution: 'gamma', mean, cv })),
  fc
    .tuple(fc.constantFrom(1, 2, 3, 4, 50, 1e6, 1e9, 1e308, 2 ** 53), anyScale)
    .map(([k, mean]) => ({ distribution: 'erlang', k, mean })),
  fc.tuple(anyScale, anyScale).map(([shape, scale]) => ({ distribution: 'weibull', shape, scale })),
  fc.array(anyScale, { maxLength: 4 }).map((values) => ({ distribution: 'empirical', values })),
);

/** Every place in `value` (containers and leaves), as paths from the root. */
function pathsOf(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...at, i], into));
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], into);
  return into;
}

/** The container at `path` without its last step, and that step. */
function parentOf(root: unknown, path: Path): { parent: Raw | unknown[]; key: string | number } | null {
  if (path.length === 0) return null;
  let node = root as Raw;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step] as Raw;
  return { parent: node, key: path[path.length - 1] };
}

/** Nested mappings `depth` deep. */
const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

type ObjectMutation = { name: string; apply: (root: Raw, pick: number) => void };

/** One mutation of the scenario object, applied in place at the place `pick` chooses. */
const objectMutationArbitrary: fc.Arbitrary<ObjectMutation> = fc.oneof(
  fc.constantFrom(...EXTREME_NUMBERS).map((n) => replaceAt(`number ${String(n)}`, n)),
  fc.constantFrom(...ODD_STRINGS).map((s) => replaceAt(`string ${JSON.stringify(s)}`, s)),
  fc.constantFrom(...WRONG_TYPES).map((v) => replaceAt(`wrong type ${JSON.stringify(v)}`, v)),
  distributionArbitrary.map((d) => replaceAt(`distribution ${JSON.stringify(d)}`, d)),
  fc.constantFrom(10, 100, 300).map((depth) => replaceAt(`nested ${depth}`, nested(depth))),
  fc.constantFrom(1000, 100_000).map((length) => replaceAt(`string of ${length}`, 'x'.repeat(length))),
  fc.constant<ObjectMutation>({
    name: 'delete',
    apply: (root, pick) => {
      const paths = pathsOf(root).filter((p) => p.length > 0);
      const target = parentOf(root, paths[pick % paths.length]);
      if (!target) return;
      if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
      else delete target.parent[target.key];
    },
  }),
  fc.constant<ObjectMutation>({
    name: 'duplicate list item',
    apply: (root, pick) => {
      const lists = pathsOf(root).filter((p) => Array.isArray(valueAt(root, p)));
      if (lists.length === 0) return;
      const list = valueAt(root, lists[pick % lists.length]) as unknown[];
      if (list.length > 0) list.push(structuredClone(list[pick % list.length]));
    },
  }),
  fc.constant<ObjectMutation>({
    name: 'self reference',
    apply: (root) => {
      const queues = root.queues as Raw[] | undefined;
      if (!Array.isArray(queues) || !queues[0] || typeof queues[0] !== 'object') return;
      queues[0].then = queues[0].name;
      queues[0]['dead-letter'] = queues[0].name;
    },
  }),
  fc.tuple(fc.constantFrom(...EXTRA_QUEUE_SETTINGS), fc.boolean()).map(([[key, value], onTop]) => ({
    name: `set ${onTop ? '' : 'queue '}${key}: ${JSON.stringify(value)}`,
    apply: (root: Raw) => {
      const queues = root.queues as Raw[] | undefined;
      const target = onTop || !Array.isArray(queues) ? null : queues[queues.length - 1];
      if (target && typeof target === 'object') target[key] = structuredClone(value);
    },
  })),
  fc.constantFrom(...EXTRA_PRODUCER_SETTINGS).map(([key, value]) => ({
    name: `set producer ${key}: ${JSON.stringify(value)}`,
    apply: (root: Raw) => {
      const producers = root.producers as Raw[] | undefined;
      const target = Array.isArray(producers) ? producers[0] : undefined;
      if (target && typeof target === 'object') target[key] = structuredClone(value);
    },
  })),
  fc.constantFrom(...EXTRA_TOP_SETTINGS).map(([key, value]) => ({
    name: `set ${key}: ${JSON.stringify(value)}`,
    apply: (root: Raw) => {
      root[key] = structuredClone(value);
    },
  })),
  fc.constantFrom('junk', 'servcie', 'consumer', '<<', 'name').map((key) => ({
    name: `unknown key ${key}`,
    apply: (root: Raw, pick: number) => {
      const maps = pathsOf(root).filter((p) => isMapping(valueAt(root, p)));
      (valueAt(root, maps[pick % maps.length]) as Raw)[key] = 'x';
    },
  })),
);

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  return node;
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function replaceAt(name: string, value: unknown): ObjectMutation {
  return {
    name: `replace with ${name}`,
    apply: (root, pick) => {
      const paths = pathsOf(root).filter((p) => p.length > 0);
      const target = parentOf(root, paths[pick % paths.length]);
      if (target) (target.parent as Record<string | number, unknown>)[target.key] = structuredClone(value);
    },
  };
}

type TextMutation = { name: string; apply: (bytes: Buffer, pick: number) => Buffer };

/** One mutation of the file's bytes at the position `pick` chooses. */
const textMutationArbitrary: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((byte) => ({
    name: `set byte to 0x${byte.toString(16)}`,
    apply: (bytes: Buffer, pick: number) => {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[pick % copy.length] = byte;
      return copy;
    },
  })),
  fc
    .constantFrom(
      '\xff\xfe',
      '\xc3',
      '\xed\xa0\x80',
      '\t',
      ': ',
      '- ',
      '&a ',
      '*a',
      '*nowhere',
      '!!binary ',
      '!!js/function ',
      '{',
      ']',
      "'",
      '"',
      '#',
      '\n',
      '\r',
      '\u2028',
      '\u0000',
      ' .nan',
      ' .inf',
      ' -.inf',
      '<<: *a\n',
      '---\n',
      '%YAML 1.1\n',
    )
    .map((insert) => ({
      name: `insert ${JSON.stringify(insert)}`,
      apply: (bytes: Buffer, pick: number) => {
        const at = bytes.length === 0 ? 0 : pick % bytes.length;
        const added = Buffer.from(insert, 'latin1');
        return Buffer.concat([bytes.subarray(0, at), added, bytes.subarray(at)]);
      },
    })),
  fc.constantFrom(100, 2000).map((depth) => ({
    name: `insert a flow list ${depth} deep`,
    apply: (bytes: Buffer, pick: number) => {
      const at = bytes.length === 0 ? 0 : pick % bytes.length;
      const deep = Buffer.from(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
      return Buffer.concat([bytes.subarray(0, at), deep, bytes.subarray(at)]);
    },
  })),
  fc.integer({ min: 1, max: 40 }).map((length) => ({
    name: `delete ${length} bytes`,
    apply: (bytes: Buffer, pick: number) => {
      const at = bytes.length === 0 ? 0 : pick % bytes.length;
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + length)]);
    },
  })),
  fc.constant<TextMutation>({
    name: 'truncate',
    apply: (bytes, pick) => bytes.subarray(0, bytes.length === 0 ? 0 : pick % bytes.length),
  }),
);

/** Mutated scenario files: 1–3 object mutations, then (sometimes) 1–2 byte mutations of the YAML. */
export function mutatedScenarioArbitrary(): fc.Arbitrary<MutatedScenario> {
  const picked = <T>(arbitrary: fc.Arbitrary<T>) => fc.tuple(arbitrary, fc.nat());
  return fc
    .record({
      scenario: scenarioArbitrary(),
      objectMutations: fc.array(picked(objectMutationArbitrary), { minLength: 0, maxLength: 3 }),
      textMutations: fc.oneof(
        { weight: 3, arbitrary: fc.constant<Array<[TextMutation, number]>>([]) },
        { weight: 1, arbitrary: fc.array(picked(textMutationArbitrary), { minLength: 1, maxLength: 2 }) },
      ),
    })
    .map(({ scenario, objectMutations, textMutations }) => mutate(scenario, objectMutations, textMutations));
}

function mutate(
  scenario: GeneratedScenario,
  objectMutations: Array<[ObjectMutation, number]>,
  textMutations: Array<[TextMutation, number]>,
): MutatedScenario {
  const root = structuredClone(scenario.raw) as unknown as Raw;
  const mutations: string[] = [];
  for (const [mutation, pick] of objectMutations) {
    mutation.apply(root, pick);
    mutations.push(mutation.name);
  }
  let bytes: Buffer = Buffer.from(stringify(root, { lineWidth: 0 }), 'utf8');
  for (const [mutation, pick] of textMutations) {
    bytes = mutation.apply(bytes, pick);
    mutations.push(`text: ${mutation.name}`);
  }
  return { mutations, bytes };
}
