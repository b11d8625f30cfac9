/**
 * A queue's effective settings as RabbitMQ computes them from its arguments, the policy that applies to it
 * and the operator policy that applies to it. Which policy applies: the matching one (pattern is a regular
 * expression tested against the queue name, `apply-to` covers the queue) of highest priority
 * (rabbitmq.com/docs/policies). How they combine: for length limits "the minimum of the two values"
 * (rabbitmq.com/docs/maxlength), for message TTL "the lower value of the two" (rabbitmq.com/docs/ttl),
 * with an operator policy the lower of the two numbers (rabbitmq.com/docs/policies, "Operator Policies";
 * rabbit_policies:merge_policy_value), and for the dead-letter exchange and routing key and for overflow
 * the queue argument wins over a policy (rabbitmq.com/docs/dlx).
 */
import type { ScenarioProblem } from '../scenario/errors.js';
import type { Path } from '../scenario/positions.js';
import type { RabbitDefinitions, RabbitPolicy, RabbitQueue } from './rabbitmq-definitions.js';

/** The settings queuesim maps, by policy key (the argument is `x-` + key). */
export const MAPPED_KEYS = [
  'max-length',
  'max-length-bytes',
  'overflow',
  'message-ttl',
  'dead-letter-exchange',
  'dead-letter-routing-key',
  'max-priority',
  'delivery-limit',
] as const;
export type MappedKey = (typeof MAPPED_KEYS)[number];

/** Keys where the lowest of argument, policy and operator policy applies. */
const LOWEST_WINS = new Set<MappedKey>(['max-length', 'max-length-bytes', 'message-ttl', 'delivery-limit']);

/** RabbitMQ queue arguments that exist but change nothing queuesim models (said in the header, no warning). */
const NOT_MODELLED_ARGUMENTS = new Set([
  'x-queue-type',
  'x-expires',
  'x-single-active-consumer',
  'x-queue-mode',
  'x-queue-version',
  'x-quorum-initial-group-size',
  'x-quorum-target-group-size',
  'x-queue-leader-locator',
  'x-queue-master-locator',
  'x-max-in-memory-length',
  'x-max-in-memory-bytes',
  'x-dead-letter-strategy',
  'x-max-age',
  'x-stream-max-segment-size-bytes',
  'x-stream-filter-size-bytes',
  'x-initial-cluster-size',
  'x-consumer-timeout',
]);

/** One effective setting and where it came from, in words for the YAML comment. */
export interface EffectiveSetting {
  value: number | string;
  source: string;
}

/** A queue with its effective settings. */
export interface QueueSettings {
  queue: RabbitQueue;
  settings: Partial<Record<MappedKey, EffectiveSetting>>;
  /** Arguments and policy keys that apply but are not modelled, for the comment. */
  notModelled: string[];
}

/** The policy of `operator` kind that applies to `queue`: matching, covering it, highest priority (first on a tie). */
export function policyFor(
  policies: readonly RabbitPolicy[],
  queue: RabbitQueue,
  operator: boolean,
): RabbitPolicy | undefined {
  const covering = policies.filter(
    (policy) =>
      policy.operator === operator && appliesTo(policy.applyTo, queue) && policy.pattern.test(queue.name),
  );
  return covering.reduce<RabbitPolicy | undefined>(
    (best, policy) => (best === undefined || policy.priority > best.priority ? policy : best),
    undefined,
  );
}

/** True when `apply-to` covers a queue of this type. */
function appliesTo(applyTo: string, queue: RabbitQueue): boolean {
  if (applyTo === 'all' || applyTo === 'queues') return true;
  if (applyTo === 'classic_queues') return queue.queueType === 'classic';
  if (applyTo === 'quorum_queues') return queue.queueType === 'quorum';
  if (applyTo === 'streams') return queue.queueType === 'stream';
  return false;
}

