/**
 * `queuesim import rabbitmq`: a definitions export (one vhost) → scenario YAML whose every value carries a
 * comment naming its source. What the definitions cannot say (publish rates, consumers, service times)
 * is written as a visible default marked "must be measured".
 */
import { ScenarioError, hasErrors, type ScenarioProblem } from '../scenario/errors.js';
import type { Path } from '../scenario/positions.js';
import { readRabbitDefinitions } from './rabbitmq-definitions.js';
import { queueSettings } from './rabbitmq-queue-settings.js';
import { NameMap, exampleKey, importExchanges, type ImportedExchange } from './rabbitmq-routing.js';
import { importQueues, type ImportedQueue } from './rabbitmq-queues.js';
import {
  measuredConsumers,
  measuredRate,
  readQueueMetrics,
  type MetricsInput,
  type QueueMetrics,
} from './rabbitmq-metrics.js';
import { renderCommented, type Commented } from './commented-yaml.js';

/** Defaults for what a definitions export does not hold; each is written with "must be measured". */
export const MEASURE = {
  rate: '10/s',
  consumers: 1,
  service: '10ms',
  messageSize: '1KB',
} as const;

/** The scenario text, and the problems (warnings) to print. */
export interface RabbitImport {
  text: string;
  warnings: ScenarioProblem[];
  notes: string[];
}

/**
 * Reads the export's vhost `vhost` and writes the scenario, with rates and consumers from `metrics` where it
 * has them; bad input throws a located ScenarioError.
 */
export function importRabbitmqDefinitions(
  text: string,
  file: string,
  vhost = '/',
  metricsInput?: MetricsInput,
): RabbitImport {
  const definitions = readRabbitDefinitions(text, file, vhost);
  const problems: ScenarioProblem[] = [];
  const settings = queueSettings(definitions, problems);
  if (hasErrors(problems)) throw new ScenarioError(problems.filter((p) => p.severity === 'error'));
  if (definitions.queues.length === 0) {
    throw new ScenarioError([
      definitions.problem(['queues'], `no queues in vhost '${vhost}': nothing to simulate`),
    ]);
  }
  const names = new NameMap();
  const notes: string[] = [];
  const queues = importQueues(definitions, settings, names, notes);
  const deadLetterExchanges = new Set(
    settings.flatMap((s) =>
      s.settings['dead-letter-exchange'] ? [String(s.settings['dead-letter-exchange'].value)] : [],
    ),
  );
  // An exchange only dead-lettered to is replaced by its queue (`dead-letter:`): nobody publishes to it.
  const exchanges = importExchanges(definitions, names, notes).filter((e) => {
    if (!deadLetterExchanges.has(e.source.name)) return true;
    notes.push(`exchange ${e.source.name}: a dead-letter exchange, written as its queue (dead-letter:)`);
    return false;
  });
  const metrics = metricsInput && readQueueMetrics(metricsInput, vhost, queues, problems, notes);
  if (metrics) applyConsumers(metrics, queues);
  const comments: Commented[] = [];
  const scheduled = metrics !== undefined && !metrics.input.peak;
  const scenario = {
    name: `rabbitmq-${vhost.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^-+$/, 'root')}`,
    description: `Imported from ${file}, vhost '${vhost}'${definitions.rabbitVersion ? `, RabbitMQ ${definitions.rabbitVersion}` : ''}.`,
    duration: scheduled ? `${metrics.window.seconds}s` : '10m',
    producers: producersFor(exchanges, queues, comments, metrics),
    ...(exchanges.length > 0 ? { exchanges: exchanges.map((e, i) => exchangeEntry(e, i, comments)) } : {}),
    queues: queues.map((q, i) => {
      q.comments.forEach((c) => comments.push({ path: ['queues', i, ...c.path], comment: c.comment }));
      return q.entry;
    }),
  };
  comments.push({
    path: ['duration'],
    comment: scheduled
      ? `the recorded window of ${metrics.input.file}, ${metrics.window.from} to ${metrics.window.to}`
      : 'simulated time to measure: choose',
  });
  const header = [
    `Imported by 'queuesim import rabbitmq' from ${file} (vhost '${vhost}').`,
    'Publish rates, consumers and service times are not in a definitions export: values marked',
    "'must be measured' are defaults to replace with measurements.",
    ...(metrics ? [`Rates and consumers named after a series come from ${metrics.input.file}.`] : []),
    ...notes.map((note) => `Not imported: ${note}`),
  ];
  return { text: renderCommented(scenario, comments, header), warnings: problems, notes };
}

