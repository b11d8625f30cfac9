/**
 * Per-route end-to-end latency: exact latencies on a deterministic pipeline with a fan-out, route shares
 * against branch probabilities, conservation against flows and final queues, merging over replications,
 * and the same JSON on worker threads as serially.
 */
import { describe, expect, it } from 'vitest';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { workerPoolRunner } from '../../src/api/worker-pool.js';
import { simulate } from '../../src/model/simulate.js';
import { toJson } from '../../src/report/json.js';
import { parseScenario } from '../../src/scenario/index.js';

const scenarioFrom = (text: string) => parseScenario(text, 'routes.yaml').scenario;

/** One message a second, never waiting: each route's latency is the sum of its constant service times. */
const DETERMINISTIC = `name: pipeline
seed: 3
duration: 200
warmup: 10
producers: [{ name: web, to: orders, interarrival: { distribution: constant, value: 1 } }]
exchanges:
  - { name: notify, type: fanout, to: [email, audit] }
queues:
  - name: orders
    service: { distribution: constant, value: 0.1 }
    then: [{ to: billing }]
  - name: billing
    service: { distribution: constant, value: 0.2 }
    then: [{ to: notify }]
  - { name: email, service: { distribution: constant, value: 0.3 } }
  - { name: audit, service: { distribution: constant, value: 0.05 } }
`;

/** orders sends 30 % to billing, 50 % to shipping; the other 20 % finish at orders. */
const BRANCHING = (seed: number, extra = '') => `name: branching
seed: ${seed}
duration: 2000
warmup: 20
${extra}
producers: [{ name: web, to: orders, rate: 10 }]
queues:
  - name: orders
    consumers: 2
    service: { distribution: exponential, mean: 0.1 }
    then:
      - { to: billing, probability: 0.3 }
      - { to: shipping, probability: 0.5 }
  - { name: billing, consumers: 1, service: { distribution: exponential, mean: 0.2 } }
  - { name: shipping, consumers: 2, service: { distribution: exponential, mean: 0.1 } }
`;

describe('per-route end-to-end latency', () => {
  it('gives each path of a deterministic pipeline its exact latency, fan-out copies on their own routes', () => {
    const { result } = simulate(scenarioFrom(DETERMINISTIC));
    const routes = result.routes!;
    expect(Object.keys(routes)).toEqual(['web → orders → billing → email', 'web → orders → billing → audit']);
    const email = routes['web → orders → billing → email'];
    const audit = routes['web → orders → billing → audit'];
    expect(email).toMatchObject({ producer: 'web', queues: ['orders', 'billing', 'email'] });
    expect(email.id).not.toBe(audit.id);
    expect(email.completed).toBe(result.queues.email.completed);
    expect(audit.completed).toBe(result.queues.audit.completed);
    expect(email.endToEnd.mean).toBeCloseTo(0.6, 9);
    expect(audit.endToEnd.mean).toBeCloseTo(0.35, 9);
    // Percentiles come from the log histogram: within 1/256 relative of the value (log-histogram.ts).
    for (const stat of ['p50', 'p95', 'p99'] as const) {
      expect(Math.abs(email.endToEnd[stat]! / 0.6 - 1)).toBeLessThan(1 / 256);
      expect(Math.abs(audit.endToEnd[stat]! / 0.35 - 1)).toBeLessThan(1 / 256);
    }
  });

  it('shares completions between routes as the branch probabilities say, and conserves them', () => {
    const { result } = simulate(scenarioFrom(BRANCHING(5)));
    const routes = result.routes!;
    const total = Object.values(routes).reduce((sum, route) => sum + route.completed, 0);
    // Conservation: every completion of the flow is on exactly one route, ending at that route's last queue.
    expect(total).toBe(result.flows.web.completed);
    expect(routes['web → orders → billing'].completed).toBe(result.queues.billing.completed);
    expect(routes['web → orders → shipping'].completed).toBe(result.queues.shipping.completed);
    // ~20,000 messages: a share's standard error is ≤ √(0.25 / 20,000) = 0.0035; 4 of them: 0.014.
    const share = (name: string) => routes[name].completed / total;
    expect(Math.abs(share('web → orders') - 0.2)).toBeLessThan(0.014);
    expect(Math.abs(share('web → orders → billing') - 0.3)).toBeLessThan(0.014);
    expect(Math.abs(share('web → orders → shipping') - 0.5)).toBeLessThan(0.014);
    // A longer path takes longer: billing (0.2 s, ρ = 0.6) adds more than shipping (0.1 s, ρ = 0.25).
    const mean = (name: string) => routes[name].endToEnd.mean!;
    expect(mean('web → orders')).toBeLessThan(mean('web → orders → shipping'));
    expect(mean('web → orders → shipping')).toBeLessThan(mean('web → orders → billing'));
  });

  it('names each lap of a routing cycle, and counts laps past the longest path in "other routes"', () => {
    const { result } = simulate(
      scenarioFrom(`name: loop
seed: 4
duration: 2000
producers: [{ name: web, to: q, rate: 2 }]
queues:
  - { name: q, service: { distribution: exponential, mean: 0.05 }, then: [{ to: q, probability: 0.5 }] }
`),
    );
    const routes = result.routes!;
    expect(Object.keys(routes).slice(0, 3)).toEqual(['web → q', 'web → q → q', 'web → q → q → q']);
    const total = Object.values(routes).reduce((sum, route) => sum + route.completed, 0);
    expect(total).toBe(result.flows.web.completed);
    // Laps are geometric: half the completions after one visit (4,000 messages: standard error 0.008).
    expect(Math.abs(routes['web → q'].completed / total - 0.5)).toBeLessThan(0.04);
  });

  it('tracks no routes in a scenario without `then` (its JSON has no `routes` field)', () => {
    const { result } = simulate(
      scenarioFrom(`name: plain
duration: 100
producers: [{ name: web, to: q, rate: 5 }]
queues: [{ name: q, service: { distribution: exponential, mean: 0.1 } }]
`),
    );
    expect(result.routes).toBeUndefined();
  });

  it('merges routes over replications like flows: mean counts, pooled percentiles, 95 % CIs', async () => {
    const scenario = scenarioFrom(BRANCHING(7, 'replications: 4').replace('duration: 2000', 'duration: 500'));
    const { result } = await runStudy(scenario, { runner: serialRunner() });
    expect(result.replications).toBe(4);
    const billing = result.routes!['web → orders → billing'];
    const [low, high] = billing.ci95!.completed;
    expect(low).toBeLessThan(billing.completed);
    expect(high).toBeGreaterThan(billing.completed);
    expect(billing.ci95!['endToEnd.mean']).toHaveLength(2);
    // The pooled histogram holds every replication's completions.
    const pooled = billing.latencyHistogram!.endToEnd.reduce((sum, bucket) => sum + bucket[2], 0);
    expect(pooled).toBeCloseTo(billing.completed * 4, 6);
    const total = Object.values(result.routes!).reduce((sum, route) => sum + route.completed, 0);
    expect(total).toBeCloseTo(result.flows.web.completed, 6);
  });

  it('gives the same JSON on 2 worker threads as serially', async () => {
    const scenario = scenarioFrom(BRANCHING(9, 'replications: 3').replace('duration: 2000', 'duration: 300'));
    const serial = toJson((await runStudy(scenario, { runner: serialRunner() })).result);
    const pool = workerPoolRunner(2);
    try {
      expect(toJson((await runStudy(scenario, { runner: pool })).result)).toBe(serial);
    } finally {
      await pool.close();
    }
    expect(JSON.parse(serial).routes['web → orders → billing'].completed).toBeGreaterThan(0);
  });
});
