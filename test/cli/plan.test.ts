/** `queuesim plan` end to end: the recommendation as JSON, and refusals with exit code 2. */
import { describe, expect, it } from 'vitest';
import { SMALL_SCENARIO, scenarioFile } from '../helpers/cli.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

const withSlo = scenarioFile(
  SMALL_SCENARIO.replace('duration: 2m', 'duration: 10m\nreplications: 4') +
    'slo:\n  - { queue: q, metric: utilization, max: 30% }\n',
);

describe('queuesim plan', () => {
  it('prints recommended, runner-up, evaluations and wall time as JSON', async () => {
    const { status, stdout } = await runCliInProcess(['plan', withSlo, '--json', '--workers', '1']);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout);
    // 20/s × 50 ms = 1 consumer's worth of work: 30 % busy needs 4 consumers (25 %), 3 give 33 %.
    expect(plan.recommended).toEqual({ 'queues.q.consumers': 4 });
    expect(plan.runnerUp).toEqual({ 'queues.q.consumers': 3 });
    expect(plan.evaluations).toBeGreaterThanOrEqual(2);
    expect(typeof plan.wallSeconds).toBe('number');
    expect(plan.result.slo[0].verdict).toBe('pass');
  });

  it('plans at a multiple of the load', async () => {
    const { stdout } = await runCliInProcess(['plan', withSlo, '--json', '--load', 'x2', '--workers', '1']);
    expect(JSON.parse(stdout).recommended).toEqual({ 'queues.q.consumers': 7 }); // 2/7 = 29 %
  });

  it('exits 1 with recommended null and a why when no value meets the SLOs, and says why in text', async () => {
    const unreachable = scenarioFile(
      SMALL_SCENARIO.replace('duration: 2m', 'duration: 5m') +
        'slo:\n  - { queue: q, metric: sojourn.p99, max: 1ms }\n',
    );
    const json = await runCliInProcess(['plan', unreachable, '--json', '--workers', '1']);
    expect(json.status).toBe(1);
    const plan = JSON.parse(json.stdout);
    expect(plan.recommended).toBeNull();
    expect(plan.why).toMatch(/^queues\.q\.sojourn\.p99 still fails at queues\.q\.consumers = \d+: /);
    expect(plan.evaluations).toBeLessThan(10);
    const text = await runCliInProcess(['plan', unreachable, '--workers', '1']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('no value of queues.q.consumers meets every SLO');
    expect(text.stdout).toContain('  why: queues.q.sojourn.p99 still fails');
  });

  it('names the binding SLO when it succeeds', async () => {
    const { stdout } = await runCliInProcess(['plan', withSlo, '--workers', '1']);
    expect(stdout).toContain('binding SLO: queues.q.utilization');
  });

  it('refuses a scenario without SLOs and an unknown parameter', async () => {
    expect((await runCliInProcess(['plan', scenarioFile(SMALL_SCENARIO)])).status).toBe(2);
    const { status, stderr } = await runCliInProcess(['plan', withSlo, '--optimize', 'queues.q.consumer']);
    expect(status).toBe(2);
    expect(stderr).toContain("did you mean 'queues.q.consumers'?");
  });
});

const twoQueues = `name: two
seed: 3
duration: 10m
replications: 4
producers:
  - { name: pa, to: a, rate: 20/s }
  - { name: pb, to: b, rate: 10/s }
queues:
  - { name: a, consumers: 1, service: { distribution: exponential, mean: 50ms } }
  - { name: b, consumers: 1, service: { distribution: exponential, mean: 100ms } }
slo:
  - { queue: a, metric: utilization, max: 30% }
  - { queue: b, metric: utilization, max: 45% }
`;

describe('queuesim plan with several --optimize', () => {
  it('prints every optimised path, the cost, evaluations and wall time as JSON', async () => {
    const file = scenarioFile(`${twoQueues}cost: { queues.a.consumers: 3, consumer: 1 }\n`);
    const { status, stdout } = await runCliInProcess([
      'plan',
      file,
      '--json',
      '--workers',
      '1',
      '--optimize',
      'queues.a.consumers',
      '--optimize',
      'queues.b.consumers',
    ]);
    expect(status).toBe(0);
    const plan = JSON.parse(stdout);
    // a: 1 consumer's worth of work, 30 % needs 4 (25 %); b: 1 consumer's worth, 45 % needs 3 (33 %).
    expect(plan.recommended).toEqual({ 'queues.a.consumers': 4, 'queues.b.consumers': 3 });
    expect(plan.cost).toBe(4 * 3 + 3);
    expect(plan.evaluations).toBeGreaterThan(2);
    expect(typeof plan.wallSeconds).toBe('number');
  });

  it('prints the plan as text', async () => {
    const file = scenarioFile(twoQueues);
    const { status, stdout } = await runCliInProcess([
      'plan',
      file,
      '--optimize',
      'queues.a.consumers',
      '--optimize',
      'queues.b.consumers',
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain('queues.a.consumers = 4, queues.b.consumers = 3 (cost 7) meets every SLO');
  });

  it('refuses an unknown cost key with its line and the nearest key', async () => {
    const file = scenarioFile(`${twoQueues}cost: { queues.a.consumer: 3 }\n`);
    const { status, stderr } = await runCliInProcess(['plan', file]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/:14:/);
    expect(stderr).toContain("did you mean 'queues.a.consumers'");
  });
});