/** The effective settings of every queue; bad values are errors, unknown arguments warnings. */
export function queueSettings(definitions: RabbitDefinitions, problems: ScenarioProblem[]): QueueSettings[] {
  return definitions.queues.map((queue) => {
    const policy = policyFor(definitions.policies, queue, false);
    const operator = policyFor(definitions.policies, queue, true);
    const settings: QueueSettings['settings'] = {};
    for (const key of MAPPED_KEYS) {
      const candidates = [
        fromArgument(queue, key, definitions, problems),
        fromPolicy(policy, key, definitions, problems),
        fromPolicy(operator, key, definitions, problems),
      ].filter((c): c is EffectiveSetting => c !== undefined);
      const chosen = combine(key, candidates);
      // Only quorum queues count deliveries (rabbitmq.com/docs/quorum-queues); classic queues ignore the limit.
      if (chosen !== undefined && (key !== 'delivery-limit' || queue.queueType === 'quorum'))
        settings[key] = chosen;
    }
    const notModelled = [
      ...Object.keys(queue.arguments).filter(
        (name) => NOT_MODELLED_ARGUMENTS.has(name) && name !== 'x-queue-type',
      ),
      ...[policy, operator].flatMap((p) =>
        p === undefined
          ? []
          : Object.keys(p.definition)
              .filter((key) => !(MAPPED_KEYS as readonly string[]).includes(key))
              .map((key) => `${key} (${policyWords(p)})`),
      ),
    ];
    for (const name of Object.keys(queue.arguments)) {
      const known =
        NOT_MODELLED_ARGUMENTS.has(name) || (MAPPED_KEYS as readonly string[]).includes(name.slice(2));
      if (!known || !name.startsWith('x-')) {
        problems.push(
          definitions.problem(
            [...queue.path, 'arguments', name],
            `unknown queue argument '${name}': not imported`,
            'warning',
          ),
        );
      }
    }
    return { queue, settings, notModelled };
  });
}

/** The winner among argument, policy and operator policy values, with a source naming each that was set. */
function combine(key: MappedKey, candidates: EffectiveSetting[]): EffectiveSetting | undefined {
  if (candidates.length <= 1) return candidates[0];
  const others = (winner: EffectiveSetting) =>
    candidates
      .filter((c) => c !== winner)
      .map((c) => `${c.source} ${c.value}`)
      .join(', ');
  if (LOWEST_WINS.has(key)) {
    const lowest = candidates.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
    return { value: lowest.value, source: `${lowest.source}; the lowest applies (also ${others(lowest)})` };
  }
  // The queue argument (first when present) wins; between policies the operator policy cannot set these keys.
  const winner = candidates[0];
  return {
    value: winner.value,
    source: `${winner.source}; a queue argument wins over a policy (also ${others(winner)})`,
  };
}

function policyWords(policy: RabbitPolicy): string {
  return `${policy.operator ? 'operator policy' : 'policy'} '${policy.name}'`;
}

function fromArgument(
  queue: RabbitQueue,
  key: MappedKey,
  definitions: RabbitDefinitions,
  problems: ScenarioProblem[],
): EffectiveSetting | undefined {
  const name = `x-${key}`;
  if (!(name in queue.arguments)) return undefined;
  return checked(
    queue.arguments[name],
    key,
    [...queue.path, 'arguments', name],
    `argument ${name}`,
    definitions,
    problems,
  );
}

function fromPolicy(
  policy: RabbitPolicy | undefined,
  key: MappedKey,
  definitions: RabbitDefinitions,
  problems: ScenarioProblem[],
): EffectiveSetting | undefined {
  if (policy === undefined || !(key in policy.definition)) return undefined;
  return checked(
    policy.definition[key],
    key,
    [...policy.path, 'definition', key],
    `${policyWords(policy)} ${key}`,
    definitions,
    problems,
  );
}

/** The value if it is one RabbitMQ accepts for `key`; else a located error and undefined. */
function checked(
  value: unknown,
  key: MappedKey,
  path: Path,
  source: string,
  definitions: RabbitDefinitions,
  problems: ScenarioProblem[],
): EffectiveSetting | undefined {
  const bad = (expected: string) => {
    problems.push(definitions.problem(path, `expected ${expected} for ${key}, got ${JSON.stringify(value)}`));
    return undefined;
  };
  if (key === 'overflow') {
    return value === 'drop-head' || value === 'reject-publish' || value === 'reject-publish-dlx'
      ? { value, source }
      : bad('drop-head, reject-publish or reject-publish-dlx');
  }
  if (key === 'dead-letter-exchange' || key === 'dead-letter-routing-key') {
    return typeof value === 'string' ? { value, source } : bad('text');
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return bad('an integer >= 0');
  if (key === 'max-priority' && value > 255) return bad('an integer 0..255');
  return { value, source };
}
