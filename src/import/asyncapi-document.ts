/**
 * Reads an AsyncAPI document with the official parser (@asyncapi/parser, loaded only here: it is large and
 * slow to load) and reduces it to the plain data `mapAsyncApi` maps. Parser diagnostics of severity error
 * become located problems (their ranges are 0-based; ours are 1-based), warnings are printed, and information
 * and hints are not. The parser's "recommended" ruleset is left out: its rules are documentation style (an
 * info contact and license, message ids, tags), nothing an import reads, and would bury real warnings.
 */
import { ScenarioError, type ScenarioProblem } from '../scenario/errors.js';
import type { ApiChannel, ApiDocument, ApiOperation } from './asyncapi-model.js';
import { isObject, type Obj } from './imported-setting.js';
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';

/** The parsed document, or a ScenarioError listing the parser's errors and the warnings to print. */
export async function readAsyncApi(
  text: string,
  file: string,
): Promise<{ api: ApiDocument; warnings: ScenarioProblem[] }> {
  const { Parser, DiagnosticSeverity } = await import('@asyncapi/parser');
  const parser = new Parser({ ruleset: { recommended: false } });
  const { document, diagnostics } = await parser.parse(text, { source: file });
  const located = (severity: 'error' | 'warning') => (d: (typeof diagnostics)[number]) => ({
    file,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    path: d.path.join('.'),
    message: `${d.message} (${d.code})`,
    severity,
  });
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map(located('error'));
  if (errors.length > 0 || document === undefined) {
    throw new ScenarioError(
      errors.length > 0
        ? errors
        : [{ file, line: 1, column: 1, path: '', message: 'not an AsyncAPI document', severity: 'error' }],
    );
  }
  const warnings = diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Warning)
    .map(located('warning'));
  const v3 = document.version().startsWith('3.');
  const channels = document.channels().all().map(channelOf);
  const operations = document
    .operations()
    .all()
    .flatMap((op) => operationOf(op, v3));
  return {
    api: { version: document.version(), title: document.info().title(), channels, operations },
    warnings,
  };
}

type ParsedChannel = ReturnType<ReturnType<AsyncAPIDocumentInterface['channels']>['all']>[number];
type ParsedOperation = ReturnType<ReturnType<AsyncAPIDocumentInterface['operations']>['all']>[number];

/** A channel with its AMQP and Kafka channel bindings. */
function channelOf(channel: ParsedChannel): ApiChannel {
  const amqp = channel.bindings().get('amqp')?.value() as Obj | undefined;
  const kafka = channel.bindings().get('kafka')?.value() as Obj | undefined;
  const config = isObject(kafka?.topicConfiguration) ? kafka.topicConfiguration : {};
  const exchange = isObject(amqp?.exchange) ? amqp.exchange : undefined;
  const queue = isObject(amqp?.queue) ? amqp.queue : undefined;
  return {
    id: channel.id(),
    address: channel.address() ?? channel.id(),
    messages: channel
      .messages()
      .all()
      .map((m) => m.name() ?? m.id()),
    ...(amqp
      ? {
          amqp: {
            is: amqp.is === 'queue' ? ('queue' as const) : ('routingKey' as const),
            ...(exchange && typeof exchange.name === 'string'
              ? { exchange: { name: exchange.name, type: String(exchange.type ?? 'direct') } }
              : {}),
            ...(queue && typeof queue.name === 'string' ? { queue: { name: queue.name } } : {}),
          },
        }
      : {}),
    ...(kafka
      ? {
          kafka: {
            ...(typeof kafka.topic === 'string' ? { topic: kafka.topic } : {}),
            ...(typeof kafka.partitions === 'number' ? { partitions: kafka.partitions } : {}),
            ...(typeof config['retention.ms'] === 'number' ? { retentionMs: config['retention.ms'] } : {}),
          },
        }
      : {}),
    path: ['channels', channel.id()],
  };
}

/** A send or receive operation: its channel, application (first tag) and Kafka consumer group. */
function operationOf(op: ParsedOperation, v3: boolean): ApiOperation[] {
  const channel = op.channels().all()[0];
  if (channel === undefined) return [];
  const kafka = op.bindings().get('kafka')?.value() as Obj | undefined;
  const group = isObject(kafka?.groupId) ? kafka.groupId : undefined;
  const groupId = group?.const ?? (Array.isArray(group?.enum) ? group.enum[0] : undefined) ?? group?.default;
  const tag = op.tags().all()[0]?.name();
  const action = op.isSend() ? ('send' as const) : ('receive' as const);
  // A 2.x operation without operationId has no id: name it by its channel and action.
  const id = op.id() ?? `${channel.id()}.${action}`;
  return [
    {
      id,
      action,
      channel: channel.id(),
      application: tag ?? id,
      ...(typeof groupId === 'string' ? { groupId } : {}),
      path: v3 ? ['operations', id] : ['channels', channel.id()],
    },
  ];
}
