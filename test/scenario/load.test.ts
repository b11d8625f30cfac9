import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioError, loadScenarioFile } from '../../src/scenario/index.js';
import * as msg from '../../src/scenario/messages.js';
import { PRODUCER_DEFAULTS, QUEUE_DEFAULTS } from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const scenariosDir = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** The ScenarioError a load is rejected with. */
async function loadError(path: string): Promise<ScenarioError> {
  const error: unknown = await loadScenarioFile(path).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ScenarioError);
  return error as ScenarioError;
}

describe('loadScenarioFile', () => {
  it('loads and normalises a file using every top-level feature', async () => {
    const { scenario, warnings } = await loadScenarioFile(fixture('full.yaml'));
    expect(warnings).toEqual([]);
    expect(scenario).toEqual({
      name: 'two-services',
      description: 'Orders fan out to an email queue and a slow, bounded billing queue.',
      seed: 7,
      durationSeconds: 7200,
      warmupSeconds: 90,
      producers: [
        {
          name: 'web-orders',
          to: 'billing',
          interarrival: { kind: 'exponential', mean: 0.02 },
          ...PRODUCER_DEFAULTS,
        },
        {
          name: 'batch.orders',
          to: 'email_v2',
          interarrival: { kind: 'uniform', min: 1, max: 3 },
          ...PRODUCER_DEFAULTS,
        },
        {
          name: 'shop',
          to: 'order-events',
          interarrival: { kind: 'exponential', mean: 0.5 },
          types: [
            { type: 'order', probability: 0.75 },
            { type: 'vip', probability: 0.25 },
          ],
          messageBytes: { kind: 'constant', value: 1024 },
        },
      ],
      exchanges: [
        {
          name: 'order-events',
          type: 'direct',
          bindings: [
            { queue: 'billing', types: ['order', 'vip'] },
            { queue: 'email_v2', types: ['vip'] },
          ],
        },
      ],
      queues: [
        {
          name: 'billing',
          ...QUEUE_DEFAULTS,
          capacity: 0,
          consumers: 8,
          service: { kind: 'gamma', mean: 0.4, cv: 0.8 },
          maxPriority: 5,
          then: [{ to: 'ledger', probability: 0.5 }],
        },
        { name: 'email_v2', ...QUEUE_DEFAULTS, consumers: 1, service: { kind: 'constant', value: 0.015 } },
        { name: 'ledger', ...QUEUE_DEFAULTS, consumers: 1, service: { kind: 'constant', value: 0.001 } },
      ],
      messageTypes: [{ name: 'vip', priority: 5 }],
    });
  });

  it('names the file in every problem of a broken one', async () => {
    const path = fixture('broken.yaml');
    const error = await loadError(path);
    expect(
      error.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.path}`),
    ).toEqual([
      `${path}:2:11 duration`,
      `${path}:5:9 producers[0].to`,
      `${path}:9:5 queues[0].capacty`,
      `${path}:11:57 queues[0].service.cv`,
    ]);
  });

  it('a missing file is a ScenarioError without a position', async () => {
    const path = fixture('does-not-exist.yaml');
    const error = await loadError(path);
    expect(error.problems).toEqual([
      {
        file: path,
        line: 0,
        column: 0,
        path: '',
        message: msg.fileUnreadable('no such file'),
        severity: 'error',
      },
    ]);
  });

  it('a directory is a ScenarioError', async () => {
    const error = await loadError(fixture(''));
    expect(error.problems[0].message).toBe(msg.fileUnreadable('it is a directory, not a file'));
  });
});

describe('every scenario in scenarios/ is valid', async () => {
  // No catch: a missing or unreadable scenarios/ fails here, loudly, instead of yielding no cases.
  const files = (await readdir(scenariosDir)).filter((name) => /\.ya?ml$/.test(name));
  it('there is at least one example scenario', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  it.each(files)('%s', async (name) => {
    const { warnings } = await loadScenarioFile(scenariosDir + name);
    expect(warnings).toEqual([]);
  });
});