/** Producers: one per exchange written, one per queue no exchange reaches (publishing via the default exchange). */
function producersFor(
  exchanges: ImportedExchange[],
  queues: ImportedQueue[],
  comments: Commented[],
  metrics: QueueMetrics | undefined,
) {
  const reached = new Set(exchanges.flatMap((e) => [...e.bindings.keys()]));
  const deadLetterQueues = new Set(
    queues.flatMap((q) => (q.entry['dead-letter'] ? [q.entry['dead-letter']] : [])),
  );
  const needsSize = queues.some((q) => q.entry['capacity-bytes'] !== undefined);
  const targets = [
    ...exchanges.map((e) => ({
      to: e.name,
      types: typesOf(e),
      via: `exchange ${e.source.name}`,
      reaches: [...e.bindings.keys()],
      whole: queuesReceivingAll(e),
    })),
    ...queues
      .filter((q) => !reached.has(q.entry.name) && !deadLetterQueues.has(q.entry.name))
      .map((q) => ({
        to: q.entry.name,
        types: undefined,
        via: `queue ${q.source.name} (default exchange)`,
        reaches: [q.entry.name],
        whole: [q.entry.name],
      })),
  ];
  return targets.map((target, i) => {
    const at = (key: string): Path => ['producers', i, key];
    comments.push({ path: at('name'), comment: `publishes to ${target.via}` });
    const measured = metrics && measuredRate(metrics, target.reaches, target.whole);
    comments.push({
      path: at('rate'),
      comment: measured?.comment ?? 'not in the definitions: must be measured',
    });
    if (target.types)
      comments.push({
        path: at('types'),
        comment: 'routing keys from the bindings, equal weights: the real mix must be measured',
      });
    if (needsSize)
      comments.push({
        path: at('message-size'),
        comment: 'a queue has x-max-length-bytes: message size must be measured',
      });
    return {
      name: `${target.to}-publisher`,
      to: target.to,
      rate: measured?.rate ?? MEASURE.rate,
      ...(target.types ? { types: Object.fromEntries(target.types.map((t) => [t, 1])) } : {}),
      ...(needsSize ? { 'message-size': MEASURE.messageSize } : {}),
    };
  });
}

/** Each queue's consumers from the metrics, where they have a count, with the comment naming the series. */
function applyConsumers(metrics: QueueMetrics, queues: ImportedQueue[]): void {
  for (const queue of queues) {
    const measured = measuredConsumers(metrics, queue.entry.name);
    if (measured === undefined) continue;
    queue.entry.consumers = measured.consumers;
    queue.comments = queue.comments.map((c) =>
      c.path.length === 1 && c.path[0] === 'consumers' ? { ...c, comment: measured.comment } : c,
    );
  }
}

/** The exchange's queues that receive every message its producer sends: its published rate is the producer's. */
function queuesReceivingAll(exchange: ImportedExchange): string[] {
  const bindings = [...exchange.bindings];
  if (exchange.type === 'fanout' || bindings.length === 1) return bindings.map(([queue]) => queue);
  if (exchange.type === 'topic')
    return bindings.filter(([, patterns]) => patterns.includes('#')).map(([q]) => q);
  const types = typesOf(exchange) ?? [];
  return bindings.filter(([, keys]) => types.every((t) => keys.includes(t))).map(([queue]) => queue);
}

/** The message types a producer to this exchange emits: the direct keys, or an example key per topic pattern. */
function typesOf(exchange: ImportedExchange): string[] | undefined {
  if (exchange.type === 'fanout') return undefined;
  const keys = [...exchange.bindings.values()].flat();
  return [...new Set(exchange.type === 'topic' ? keys.map(exampleKey) : keys)];
}

/** An exchange as the scenario writes it. */
function exchangeEntry(exchange: ImportedExchange, index: number, comments: Commented[]) {
  comments.push({
    path: ['exchanges', index, 'name'],
    comment: `${exchange.type} exchange ${exchange.source.name}`,
  });
  const to = [...exchange.bindings].map(([queue, keys]) => {
    if (exchange.type === 'fanout') return queue;
    return exchange.type === 'direct' ? { queue, types: keys } : { queue, patterns: keys };
  });
  return { name: exchange.name, type: exchange.type, to };
}
