/**
 * A study: the runs behind one set of results. It plans them from the scenario (one run, independent
 * replications, or batch means of one long run), detects the warm-up first when asked (`warmup: auto`),
 * runs them through a task runner — serial on this thread, or parallel on worker threads — and combines
 * them into one result with confidence intervals, precision outcome and analytic estimates.
 *
 * Determinism: each run's random streams depend only on the seed and its replication index, results are
 * combined in index order, and precision stopping is judged run by run in that order, so the result does
 * not depend on the number of workers. Only a time budget, which depends on the machine, can change it.
 */
import type { PartialResult, RunResult } from '../model/run-result.js';
import type { PrecisionOutcome, UnconvergedMetric, WarmupDetection } from '../results/analysis-results.js';
import type { Scenario } from '../scenario/types.js';
import { aggregateBatches, aggregateReplications } from './aggregate.js';
import { withAnalyticEstimates } from './compare-analytic.js';
import { averageSeries, mser5 } from './mser.js';
import { HEADLINE_METRICS, nextWaveSize, unconvergedMetrics } from './precision.js';
import { runTask, type ReplicationTask, type TaskOutcome } from './replication-task.js';
import { shortRunWarnings } from './short-run.js';
import { evaluateSlos } from './slo.js';
import {
  SLO_BATCHES,
  batchInterval,
  sloTarget,
  wantsSloBatches,
  type BatchInterval,
} from './slo-batch-intervals.js';
import {
  DEFAULT_MAX_DURATION_FACTOR,
  DEFAULT_MAX_REPLICATIONS,
  DEFAULT_PRECISION_REPLICATIONS,
  MAX_PILOT_REPLICATIONS,
  SERIES_POINTS,
  planStudy,
  type StudyPlan,
} from './study-plan.js';

export {
  DEFAULT_MAX_DURATION_FACTOR,
  DEFAULT_MAX_REPLICATIONS,
  DEFAULT_PRECISION_REPLICATIONS,
  MAX_PILOT_REPLICATIONS,
  SERIES_POINTS,
  planStudy,
  type StudyPlan,
};

/** Runs tasks; `concurrency` tasks may run at once. */
export interface TaskRunner {
  readonly concurrency: number;
  run(task: ReplicationTask, onProgress?: (fraction: number) => void): Promise<TaskOutcome>;
}

/** Runs tasks one at a time on this thread: the reference that parallel runs must match byte for byte. */
export function serialRunner(): TaskRunner {
  return {
    concurrency: 1,
    async run(task, onProgress) {
      await new Promise((resolve) => setImmediate(resolve)); // let timers and output through between runs
      return runTask(task, onProgress);
    },
  };
}

/** Where the study is, for a progress bar: `done` counts runs (fractions of runs in flight included). */
export interface StudyProgress {
  phase: 'warm-up detection' | 'replications' | 'batch means' | 'sweep points';
  done: number;
  total: number;
}

export interface StudyOptions {
  runner: TaskRunner;
  onProgress?: (progress: StudyProgress) => void;
  /** Wall clock in milliseconds (for the time budget); Date.now by default. */
  now?: () => number;
}

/** The measured replications as a computation: summed over runs (not part of the deterministic result). */
export interface StudyProfile {
  /** Replications whose engine statistics are summed here (pilot series and batch runs are not). */
  runs: number;
  events: number;
  /** Messages published by producers. */
  messages: number;
  /** Arrivals summed over queues (a message through three queues counts three times). */
  queueArrivals: number;
  /** Simulation-loop seconds, summed over runs (on several threads, more than the wall time). */
  loopSeconds: number;
}

/** Runs the study a scenario describes and returns its one, combined result. */
export async function runStudy(
  scenario: Scenario,
  options: StudyOptions,
): Promise<{ result: RunResult; profile: StudyProfile }> {
  const plan = planStudy(scenario);
  const now = options.now ?? Date.now;
  const deadline = plan.timeBudgetSeconds === null ? null : now() + plan.timeBudgetSeconds * 1000;
  // Runs stop mid-way at this instant, on the real clock (worker threads share it; `now` may be a test's).
  const hardDeadline = plan.timeBudgetSeconds === null ? null : Date.now() + plan.timeBudgetSeconds * 1000;
  const profile: StudyProfile = { runs: 0, events: 0, messages: 0, queueArrivals: 0, loopSeconds: 0 };
  const context: Context = { ...options, now, deadline, hardDeadline, plan, profile };

  let measured = scenario;
  let warmup: DetectedWarmup | null = null;
  if (scenario.warmupAuto) {
    warmup = await detectWarmup(scenario, context);
    measured = { ...scenario, warmupSeconds: warmup.warmupSeconds };
  }
  let sloIntervals: Map<string, BatchInterval> | undefined;
  let result: RunResult;
  if (plan.method === 'batches') result = await batchMeans(measured, context);
  else if (plan.method === 'replications') result = await replications(measured, context);
  else ({ result, sloIntervals } = await single(measured, context));
  if (warmup) {
    const cuts = warmup.cuts;
    result = {
      ...result,
      queues: Object.fromEntries(
        Object.entries(result.queues).map(([name, queue]) => [
          name,
          { ...queue, warmupCutSeconds: cuts[name] },
        ]),
      ),
      warmupDetection: warmup.detection,
    };
  }
  const shortRun = shortRunWarnings(result, result.replications ?? 1);
  if (shortRun.length > 0) result = { ...result, warnings: [...(result.warnings ?? []), ...shortRun] };
  const estimated = withAnalyticEstimates(result, measured);
  const slo = evaluateSlos(estimated, scenario, sloIntervals);
  return { result: slo.length > 0 ? { ...estimated, slo } : estimated, profile };
}

