/**
 * Side-by-side comparison of scenarios with common random numbers: every scenario runs replications
 * 0..n−1 with the same seed, so replication i of each sees the same random streams (arrivals, service
 * times, failures, by component name) and the differences between them are the configurations', not
 * noise. The difference of a metric is judged on the paired differences across replications (a Student-t
 * CI of their mean): significant when that interval excludes zero.
 */
import { mean } from 'simple-statistics';
import type { RunResult } from '../model/run-result.js';
import type { Scenario } from '../scenario/types.js';
import { aggregateReplications } from './aggregate.js';
import { confidenceInterval } from './confidence-interval.js';
import type { ReplicationTask } from './replication-task.js';
import type { TaskRunner } from './replications.js';
import { evaluateSlos } from './slo.js';
import { slimResult } from './sweep.js';
import { COMPARED, compareTarget, parseTarget, type CompareKind } from '../scenario/compare-targets.js';

/** One metric of one scenario against the baseline (the first scenario). */
export interface MetricDifference {
  /** Dotted path in the results, e.g. "queues.billing.sojourn.p99". */
  target: string;
  baseline: number | null;
  value: number | null;
  /** Mean of the paired differences (value − baseline); null when the metric is undefined in some run. */
  difference: number | null;
  /** 95 % CI of the mean paired difference. */
  ci95?: [number, number];
  /** True when the CI excludes zero. */
  significant: boolean;
}

/** A comparison: plain, JSON-safe data (the `--json` object of `queuesim compare`). */
export interface CompareResult {
  /** Seed every scenario ran with (common random numbers). */
  seed: number;
  replications: number;
  /** Each scenario's combined result (means with CIs, SLO verdicts), in the order given. */
  scenarios: Array<{ name: string; result: RunResult }>;
  /** For each scenario after the first: its differences from the first. */
  differences: Array<{ scenario: string; baseline: string; metrics: MetricDifference[] }>;
  /** The time budget ended the comparison early: only the pairs every scenario finished are compared. */
  partial?: { reason: 'time-budget'; completedPairs: number; plannedPairs: number };
}

/** The time budget ended before every scenario had finished one replication with the same streams. */
export class NoPairFinished extends Error {
  constructor(readonly timeBudgetSeconds: number) {
    super(
      `the time budget (${timeBudgetSeconds} s) ran out before every scenario finished one replication with the same random streams, so nothing can be compared; raise --time-budget or shorten --duration`,
    );
    this.name = 'NoPairFinished';
  }
}

type Plain = Record<string, unknown>;

/** The value of a compared target in one run; null where the run does not have it. */
function valueAt(run: RunResult, target: string): number | null {
  const { kind, name, metric } = parseTarget(target);
  let node: unknown = (run as unknown as Record<string, Record<string, unknown> | undefined>)[
    COMPARED[kind].key
  ]?.[name];
  for (const key of metric.split('.')) node = (node as Plain | null | undefined)?.[key];
  return typeof node === 'number' && Number.isFinite(node) ? node : null;
}

/**
 * Every compared target both results have: queues, flows and routes present in both, in the baseline's
 * order. A route is matched by its name (producer → queues), so two scenarios share it when a message
 * can take that same path in both.
 */
function commonTargets(baseline: RunResult, other: RunResult): string[] {
  const shared = (kind: CompareKind) => {
    const key = COMPARED[kind].key as 'queues' | 'flows' | 'routes';
    const names = Object.keys(baseline[key] ?? {}).filter((name) => name in (other[key] ?? {}));
    return names.flatMap((name) => COMPARED[kind].metrics.map((metric) => compareTarget(kind, name, metric)));
  };
  return [...shared('queue'), ...shared('flow'), ...shared('route')];
}

