/** Sweeps: the grid in order, each point's settings applied, the same result whatever the concurrency. */
import { describe, expect, it } from 'vitest';
import { serialRunner, type TaskRunner } from '../../src/analysis/replications.js';
import { planSweep, runSweep } from '../../src/analysis/sweep.js';
import { toJson } from '../../src/report/json.js';
import { parseScenario } from '../../src/scenario/index.js';
import { parseParameters } from '../../src/scenario/parameters.js';

const { scenario } = parseScenario(
  `name: t
seed: 5
duration: 30s
replications: 4
producers:
  - { name: orders, to: billing, rate: 20/s }
queues:
  - { name: billing, capacity: 20, consumers: 1, service: { distribution: exponential, mean: 40ms } }
slo:
  - { queue: billing, metric: utilization, max: 50% }
`,
  'test.yaml',
);

/** Runs tasks concurrently and finishes them in reverse order of submission, as a busy pool might. */
function shuffledRunner(): TaskRunner {
  const inner = serialRunner();
  let delay = 40;
  return {
    concurrency: 4,
    async run(task, onProgress) {
      delay = Math.max(0, delay - 5);
      await new Promise((resolve) => setTimeout(resolve, delay));
      return inner.run(task, onProgress);
    },
  };
}

describe('sweeps', () => {
  const parameters = parseParameters(scenario, [
    'queues.billing.consumers=1..3',
    'producers.orders.rate=x1,x2',
  ]);

  it('plans the grid with the first parameter varying slowest', () => {
    const plan = planSweep(scenario, parameters);
    expect(plan.map((point) => point.settings)).toEqual([
      { 'queues.billing.consumers': 1, 'producers.orders.rate': 1 },
      { 'queues.billing.consumers': 1, 'producers.orders.rate': 2 },
      { 'queues.billing.consumers': 2, 'producers.orders.rate': 1 },
      { 'queues.billing.consumers': 2, 'producers.orders.rate': 2 },
      { 'queues.billing.consumers': 3, 'producers.orders.rate': 1 },
      { 'queues.billing.consumers': 3, 'producers.orders.rate': 2 },
    ]);
    expect(plan[3].scenario.queues[0].consumers).toBe(2);
    expect(plan[3].scenario.producers[0].interarrival).toEqual({ kind: 'exponential', mean: 1 / 40 });
  });

  it('gives the same JSON serially and concurrently, with CIs and SLO verdicts at every point', async () => {
    const serial = await runSweep(scenario, parameters, { runner: serialRunner() });
    const parallel = await runSweep(scenario, parameters, { runner: shuffledRunner() });
    expect(toJson(parallel.result)).toBe(toJson(serial.result));
    const points = serial.result.points;
    expect(points).toHaveLength(6);
    for (const point of points) {
      // (sojourn.mean: 4 × 30 s hold too few messages beyond a p99 for 2 sections, so it has no interval)
      expect(point.result.queues.billing.ci95?.['sojourn.mean']).toHaveLength(2);
      expect(point.result.slo).toHaveLength(1);
      expect(point.result.timeseries).toBeUndefined();
    }
    // More consumers, less busy each; twice the load, busier.
    const utilization = points.map((point) => point.result.queues.billing.utilization ?? NaN);
    expect(utilization[0]).toBeGreaterThan(utilization[2]);
    expect(utilization[3]).toBeGreaterThan(utilization[2]);
    expect(points[0].result.slo?.[0].verdict).toBe('fail'); // one consumer at 80 % busy
    expect(points[4].result.slo?.[0].verdict).toBe('pass'); // three at 27 %
  });
});
