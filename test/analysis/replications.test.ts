/** Studies: replications, precision-driven stopping, batch means and warm-up detection, end to end. */
import { describe, expect, it } from 'vitest';
import { aggregateReplications } from '../../src/analysis/aggregate.js';
import { runTask } from '../../src/analysis/replication-task.js';
import { planStudy, runStudy, serialRunner, type TaskRunner } from '../../src/analysis/replications.js';
import { simulate } from '../../src/model/simulate.js';
import { toJson } from '../../src/report/json.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exponentialService, singleQueueScenario, statistics } from '../helpers/scenarios.js';

const mm1 = singleQueueScenario({
  arrivalRate: 5,
  service: exponentialService(10),
  consumers: 1,
  durationSeconds: 400,
  warmupSeconds: 20,
  seed: 11,
});

const study = async (scenario: Scenario, runner: TaskRunner = serialRunner(), now?: () => number) =>
  (await runStudy(scenario, { runner, now })).result;

/** Runs tasks one by one but claims `concurrency`, so waves are planned as for a pool of that size. */
function claimingRunner(concurrency: number): TaskRunner {
  return { concurrency, run: async (task, onProgress) => runTask(task, onProgress) };
}

describe('planStudy', () => {
  it('decides the defaults', () => {
    expect(planStudy(mm1)).toMatchObject({ method: 'single', replications: 1 });
    const precise = planStudy({ ...mm1, statistics: statistics({ precision: 0.05 }) });
    expect(precise).toMatchObject({ method: 'replications', replications: 5, maxReplications: 100 });
    const batches = planStudy({ ...mm1, statistics: statistics({ batches: 10, precision: 0.05 }) });
    expect(batches).toMatchObject({ method: 'batches', maxDurationSeconds: 4000 });
  });
});

describe('replications', () => {
  it('one replication is the plain run, with the analytic estimate beside it', async () => {
    // The study adds only the analytic estimate and its notes about the run (`warnings`: this short run).
    const { warnings: _notes, ...result } = await study(mm1);
    const { analytic, ...queue } = result.queues.station;
    expect(toJson({ ...result, queues: { station: queue } })).toBe(toJson(simulate(mm1).result));
    expect(analytic).toMatchObject({ model: 'M/M/1', exact: true });
    expect(result.replications).toBeUndefined();
  });

  it('replication i runs on the streams "<seed>/rep<i>", replication 0 on the seed itself', async () => {
    const result = await study({ ...mm1, statistics: statistics({ replications: 3 }) });
    const manual = aggregateReplications(
      [11, '11/rep1', '11/rep2'].map((streamSeed) => simulate(mm1, { streamSeed }).result),
    );
    expect(result.replications).toBe(3);
    expect(toJson(result.queues.station.ci95)).toBe(toJson(manual.queues.station.ci95));
    expect(result.queues.station.wait.p99).toBe(manual.queues.station.wait.p99);
  });
});

describe('precision-driven stopping', () => {
  it('stops once every headline metric is within the target', async () => {
    const result = await study({ ...mm1, statistics: statistics({ precision: 0.05, maxReplications: 200 }) });
    expect(result.precision).toMatchObject({ target: 0.05, converged: true, stoppedBy: 'precision' });
    expect(result.replications).toBeGreaterThan(5);
    expect(result.replications).toBeLessThan(200);
    const q = result.queues.station;
    for (const metric of result.precision!.metrics) {
      const [low, high] = q.ci95![metric];
      const value =
        metric === 'sojourn.mean'
          ? q.sojourn.mean!
          : metric === 'sojourn.p99'
            ? q.sojourn.p99!
            : (q as unknown as Record<string, number>)[metric];
      expect((high - low) / 2, metric).toBeLessThanOrEqual(0.05 * Math.abs(value) + 1e-15);
    }
    // It stopped at the first n that met the target: one run fewer does not.
    const oneFewer = await study({
      ...mm1,
      statistics: statistics({ replications: result.replications! - 1 }),
    });
    const { unconvergedMetrics } = await import('../../src/analysis/precision.js');
    expect(unconvergedMetrics(oneFewer, 0.05).length).toBeGreaterThan(0);
  });

  it('stops at max-replications and says which metrics did not converge', async () => {
    const result = await study({ ...mm1, statistics: statistics({ precision: 0.001, maxReplications: 6 }) });
    expect(result.replications).toBe(6);
    expect(result.precision).toMatchObject({ converged: false, stoppedBy: 'max-replications' });
    const names = result.precision!.notConverged.map((miss) => miss.metric);
    expect(names).toContain('sojourn.p99');
    expect(result.precision!.notConverged.every((miss) => (miss.relativeHalfWidth ?? 1) > 0.001)).toBe(true);
  });

  it('stops when the time budget is spent (on an injected clock)', async () => {
    let clock = 0;
    const result = await study(
      { ...mm1, statistics: statistics({ precision: 0.001, timeBudgetSeconds: 60 }) },
      serialRunner(),
      () => (clock += 70_000), // 70 s pass between looks at the clock: the 60 s budget is gone after one
    );
    expect(result.precision).toMatchObject({ converged: false, stoppedBy: 'time-budget' });
    expect(result.replications).toBe(5); // the first wave; then the budget was gone
  });

  it('gives the same result whatever the number of workers the waves are planned for', async () => {
    const scenario = { ...mm1, statistics: statistics({ precision: 0.05, maxReplications: 200 }) };
    const one = toJson(await study(scenario, claimingRunner(1)));
    expect(toJson(await study(scenario, claimingRunner(3)))).toBe(one);
    expect(toJson(await study(scenario, claimingRunner(8)))).toBe(one);
  });
});

