/** Hand-made plan and headroom results (no simulation): a one-parameter plan, a two-parameter plan, a headroom. */
import type { HeadroomResult } from '../../src/analysis/headroom.js';
import type { MultiPlanResult, PlanResult } from '../../src/analysis/plan.js';
import type { RunResult } from '../../src/model/run-result.js';
import type { SloVerdict } from '../../src/results/analysis-results.js';

/** A p99 sojourn verdict on queue q at `value` ± 10 %, against a 1 s limit. */
export function p99(value: number): SloVerdict {
  const ci95: [number, number] = [value * 0.9, value * 1.1];
  const verdict = ci95[1] <= 1 ? 'pass' : ci95[0] > 1 ? 'fail' : 'uncertain';
  return { target: 'queues.q.sojourn.p99', max: 1, unit: 'seconds', value, ci95, verdict, significant: true };
}

/** A utilisation verdict on queue q against a 70 % limit. */
export function busy(value: number): SloVerdict {
  const ci95: [number, number] = [value - 0.01, value + 0.01];
  const verdict = ci95[1] <= 0.7 ? 'pass' : ci95[0] > 0.7 ? 'fail' : 'uncertain';
  return {
    target: 'queues.q.utilization',
    max: 0.7,
    unit: 'fraction',
    value,
    ci95,
    verdict,
    significant: true,
  };
}

/** A result holding only SLO verdicts (what the pages read from it). */
function resultWith(slo: SloVerdict[]): RunResult {
  return { queues: {}, flows: {}, slo } as unknown as RunResult;
}

const point = (consumers: number, sojourn: number, utilization: number) => {
  const slo = [p99(sojourn), busy(utilization)];
  return {
    setting: { 'queues.q.consumers': consumers },
    cost: consumers,
    meets: slo.every((v) => v.verdict === 'pass'),
    slo,
  };
};

/** queues.q.consumers: 2 fails, 3 fails (the runner-up), 4 meets (recommended), 6 meets. */
export const onePlan: PlanResult = {
  scenario: 'small',
  load: 1,
  recommended: { 'queues.q.consumers': 4 },
  why: null,
  binding: 'queues.q.utilization',
  warnings: [],
  runnerUpFilling: [],
  runnerUp: { 'queues.q.consumers': 3 },
  analyticGuess: { 'queues.q.consumers': 3 },
  evaluations: 4,
  result: resultWith([p99(0.4), busy(0.5)]),
  runnerUpResult: resultWith([p99(0.7), busy(0.72)]),
  evaluated: [point(2, 2.5, 0.99), point(3, 0.7, 0.72), point(4, 0.4, 0.5), point(6, 0.2, 0.33)],
};

/** The same search when nothing meets the SLOs. */
export const unreachablePlan: PlanResult = {
  ...onePlan,
  recommended: null,
  binding: null,
  why: 'queues.q.sojourn.p99 still fails at queues.q.consumers = 6: the service time alone exceeds it',
  runnerUp: { 'queues.q.consumers': 6 },
  result: null,
  runnerUpResult: resultWith([p99(1.5), busy(0.33)]),
  evaluated: [point(3, 2.5, 0.67), point(6, 1.5, 0.33)],
};

/** Two parameters: a.consumers and b.consumers, priced 3 and 1. */
export const twoPlan: MultiPlanResult = {
  ...onePlan,
  recommended: { 'queues.a.consumers': 2, 'queues.b.consumers': 3 },
  runnerUp: { 'queues.a.consumers': 1, 'queues.b.consumers': 3 },
  analyticGuess: { 'queues.a.consumers': 2, 'queues.b.consumers': 2 },
  cost: 9,
  oneLess: [{ setting: { 'queues.a.consumers': 1, 'queues.b.consumers': 3 }, meets: false, failing: ['x'] }],
  evaluated: [
    {
      setting: { 'queues.a.consumers': 1, 'queues.b.consumers': 3 },
      cost: 6,
      meets: false,
      slo: [busy(0.9)],
    },
    {
      setting: { 'queues.a.consumers': 2, 'queues.b.consumers': 2 },
      cost: 8,
      meets: false,
      slo: [busy(0.75)],
    },
    { setting: { 'queues.a.consumers': 2, 'queues.b.consumers': 3 }, cost: 9, meets: true, slo: [busy(0.5)] },
  ],
};

/** Passes at 1×, 2× and 2.2×, fails at 2.4× and 4×. */
export const headroom: HeadroomResult = {
  scenario: 'small',
  headroom: 2.2,
  cannotTell: null,
  failsAt: 2.4,
  breaksFirst: [busy(0.75)],
  evaluations: 5,
  result: resultWith([p99(0.5), busy(0.6)]),
  evaluated: [
    { load: 1, meets: true, slo: [p99(0.2), busy(0.3)] },
    { load: 2, meets: true, slo: [p99(0.4), busy(0.55)] },
    { load: 2.2, meets: true, slo: [p99(0.5), busy(0.6)] },
    { load: 2.4, meets: false, slo: [p99(0.6), busy(0.75)] },
    { load: 4, meets: false, slo: [p99(3), busy(0.99)] },
  ],
};

/** One route's end-to-end latency (seconds) with 95 % CIs of ± 10 %, as a run reports it. */
function route(id: string, queues: string[], p50: number, completed: number) {
  const endToEnd = { mean: p50 * 1.2, p50, p95: p50 * 3, p99: p50 * 4, max: p50 * 6 };
  const ci95 = Object.fromEntries(
    Object.entries(endToEnd).map(([stat, v]) => [`endToEnd.${stat}`, [v * 0.9, v * 1.1]]),
  );
  return { id, producer: 'web', queues, completed, endToEnd, ci95 };
}

/** onePlan on a scenario with `then` routes: web → q → fast and web → q → slow.v2 at each setting. */
export const routedPlan: PlanResult = {
  ...onePlan,
  result: {
    ...onePlan.result,
    flows: { web: { completed: 1000 } },
    routes: {
      'web → q → fast': route('route-2', ['q', 'fast'], 0.25, 700),
      'web → q → slow.v2': route('route-3', ['q', 'slow.v2'], 0.5, 300),
    },
  } as unknown as RunResult,
};

/** unreachablePlan with routes in the result of its largest setting tried (6 consumers). */
export const routedUnreachable: PlanResult = {
  ...unreachablePlan,
  runnerUpResult: { ...routedPlan.result!, slo: unreachablePlan.runnerUpResult!.slo },
};
