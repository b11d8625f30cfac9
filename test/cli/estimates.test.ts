/** Where theory holds and where it does not, as `run` and `estimate` show it: terminal, JSON and the reason. */
import { describe, expect, it } from 'vitest';
import { scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const BUFFERED = `name: buffered
seed: 3
duration: 1m
producers:
  - { name: shop, to: orders, rate: 20/s }
queues:
  - { name: orders, consumers: 4, prefetch: 10, service: { distribution: exponential, mean: 100ms } }
  - { name: plain, consumers: 1, service: { distribution: exponential, mean: 10ms } }
`;
const withPlainFeed = BUFFERED.replace(
  '  - { name: shop, to: orders, rate: 20/s }',
  '  - { name: shop, to: orders, rate: 20/s }\n  - { name: other, to: plain, rate: 50/s }',
);

const PEAK = `name: peak
seed: 3
duration: 3h
producers:
  - name: storefront
    to: orders
    rate:
      - { until: 1h, rate: 20/s }
      - { until: 2h, rate: 150/s }
      - { rate: 40/s }
queues:
  - { name: orders, consumers: 7, service: { distribution: exponential, mean: 50ms } }
`;

describe('run: the theory row', () => {
  it('reads "no estimate: <reason>" where the assumptions fail, and shows the formula where they hold', async () => {
    const { status, stdout } = await runCliInProcess(['run', scenarioFile(withPlainFeed), '--no-report']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/no estimate: prefetch 10 with 4 consumers: messages wait in consumers' own/);
    expect(stdout).toContain('M/M/1 theory');
  });

  it('puts values null and the reason as method in the JSON', async () => {
    const { stdout } = await runCliInProcess(['run', scenarioFile(withPlainFeed), '--json', '--no-report']);
    const result = JSON.parse(stdout);
    expect(result.queues.orders.analytic).toEqual({
      model: null,
      reason: expect.stringMatching(/^prefetch 10 with 4 consumers/),
      values: null,
      method: expect.stringMatching(/^prefetch 10 with 4 consumers/),
    });
    expect(result.queues.plain.analytic).toMatchObject({ model: 'M/M/1', exact: true });
  });
});

describe('estimate', () => {
  it('labels a schedule estimate "at peak" and says the peak is unstable', async () => {
    const { status, stdout } = await runCliInProcess(['estimate', scenarioFile(PEAK)]);
    expect(status).toBe(0);
    expect(stdout).toContain('M/M/7 at peak');
    expect(stdout).toMatch(/steady state at the schedule's peak rate of 150\/s \(storefront\)/);
    expect(stdout).toMatch(/at the peak, the consumers cannot keep up/);
  });

  it('gives the peak rate in the JSON', async () => {
    const peak = JSON.parse((await runCliInProcess(['estimate', scenarioFile(PEAK), '--json'])).stdout);
    expect(peak.queues.orders).toMatchObject({ model: 'M/M/7', stable: false, peakRate: 150 });
  });
});
