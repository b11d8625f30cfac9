import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mapAsyncApi, routingKeyMatches, type ApiDocument } from '../../src/import/asyncapi-model.js';
import { readAsyncApi } from '../../src/import/asyncapi-document.js';
import { importAsyncApi } from '../../src/import/asyncapi-scenario.js';
import { parseScenario, ScenarioError } from '../../src/scenario/index.js';

const ORDERS = 'scenarios/imports/asyncapi-orders.yaml';
const NOTIFICATIONS = 'scenarios/imports/asyncapi-2-notifications.yaml';

/** The shipped document as written, through the official parser. */
const imported = (file: string) => importAsyncApi(readFileSync(file, 'utf8'), file);

describe('import asyncapi: the shipped AsyncAPI 3.0 document', () => {
  it('maps every channel, binding and operation to the scenario, and the scenario validates', async () => {
    const { text } = await imported(ORDERS);
    expect(parseScenario(text, 'orders.yaml').warnings).toEqual([]);
    const scenario = parse(text);
    expect(scenario.producers).toEqual([
      { name: 'checkout.placeOrder', to: 'orders', rate: '10/s', types: { 'order.placed': 1 } },
      { name: 'checkout.cancelOrder', to: 'orders', rate: '10/s', types: { 'order.cancelled': 1 } },
      { name: 'billing.capturePayment', to: 'payments.v1', rate: '10/s' },
    ]);
    expect(scenario.exchanges).toEqual([
      {
        name: 'orders',
        type: 'topic',
        to: [{ queue: 'billing', patterns: ['order.placed', 'order.cancelled'] }],
      },
      { name: 'payments.v1', type: 'fanout', to: ['payments.v1.ledger', 'payments.v1.fraud-check'] },
    ]);
    expect(scenario.queues).toEqual([
      { name: 'billing', consumers: 1, service: '10ms' },
      { name: 'payments.v1.ledger', partitions: 12, retention: '168h', consumers: 1, service: '10ms' },
      { name: 'payments.v1.fraud-check', partitions: 12, retention: '168h', consumers: 1, service: '10ms' },
    ]);
  });

  it('names the source of every value in a comment, and marks the defaults to measure', async () => {
    const { text } = await imported(ORDERS);
    expect(text).toContain('rate: 10/s # measure: the publish rate (not in the document)');
    expect(text).toContain('partitions: 12 # kafka binding partitions');
    expect(text).toContain('retention: 168h # kafka binding topicConfiguration retention.ms');
    expect(text).toContain(
      '- name: orders # topic exchange orders (channel orderPlaced, amqp binding exchange)',
    );
    expect(text).toMatch(/consumers: 1 # received by ledger \(operation recordPayment\); measure:/);
  });
});

describe('import asyncapi: AsyncAPI 2.6', () => {
  it('reads publish/subscribe as receive/send and binds the queue where its message is sent', async () => {
    const scenario = parse((await imported(NOTIFICATIONS)).text);
    expect(scenario.producers).toEqual([
      { name: 'signUp.signUp', to: 'users', rate: '10/s', types: { 'user.signedup': 1 } },
    ]);
    expect(scenario.exchanges).toEqual([
      { name: 'users', type: 'direct', to: [{ queue: 'welcome-email', types: ['user.signedup'] }] },
    ]);
    expect(scenario.queues).toEqual([{ name: 'welcome-email', consumers: 1, service: '10ms' }]);
  });
});

describe('import asyncapi: the mapping', () => {
  const api = (overrides: Partial<ApiDocument>): ApiDocument => ({
    version: '3.0.0',
    title: 'T',
    channels: [],
    operations: [],
    ...overrides,
  });

  it('gives a receiver of a routing key its own queue, and a topic without partitions Kafka’s default of 1', () => {
    const { scenario, notes } = mapAsyncApi(
      api({
        channels: [
          {
            id: 'c',
            address: 'a.b',
            messages: [],
            amqp: { is: 'routingKey', exchange: { name: 'ex', type: 'direct' } },
            path: [],
          },
          { id: 'k', address: 'events', messages: [], kafka: {}, path: [] },
          {
            id: 'h',
            address: 'x',
            messages: [],
            amqp: { is: 'routingKey', exchange: { name: 'hx', type: 'headers' } },
            path: [],
          },
        ],
        operations: [{ id: 'r', action: 'receive', channel: 'c', application: 'audit', path: [] }],
      }),
      'f.yaml',
    );
    expect(scenario.exchanges).toEqual([
      { name: 'ex', type: 'direct', to: [{ queue: 'ex.audit', types: ['a.b'] }] },
    ]);
    expect(scenario.queues).toEqual([
      { name: 'ex.audit', consumers: 1, service: '10ms' },
      { name: 'events', partitions: 1 },
    ]);
    expect(notes).toEqual(['channel h: a headers exchange (messages carry no headers)']);
  });

  it('says what each queue and producer is on the broker, for --metrics', async () => {
    const text = readFileSync('scenarios/imports/asyncapi-orders.yaml', 'utf8');
    const { api: orders } = await readAsyncApi(text, 'orders.yaml');
    const { queueSources, producerSources } = mapAsyncApi(orders, 'orders.yaml');
    expect(queueSources).toEqual([
      { amqpQueue: 'billing' },
      { topic: 'payments.v1', group: 'ledger' },
      { topic: 'payments.v1', group: 'fraud-check' },
    ]);
    expect(producerSources).toEqual([
      { queues: ['billing'] },
      { queues: ['billing'] },
      { topic: 'payments.v1' },
    ]);
  });

  it('matches AMQP topic binding keys as RabbitMQ does: * one word, # zero or more', () => {
    expect(routingKeyMatches('order.*', 'order.placed')).toBe(true);
    expect(routingKeyMatches('order.*', 'order.placed.eu')).toBe(false);
    expect(routingKeyMatches('order.#', 'order')).toBe(true);
    expect(routingKeyMatches('#.eu', 'order.placed.eu')).toBe(true);
    expect(routingKeyMatches('order.placed', 'order.cancelled')).toBe(false);
  });
});

describe('import asyncapi: bad documents', () => {
  it('refuses a document the parser finds invalid, at its line and column', async () => {
    const error = await importAsyncApi('asyncapi: 3.0.0\ninfo: {title: x}\n', 'bad.yaml').catch((e) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).problems[0]).toMatchObject({
      file: 'bad.yaml',
      line: 2,
      column: 6,
      severity: 'error',
    });
    expect((error as ScenarioError).problems[0].message).toContain('"version"');
  });
});
