/**
 * Plans that explain themselves: for each cause of an unreachable target, `plan` stops early (not at
 * 4096), returns `recommended: null` and a `why` that names the queue or flow and the cause; on success it
 * names the binding SLO and warns of a queue still filling at the end of the run.
 */
import { describe, expect, it } from 'vitest';
import { mmcWaitCdf } from '../../src/analysis/closed-forms/index.js';
import { StallWatch, growingQueues, sloShortfall } from '../../src/analysis/plan-diagnosis.js';
import { planCapacity, planCapacityMulti } from '../../src/analysis/plan.js';
import { serialRunner } from '../../src/analysis/replications.js';
import type { RunResult } from '../../src/model/run-result.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenarioFrom = (text: string) => parseScenario(text, 'plan.yaml').scenario;
const plan = (text: string, path: string) =>
  planCapacity(scenarioFrom(text), { path }, { runner: serialRunner() });

describe('plan on an unreachable target', () => {
  it('names the other queue that saturates at this load', async () => {
    const found = await plan(
      `name: fanout
seed: 1
duration: 400
warmup: 20
exchanges: [{ name: hub, type: fanout, to: [a, b] }]
producers: [{ name: orders, to: hub, rate: 20 }]
queues:
  - { name: a, consumers: 1, service: { distribution: exponential, mean: 40ms } }
  - { name: b, capacity: 50, consumers: 2, service: { distribution: exponential, mean: 120ms } }
slo:
  - { queue: a, metric: sojourn.p95, max: 1s }
  - { flow: orders, metric: lossRate, max: 1% }
`,
      'queues.a.consumers',
    );
    expect(found.recommended).toBeNull();
    expect(found.why).toMatch(/^flows\.orders\.lossRate still fails at queues\.a\.consumers = \d+: /);
    expect(found.why).toMatch(/queue b is saturated at this load \(offered 1[12]\d %/);
    expect(found.evaluations).toBeLessThanOrEqual(5);
  });

  it('stops at a topic’s partitions and names its hot partition', async () => {
    const found = await plan(
      `name: topic
seed: 4
duration: 300
warmup: 20
producers: [{ name: events, to: t, rate: 40 }]
queues:
  - name: t
    partitions: 4
    keys: { count: 1000, skew: 1.2 }
    consumers: 1
    service: { distribution: exponential, mean: 50ms }
slo:
  - { queue: t, metric: sojourn.p99, max: 300ms }
`,
      'queues.t.consumers',
    );
    expect(found.recommended).toBeNull();
    expect(found.runnerUp).toEqual({ 'queues.t.consumers': 4 });
    expect(found.why).toContain('topic t has 4 partitions, so consumers past 4 sit idle');
    expect(found.why).toMatch(/hot partition \d+ takes \d+ % of the arrivals/);
  });

  it('names losses past the delivery limit, which more consumers do not change', async () => {
    const found = await plan(
      `name: exhausted
seed: 2
duration: 400
warmup: 0
producers: [{ name: orders, to: work, rate: 5 }]
queues:
  - name: work
    consumers: 1
    service: { distribution: exponential, mean: 100ms }
    failure: { probability: 0.3 }
    retry: { max-attempts: 2 }
    dead-letter: dlq
  - { name: dlq }
slo:
  - { queue: work, metric: lossRate, max: 1% }
`,
      'queues.work.consumers',
    );
    expect(found.recommended).toBeNull();
    expect(found.why).toMatch(
      /queues\.work\.lossRate still fails .*of queue work's messages are lost, mostly dead-lettered after being exhausted their delivery limit/,
    );
    expect(found.evaluations).toBeLessThanOrEqual(6);
  });

  it('names a service time that alone exceeds a latency target', async () => {
    const found = await plan(
      `name: floor
seed: 3
duration: 300
warmup: 10
producers: [{ name: p, to: q, rate: 2 }]
queues:
  - { name: q, consumers: 1, service: { distribution: constant, value: 1s } }
slo:
  - { queue: q, metric: sojourn.p99, max: 500ms }
`,
      'queues.q.consumers',
    );
    expect(found.recommended).toBeNull();
    expect(found.why).toContain('the service time alone exceeds the target of 500 ms');
    expect(found.evaluations).toBeLessThanOrEqual(6);
  });

  it('treats a deadlocked setting as failing and says so', async () => {
    const found = await plan(
      `name: cycle
seed: 1
duration: 200
warmup: 0
producers: [{ name: p, to: a, rate: 20 }]
queues:
  - name: a
    capacity: 1
    overflow: block
    consumers: 1
    service: { distribution: exponential, mean: 10ms }
    then: b
  - name: b
    capacity: 1
    overflow: block
    consumers: 1
    service: { distribution: exponential, mean: 10ms }
    then: [{ to: a, probability: 0.5 }]
slo:
  - { queue: a, metric: utilization, max: 100% }
`,
      'queues.b.consumers',
    );
    expect(found.recommended).toBeNull();
    expect(found.why).toMatch(/the block queues a, b deadlock/);
  });
});

describe('plan on a reachable target', () => {
  it('names the binding SLO: the one the runner-up fails', async () => {
    const found = await plan(
      `name: mmc
seed: 17
duration: 500
warmup: 50
producers: [{ name: p, to: q, rate: 10 }]
queues:
  - { name: q, consumers: 1, service: { distribution: exponential, mean: 1s } }
slo:
  - { queue: q, metric: utilization, max: 95% }
  - { queue: q, metric: wait.mean, max: 300ms }
`,
      'queues.q.consumers',
    );
    expect(found.recommended).not.toBeNull();
    expect(found.binding).toBe('queues.q.wait.mean');
    expect(found.why).toBeNull();
    expect(found.warnings).toEqual([]);
  });

  it('multi-parameter: recommended null with a why when no setting can pass', async () => {
    const found = await planCapacityMulti(
      scenarioFrom(`name: two
seed: 5
duration: 300
warmup: 0
producers: [{ name: orders, to: work, rate: 5 }]
queues:
  - name: work
    capacity: 20
    consumers: 1
    service: { distribution: exponential, mean: 100ms }
    failure: { probability: 0.3 }
    retry: { max-attempts: 2 }
slo:
  - { queue: work, metric: lossRate, max: 1% }
`),
      ['queues.work.consumers', 'queues.work.capacity'],
      { runner: serialRunner() },
    );
    expect(found.recommended).toBeNull();
    expect(found.cost).toBeNull();
    expect(found.why).toMatch(/queue work's messages are lost, mostly exhausted their delivery limit/);
    expect(found.evaluations).toBeLessThanOrEqual(6);
  });
});

/** A result with one failing SLO at `value` against `max`, and optionally a queue present at its edges. */
function resultWith(value: number, max = 1, edges: [number, number] = [0, 0]): RunResult {
  return {
    slo: [{ target: 'queues.q.wait.mean', max, unit: 'seconds', value, verdict: 'fail', significant: true }],
    queues: {
      q: {
        arrivals: 1000,
        queuedAtStart: edges[0],
        inServiceAtStart: 0,
        bufferedAtStart: 0,
        delayedAtStart: 0,
        queuedAtEnd: edges[1],
        inServiceAtEnd: 0,
        bufferedAtEnd: 0,
        delayedAtEnd: 0,
      },
    },
  } as unknown as RunResult;
}

describe('plan with a lossRate SLO on a TTL queue', () => {
  it('sizes within the M/M/c waiting-time tail bound: expired share ≤ P(W > ttl)', async () => {
    // λ = 8/s, 1 s mean service, TTL 1 s. Expiries only shorten the queue, so the expired share of
    // M/M/c+D is at most the M/M/c tail P(W > 1 s): 5.5 % at c = 10, 1.2 % at c = 11. A 2 % target is
    // therefore met at 11 or fewer; at 9, even the M/M/9 tail (24 %) is far off, and abandonments alone
    // (8/s offered to 9 consumers) cannot bring the share below 2 %.
    const tail = (c: number) => 1 - mmcWaitCdf({ arrivalRate: 8, serviceRate: 1, servers: c }, 1);
    expect(tail(10)).toBeGreaterThan(0.02);
    expect(tail(11)).toBeLessThan(0.02);
    const found = await plan(
      `name: ttl
seed: 9
duration: 2000
warmup: 100
producers: [{ name: p, to: q, rate: 8 }]
queues:
  - { name: q, consumers: 1, ttl: 1s, service: { distribution: exponential, mean: 1s } }
slo:
  - { queue: q, metric: lossRate, max: 2% }
`,
      'queues.q.consumers',
    );
    const consumers = found.recommended?.['queues.q.consumers'];
    expect(consumers).toBeGreaterThanOrEqual(10);
    expect(consumers).toBeLessThanOrEqual(11);
    expect(found.binding).toBe('queues.q.lossRate');
    const lossRate = found.result?.queues.q.lossRate ?? 1;
    expect(lossRate).toBeLessThanOrEqual(tail(consumers as number));
  });
});

describe('the stall rule', () => {
  it('compares over a doubling: slow progress per unit is not a stall, no progress per doubling is', () => {
    const watch = new StallWatch();
    expect(watch.failed(100, resultWith(2))).toBe(false); // nothing to compare with yet
    expect(watch.failed(101, resultWith(1.99))).toBe(false); // +1 is no doubling
    expect(watch.failed(200, resultWith(1.5))).toBe(false); // 25 % better over a doubling
    expect(watch.failed(400, resultWith(1.49))).toBe(true); // under 2 % better over a doubling
    expect(watch.stalledBetween).toEqual([200, 400]);
  });

  it('measures the shortfall as the worst value ÷ limit of what does not pass', () => {
    expect(sloShortfall(resultWith(3, 2))).toBe(1.5);
    expect(growingQueues(resultWith(1, 1, [5, 100]))).toEqual([{ queue: 'q', grewBy: 95 }]);
    expect(growingQueues(resultWith(1, 1, [5, 20]))).toEqual([]);
  });
});