describe('batch means', () => {
  const long = { ...mm1, durationSeconds: 2000 };

  it('reports the whole run with batch-means intervals', async () => {
    const result = await study({ ...long, statistics: statistics({ batches: 20 }) });
    expect(result.batchMeans).toMatchObject({ batches: 20, batchSeconds: 100 });
    const whole = simulate(long).result.queues.station;
    const q = result.queues.station;
    expect(q.arrivals).toBe(whole.arrivals);
    expect(q.sojourn.p99).toBe(whole.sojourn.p99);
    const [low, high] = q.ci95!.meanInSystem;
    expect(low).toBeLessThan(q.meanInSystem);
    expect(high).toBeGreaterThan(q.meanInSystem);
    expect(result.queues.station.analytic).toMatchObject({ model: 'M/M/1', outside: [] });
  });

  it('extends the run until the precision is met, or stops at max-duration', async () => {
    const met = await study({ ...long, statistics: statistics({ batches: 10, precision: 0.05 }) });
    expect(met.precision).toMatchObject({ converged: true, stoppedBy: 'precision' });
    expect(met.batchMeans!.batches).toBeGreaterThan(10);
    expect(met.measuredSeconds).toBe(met.batchMeans!.batches * 200);
    const capped = await study({
      ...long,
      statistics: statistics({ batches: 10, precision: 0.001, maxDurationSeconds: 3000 }),
    });
    expect(capped.precision).toMatchObject({ converged: false, stoppedBy: 'max-duration' });
    expect(capped.batchMeans!.batches).toBe(15);
  });
});

describe('warm-up detection (MSER-5)', () => {
  // One consumer at ρ = 0.5 with 400 messages waiting at the start: the backlog drains at μ − λ = 5/s,
  // so the transient lasts about 80 s. A second queue starts empty and has (almost) no transient.
  const startsFull: Scenario = {
    ...singleQueueScenario({
      arrivalRate: 5,
      service: exponentialService(10),
      consumers: 1,
      durationSeconds: 1000,
      seed: 3,
    }),
    warmupAuto: true,
    statistics: statistics({ replications: 4 }),
  };
  startsFull.queues = [
    { ...startsFull.queues[0], backlog: 400 },
    { ...startsFull.queues[0], name: 'empty' },
  ];
  startsFull.producers = [
    ...startsFull.producers,
    { ...startsFull.producers[0], name: 'other', to: 'empty' },
  ];

  it('finds the transient of a queue that starts full, and little in one that starts empty', async () => {
    const result = await study(startsFull);
    const full = result.queues.station.warmupCutSeconds!;
    expect(full).toBeGreaterThanOrEqual(60);
    expect(full).toBeLessThanOrEqual(160);
    expect(result.queues.empty.warmupCutSeconds!).toBeLessThan(full);
    expect(result.warmupSeconds).toBe(full);
    expect(result.warmupDetection).toMatchObject({ method: 'MSER-5', pilotReplications: 4, unreliable: [] });
    // Measured after the cut, the full queue agrees with M/M/1 theory (L = 1).
    expect(result.queues.station.analytic).toMatchObject({ model: 'M/M/1', outside: [] });
  });

  it('without detection, the same queue is far off its steady state', async () => {
    const result = await study({ ...startsFull, warmupAuto: undefined });
    expect(result.queues.station.meanInSystem).toBeGreaterThan(10);
    expect((result.queues.station.analytic as { outside: string[] }).outside).toContain('meanInSystem');
  });
});