/** The paired difference of one target over the replications (pure). */
export function pairedDifference(
  target: string,
  baselineRuns: readonly RunResult[],
  otherRuns: readonly RunResult[],
): MetricDifference {
  const at = (run: RunResult) => valueAt(run, target);
  const pairs = baselineRuns.map((run, i) => [at(run), at(otherRuns[i])] as const);
  const defined = (values: Array<number | null>) => values.filter((v): v is number => v !== null);
  const baseline = defined(pairs.map(([a]) => a));
  const value = defined(pairs.map(([, b]) => b));
  const complete = pairs.every(([a, b]) => a !== null && b !== null);
  const result: MetricDifference = {
    target,
    baseline: baseline.length > 0 ? mean(baseline) : null,
    value: value.length > 0 ? mean(value) : null,
    difference: null,
    significant: false,
  };
  if (!complete) return result;
  const differences = pairs.map(([a, b]) => (b as number) - (a as number));
  result.difference = mean(differences);
  if (differences.length >= 2) {
    const interval = confidenceInterval(differences, 0.95);
    result.ci95 = [interval.low, interval.high];
    result.significant = interval.low > 0 || interval.high < 0;
  }
  return result;
}

/** The scenarios with the first one's seed: replication i of each then uses the same streams. */
export function seededScenarios(scenarios: readonly Scenario[]): Scenario[] {
  const seed = scenarios[0].seed;
  return scenarios.map((scenario) => ({ ...scenario, seed }));
}

/**
 * The runs of a comparison, pair by pair (replication i of every scenario, then i + 1), so that a time
 * budget ends whole pairs; also the units a sharded comparison divides.
 */
export function compareTasks(
  seeded: readonly Scenario[],
  replications: number,
  deadline: number | null,
): ReplicationTask[] {
  return Array.from({ length: replications }, (_, index) =>
    seeded.map((scenario) => ({ kind: 'replication' as const, scenario, index, deadline })),
  ).flat();
}

/**
 * Runs `replications` replications of every scenario with the first scenario's seed and compares each
 * later scenario with the first. The scenarios must have a fixed warm-up (a detected one would differ
 * between them and break the pairing).
 */
export async function compareScenarios(
  scenarios: readonly Scenario[],
  options: { runner: TaskRunner; replications: number; timeBudgetSeconds?: number | null },
): Promise<CompareResult> {
  if (scenarios.length < 2) throw new Error('compareScenarios: needs at least two scenarios');
  const seeded = seededScenarios(scenarios);
  const seed = seeded[0].seed;
  const budget = options.timeBudgetSeconds ?? null;
  const deadline = budget === null ? null : Date.now() + budget * 1000;
  const tasks = compareTasks(seeded, options.replications, deadline);
  const outcomes = await Promise.all(tasks.map((task) => options.runner.run(task)));
  const all = seeded.map((_, k) =>
    Array.from({ length: options.replications }, (_, index) => {
      const outcome = outcomes[index * seeded.length + k];
      if (outcome.kind !== 'replication')
        throw new Error(`compare: expected a replication, got ${outcome.kind}`);
      return outcome.result;
    }),
  );
  // A pair is replication i of every scenario (the same streams); one cut short by the budget breaks it.
  const complete = all[0].map((_, i) => i).filter((i) => all.every((results) => !results[i].partial));
  if (complete.length === 0) throw new NoPairFinished(budget ?? 0);
  const runs = all.map((results) => complete.map((i) => results[i]));
  const pairs = complete.length;
  const combined = seeded.map((scenario, k) => {
    const result = pairs > 1 ? aggregateReplications(runs[k]) : runs[k][0];
    const rest = slimResult(result);
    const slo = evaluateSlos(rest, scenario);
    return { name: scenario.name, result: slo.length > 0 ? { ...rest, slo } : rest };
  });
  return {
    seed,
    replications: pairs,
    scenarios: combined,
    differences: seeded.slice(1).map((scenario, j) => ({
      scenario: scenario.name,
      baseline: seeded[0].name,
      metrics: commonTargets(runs[0][0], runs[j + 1][0]).map((target) =>
        pairedDifference(target, runs[0], runs[j + 1]),
      ),
    })),
    ...(pairs < options.replications
      ? {
          partial: {
            reason: 'time-budget' as const,
            completedPairs: pairs,
            plannedPairs: options.replications,
          },
        }
      : {}),
  };
}