interface Context extends StudyOptions {
  now: () => number;
  deadline: number | null;
  /** Epoch milliseconds at which every run in flight stops where it is: the time budget. */
  hardDeadline: number | null;
  plan: StudyPlan;
  profile: StudyProfile;
}

/** Runs tasks at once and reports their combined progress; outcomes come back in task order. */
async function runAll(
  tasks: ReplicationTask[],
  context: Context,
  phase: StudyProgress['phase'],
  before: number,
  total: number,
): Promise<TaskOutcome[]> {
  const fractions = new Float64Array(tasks.length);
  const report = () => {
    let done = before;
    for (const fraction of fractions) done += Math.min(1, fraction);
    context.onProgress?.({ phase, done, total });
  };
  report();
  return Promise.all(
    tasks.map((task, i) =>
      context.runner
        .run(task, (fraction) => {
          fractions[i] = fraction;
          report();
        })
        .then((outcome) => {
          fractions[i] = 1;
          report();
          return outcome;
        }),
    ),
  );
}

/**
 * One run. With SLOs, the same run (same streams) is also simulated cut into batches, beside it, so that
 * the SLO verdicts get batch-means CIs without changing any of the run's own numbers.
 */
async function single(
  scenario: Scenario,
  context: Context,
): Promise<{ result: RunResult; sloIntervals?: Map<string, BatchInterval> }> {
  const deadline = context.hardDeadline;
  const tasks: ReplicationTask[] = [{ kind: 'replication', scenario, index: 0, deadline }];
  if (wantsSloBatches(scenario)) {
    tasks.push({ kind: 'run-in-batches', scenario, batches: SLO_BATCHES, deadline });
  }
  const [outcome, split] = await runAll(tasks, context, 'replications', 0, tasks.length);
  const result = replicationResult(outcome, context.profile);
  // A run cut short has no batch intervals that match it: its SLOs are judged on its values alone.
  if (split?.kind !== 'run-in-batches' || result.partial) return { result };
  const sloIntervals = new Map(
    (scenario.slo ?? []).map((slo) => [sloTarget(slo), batchInterval(slo, result, split.batches)]),
  );
  return { result, sloIntervals };
}

/** The result of a replication task, its engine statistics added to `profile`. */
function replicationResult(outcome: TaskOutcome, profile: StudyProfile): RunResult {
  if (outcome.kind !== 'replication') throw new Error(`study: expected a replication, got ${outcome.kind}`);
  profile.runs++;
  profile.events += outcome.profile.events;
  profile.messages += outcome.profile.messages;
  profile.queueArrivals += outcome.profile.queueArrivals;
  profile.loopSeconds += outcome.profile.loopSeconds;
  return outcome.result;
}

/** Independent replications: a fixed number, or waves until the precision is met or a cap is reached. */
async function replications(scenario: Scenario, context: Context): Promise<RunResult> {
  const { plan, runner } = context;
  const results: RunResult[] = [];
  /** The longest of the runs the time budget cut short (kept only when no run finished). */
  let longestCut: RunResult | null = null;
  const runWave = async (count: number, total: number) => {
    const tasks: ReplicationTask[] = Array.from({ length: count }, (_, i) => ({
      kind: 'replication',
      scenario,
      index: results.length + i,
      deadline: context.hardDeadline,
    }));
    const outcomes = await runAll(tasks, context, 'replications', results.length, total);
    for (const outcome of outcomes) {
      const result = replicationResult(outcome, context.profile);
      if (!result.partial) results.push(result);
      else if (longestCut === null || result.measuredSeconds > longestCut.measuredSeconds)
        longestCut = result;
    }
  };
  await runWave(plan.replications, plan.replications);
  if (results.length < plan.replications) {
    return cutShort(results, longestCut, scenario, plan.replications, plan.precision);
  }
  if (plan.precision === null) return aggregateReplications(results);

  const target = plan.precision;
  let checked = plan.replications - 1;
  for (;;) {
    // The stopping rule, run by run in index order: the first n that meets the target is the answer.
    let missing: UnconvergedMetric[] = [];
    for (let n = checked + 1; n <= results.length; n++) {
      const combined = aggregateReplications(results.slice(0, n));
      missing = unconvergedMetrics(combined, target);
      if (missing.length === 0) return withPrecision(combined, target, 'precision', []);
    }
    checked = results.length;
    const combined = aggregateReplications(results);
    if (results.length >= plan.maxReplications) {
      return withPrecision(combined, target, 'max-replications', missing);
    }
    const budgetGone =
      longestCut !== null || (context.deadline !== null && context.now() >= context.deadline);
    if (budgetGone) return withPrecision(combined, target, 'time-budget', missing);
    const wave = nextWaveSize(results.length, missing, target, runner.concurrency, plan.maxReplications);
    await runWave(wave, results.length + wave);
  }
}

