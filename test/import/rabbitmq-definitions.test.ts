/** `queuesim import rabbitmq`: every mapped field of the shipped export, policies' precedence, bad input. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { measuredRate } from '../../src/import/rabbitmq-metrics.js';
import { importRabbitmqDefinitions } from '../../src/import/rabbitmq-scenario.js';
import { simulate } from '../../src/model/simulate.js';
import { ScenarioError, parseScenario, type ScenarioProblem } from '../../src/scenario/index.js';

const FILE = 'scenarios/imports/rabbitmq-definitions.json';
const EXPORT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');

/** Parsed YAML/JSON the tests walk freely: checking its shape is what the assertions do. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = any;

/** The imported scenario as data, its queues by name, and each value's comment. */
function imported(vhost: string, text = EXPORT) {
  const result = importRabbitmqDefinitions(text, FILE, vhost);
  const data = parseDocument(result.text).toJS() as Record<string, AnyJson>;
  const queues = Object.fromEntries(data.queues.map((q: { name: string }) => [q.name, q]));
  return { ...result, data, queues };
}

/** The located problems an import is refused with. */
function refused(text: string, vhost = 'shop'): ScenarioProblem[] {
  try {
    importRabbitmqDefinitions(text, 'defs.json', vhost);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected the import to be refused');
}

/** The export with `edit` applied to its parsed JSON, as text. */
function edited(edit: (data: AnyJson) => void): string {
  const data = JSON.parse(EXPORT);
  edit(data);
  return JSON.stringify(data, null, 2);
}

describe('import rabbitmq: the shipped export, vhost shop', () => {
  const shop = imported('shop');

  it('maps every queue argument, policy and operator policy with RabbitMQ precedence', () => {
    expect(shop.queues['orders.billing']).toEqual({
      name: 'orders.billing',
      consumers: 1,
      service: '10ms',
      capacity: 20000, // argument 20000 < policy 50000 < operator 100000: the lowest
      ttl: '10m', // policy orders-limits message-ttl 600000
      'dead-letter': 'shop.dead-letters', // x-dead-letter-exchange shop.dlx (fanout) → its queue
      overflow: 'reject-publish-dlx', // policy, with a dead-letter queue
      retry: { 'max-attempts': 6 }, // x-delivery-limit 5 < operator 10: 6 deliveries
    });
    expect(shop.queues['orders.email']).toMatchObject({
      capacity: 50000, // policy 50000 < operator 100000
      ttl: '5m', // argument 300000 < policy 600000
      'dead-letter': 'shop.dead-letters',
      overflow: 'reject-publish-dlx',
    });
    expect(shop.queues['orders.email'].retry).toBeUndefined(); // classic queues ignore delivery-limit
    // catch-all (priority 0) applies: max-length 200000, lowered by the operator policy to 100000.
    expect(shop.queues['payments.failed']).toMatchObject({
      capacity: 100000,
      overflow: 'reject-publish',
      retry: { 'max-attempts': 11 },
    });
    expect(shop.queues.audit).toMatchObject({
      capacity: 100000,
      'capacity-bytes': 104857600,
      'max-priority': 5,
      overflow: 'drop-head', // RabbitMQ's default once a limit is set
    });
  });

  it('writes the direct and topic exchanges, one producer each, with measured-value markers', () => {
    expect(shop.data.exchanges).toEqual([
      {
        name: 'shop.orders',
        type: 'direct',
        to: [
          { queue: 'orders.billing', types: ['order.placed'] },
          { queue: 'orders.email', types: ['order.placed', 'order.shipped'] },
        ],
      },
      {
        name: 'shop.events',
        type: 'topic',
        to: [
          { queue: 'payments.failed', patterns: ['payment.*.failed', '#.failed'] },
          { queue: 'audit', patterns: ['#'] },
        ],
      },
    ]);
    expect(shop.data.producers.map((p: { to: string }) => p.to)).toEqual(['shop.orders', 'shop.events']);
    expect(shop.data.producers[1].types).toEqual({ 'payment.any.failed': 1, failed: 1, any: 1 });
    expect(shop.text).toMatch(/rate: 10\/s # not in the definitions: must be measured/);
    expect(shop.text).toMatch(/consumers: 1 # not in the definitions: must be measured/);
    expect(shop.text).toMatch(
      /capacity: 20000 # argument x-max-length; the lowest applies \(also policy 'orders-limits' max-length 50000, operator policy 'guardrails' max-length 100000\)/,
    );
    expect(shop.notes).toContain(
      'exchange shop.dlx: a dead-letter exchange, written as its queue (dead-letter:)',
    );
  });

  it('writes a scenario that validates and runs as written', () => {
    const { scenario } = parseScenario(shop.text.replace('duration: 10m', 'duration: 20s'), 'shop.yaml');
    const { result } = simulate(scenario);
    expect(result.exchanges['shop.events'].published).toBeGreaterThan(0);
    expect(result.queues.audit.arrivals).toBe(result.exchanges['shop.events'].published);
  });

  it('imports vhost / alone, with a classic_queues policy', () => {
    const root = imported('/');
    expect(root.queues['legacy.reports']).toMatchObject({ capacity: 1000, overflow: 'drop-head', ttl: '1h' });
    expect(Object.keys(root.queues)).toEqual(['legacy.reports']);
    expect(root.data.exchanges).toEqual([{ name: 'reports', type: 'fanout', to: ['legacy.reports'] }]);
  });
});

describe('import rabbitmq: bad input', () => {
  it('refuses text that is not JSON, at its line and column', () => {
    const [problem] = refused('{\n  "queues": [\n    { "name": "a", }\n  ]\n}');
    expect(problem).toMatchObject({ file: 'defs.json', line: 3, severity: 'error' });
    expect(problem.message).toMatch(/^not JSON/);
  });

  it('refuses a wrong shape at its JSON path', () => {
    const text = edited((d) => (d.queues[1].arguments = 'none'));
    const [problem] = refused(text);
    const line = text.split('\n').findIndex((l) => l.includes('"arguments": "none"')) + 1;
    expect(problem).toMatchObject({ path: 'queues[1].arguments', line, severity: 'error' });
    expect(refused('[1, 2]')[0].message).toMatch(/expected a RabbitMQ definitions export/);
  });

  it('refuses a policy pattern that is no regular expression, located', () => {
    const text = EXPORT.replace('"pattern": "^orders\\\\."', '"pattern": "^orders\\\\.("');
    const [problem] = refused(text);
    expect(problem.path).toBe('policies[0].pattern');
    expect(problem.line).toBe(EXPORT.split('\n').findIndex((l) => l.includes('^orders')) + 1);
    expect(problem.message).toMatch(/not a valid regular expression/);
  });

  it('refuses an unknown vhost, naming those there are', () => {
    expect(refused(EXPORT, 'prod')[0].message).toBe(
      "no vhost 'prod' in this export; it has '/', 'shop' (choose with --vhost)",
    );
  });

  it('refuses a bad argument value and warns about an unknown argument', () => {
    const bad = refused(edited((d) => (d.queues[0].arguments['x-overflow'] = 'drop-tail')));
    expect(bad[0]).toMatchObject({ path: 'queues[0].arguments.x-overflow', severity: 'error' });
    const { warnings, queues } = imported(
      'shop',
      edited((d) => (d.queues[0].arguments['x-max-lenght'] = 5)),
    );
    expect(warnings).toMatchObject([{ path: 'queues[0].arguments.x-max-lenght', severity: 'warning' }]);
    expect(queues['orders.billing'].capacity).toBe(20000);
  });
});

describe('import rabbitmq with --metrics', () => {
  const METRICS_FILE = 'scenarios/imports/prometheus-rabbitmq.json';
  const metrics = (peak: boolean) => ({
    text: readFileSync(new URL(`../../${METRICS_FILE}`, import.meta.url), 'utf8'),
    file: METRICS_FILE,
    peak,
  });
  const written = (vhost: string, peak: boolean): AnyJson =>
    parseDocument(importRabbitmqDefinitions(EXPORT, FILE, vhost, metrics(peak)).text).toJS();

  it('writes a schedule over the recorded window (counter reset read as rate() does) and the max consumers', () => {
    const shop = written('shop', false);
    expect(shop.duration).toBe('540s');
    expect(shop.producers[0].rate).toEqual([
      { until: '180s', rate: '10/s' },
      { until: '360s', rate: '20/s' },
      { rate: '10/s' },
    ]);
    expect(shop.producers[1].rate).toEqual([
      { until: '240s', rate: '5/s' },
      { until: '300s', rate: '2/s' },
      { rate: '5/s' },
    ]);
    const consumers = Object.fromEntries(shop.queues.map((q: AnyJson) => [q.name, q.consumers]));
    expect(consumers).toEqual({
      'orders.billing': 1,
      'orders.email': 4,
      'payments.failed': 1,
      audit: 1,
      'shop.dead-letters': 1,
    });
  });

  it('--peak writes the peak rates and keeps the duration to choose; a constant rate is written as one', () => {
    const shop = written('shop', true);
    expect(shop.duration).toBe('10m');
    expect(shop.producers.map((p: AnyJson) => p.rate)).toEqual(['20/s', '5/s']);
    expect(written('/', false).producers[0].rate).toBe('1/s');
  });

  it('warns of series for queues the vhost does not have', () => {
    const { warnings } = importRabbitmqDefinitions(EXPORT, FILE, 'shop', metrics(false));
    expect(warnings.map((w) => w.message)).toContain(
      "series for queue 'orders.gone', which vhost 'shop' of the definitions does not have: ignored",
    );
  });
});

describe('measuredRate', () => {
  const steps = (rates: number[]) => rates.map((rate, i) => ({ start: i * 60, end: (i + 1) * 60, rate }));
  const metrics = {
    input: { text: '', file: 'm.json', peak: false },
    byQueue: new Map([
      ['a', { published: steps([1, 4]), publishedSeries: 'rabbitmq_queue_messages_published_total' }],
      ['b', { published: steps([3, 2]), publishedSeries: 'rabbitmq_queue_messages_published_total' }],
    ]),
    window: { from: 'T0', to: 'T1', seconds: 120 },
  };

  it('takes a queue receiving every message as exact, else the busiest per step as a lower bound', () => {
    expect(measuredRate(metrics, ['a', 'b'], ['b'])).toEqual({
      rate: [{ until: '60s', rate: '3/s' }, { rate: '2/s' }],
      comment: 'rate per 60s step of rabbitmq_queue_messages_published_total of queue b, T0 to T1 (m.json)',
    });
    const bound = measuredRate(metrics, ['a', 'b'], []);
    expect(bound!.rate).toEqual([{ until: '60s', rate: '3/s' }, { rate: '4/s' }]);
    expect(bound!.comment).toContain('the busiest of a, b');
    expect(bound!.comment).toContain('a lower bound');
    expect(measuredRate(metrics, ['c'], ['c'])).toBeUndefined();
  });
});