/**
 * The time budget ended replications before the planned ones finished: the finished ones combined, or,
 * when none finished, the run that got furthest, each marked partial.
 */
function cutShort(
  finished: RunResult[],
  longestCut: RunResult | null,
  scenario: Scenario,
  planned: number,
  precision: number | null,
): RunResult {
  const plannedSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  let result: RunResult;
  let partial: PartialResult;
  if (finished.length > 0) {
    result = aggregateReplications(finished);
    partial = {
      reason: 'time-budget',
      simulatedSeconds: plannedSeconds,
      plannedSeconds,
      completedRuns: finished.length,
      plannedRuns: planned,
    };
  } else {
    result = longestCut as RunResult;
    partial = { ...(result.partial as PartialResult), plannedRuns: planned };
  }
  const marked = { ...result, partial };
  if (precision === null) return marked;
  return withPrecision(marked, precision, 'time-budget', unconvergedMetrics(marked, precision));
}

function withPrecision(
  result: RunResult,
  target: number,
  stoppedBy: PrecisionOutcome['stoppedBy'],
  notConverged: PrecisionOutcome['notConverged'],
): RunResult {
  return {
    ...result,
    precision: {
      target,
      metrics: [...HEADLINE_METRICS],
      converged: notConverged.length === 0,
      stoppedBy,
      notConverged,
    },
  };
}

/** Batch means of one long run, extended batch by batch when precision is set. */
async function batchMeans(scenario: Scenario, context: Context): Promise<RunResult> {
  const { plan } = context;
  const batches = plan.batches as number;
  const batchSeconds = scenario.durationSeconds / batches;
  const maxBatches =
    plan.precision === null
      ? batches
      : Math.max(batches, Math.floor(plan.maxDurationSeconds / batchSeconds + 1e-9));
  const task: ReplicationTask = {
    kind: 'batches',
    scenario,
    batches,
    maxBatches,
    precision: plan.precision,
    deadline: context.deadline,
    hardDeadline: context.hardDeadline,
  };
  const [outcome] = await runAll([task], context, 'batch means', 0, 1);
  if (outcome.kind !== 'batches') throw new Error(`study: expected batches, got ${outcome.kind}`);
  // Cut before two batches finished: the run as far as it got, no batch means.
  if (outcome.batches.length < 2) return outcome.whole;
  const cut = outcome.batches.length < batches;
  const combined = aggregateBatches(outcome.batches, outcome.whole);
  const plannedSeconds = scenario.warmupSeconds + scenario.durationSeconds;
  const result: RunResult = cut
    ? {
        ...combined,
        partial: {
          reason: 'time-budget',
          simulatedSeconds: scenario.warmupSeconds + combined.measuredSeconds,
          plannedSeconds,
          completedRuns: 0,
          plannedRuns: 1,
        },
      }
    : combined;
  if (plan.precision === null) return result;
  const missing = unconvergedMetrics(result, plan.precision);
  return withPrecision(
    result,
    plan.precision,
    missing.length === 0 ? 'precision' : outcome.stoppedBy,
    missing,
  );
}

interface DetectedWarmup {
  /** The warm-up applied to every queue: the longest cut. */
  warmupSeconds: number;
  cuts: Record<string, number>;
  detection: WarmupDetection;
}

/**
 * `warmup: auto`: pilot replications (the first up to five, with the same random streams as the measured
 * ones) record each queue's number in system over `duration`; MSER-5 on their average places each queue's
 * cut. All queues are measured over one window, so the warm-up applied is the longest cut.
 */
async function detectWarmup(scenario: Scenario, context: Context): Promise<DetectedWarmup> {
  const pilots = Math.min(context.plan.replications, MAX_PILOT_REPLICATIONS);
  const tasks: ReplicationTask[] = Array.from({ length: pilots }, (_, index) => ({
    kind: 'series',
    scenario,
    index,
    points: SERIES_POINTS,
  }));
  const outcomes = await runAll(tasks, context, 'warm-up detection', 0, pilots);
  const horizon = scenario.durationSeconds;
  const cuts: Record<string, number> = {};
  const unreliable: string[] = [];
  for (const queue of scenario.queues) {
    const series = outcomes.map((outcome) => {
      if (outcome.kind !== 'series') throw new Error(`study: expected a series, got ${outcome.kind}`);
      return outcome.series[queue.name];
    });
    const cut = mser5(averageSeries(series));
    cuts[queue.name] = (cut.observations * horizon) / SERIES_POINTS;
    if (!cut.reliable) unreliable.push(queue.name);
  }
  return {
    warmupSeconds: Math.max(0, ...Object.values(cuts)),
    cuts,
    detection: { method: 'MSER-5', pilotReplications: pilots, horizonSeconds: horizon, unreliable },
  };
}
