/**
 * `plan` judges no setting whose queue is still filling when the run ends (issue 12): an overloaded queue
 * with a large buffer drops nothing in a run too short to fill it, so its drop-rate target looked met.
 */
import { describe, expect, it } from 'vitest';
import { fillingQueues, meetsSlos } from '../../src/analysis/plan-diagnosis.js';
import { planCapacity } from '../../src/analysis/plan.js';
import { runStudy, serialRunner } from '../../src/analysis/replications.js';
import { replicatedForSlos } from '../../src/analysis/slo.js';
import { parseScenario } from '../../src/scenario/index.js';

// 50 messages/s offered to one 1-second consumer (50× what it can do), 10,000 places of buffer, and a
// 1-minute run: about 49 × 60 ≈ 2,900 messages wait at the end, none is dropped.
const overloaded = (capacity: number) =>
  parseScenario(
    `name: buffered
seed: 3
duration: 1min
warmup: 0
producers: [{ name: p, to: q, rate: 50/s }]
queues:
  - { name: q, consumers: 1, capacity: ${capacity}, service: { distribution: exponential, mean: 1s } }
slo:
  - { queue: q, metric: dropRate, max: 1% }
`,
    'buffered.yaml',
  ).scenario;

describe('plan while a queue is still filling', () => {
  it('the run itself passes its drop-rate SLO (the defect), but is not judged as meeting it', async () => {
    // As plan runs it: with the replications its SLO verdicts need.
    const scenario = replicatedForSlos(overloaded(10000));
    const { result } = await runStudy(scenario, { runner: serialRunner() });
    expect(result.slo?.[0].verdict).toBe('pass');
    expect(result.queues.q.dropped).toBe(0);
    const [filling] = fillingQueues(scenario, result);
    expect(filling.queue).toBe('q');
    // Net inflow ≈ 49/s: 10,000 places fill after ≈ 204 s of measured time.
    expect(filling.perSecond).toBeGreaterThan(45);
    expect(filling.perSecond).toBeLessThan(52);
    expect(filling.fullAfterSeconds).toBeGreaterThan(190);
    expect(filling.fullAfterSeconds).toBeLessThan(225);
    expect(meetsSlos(result, scenario)).toBe(false);
  });

  it('sizing consumers: one consumer no longer passes; the plan needs enough to keep up', async () => {
    const found = await planCapacity(
      overloaded(10000),
      { path: 'queues.q.consumers' },
      { runner: serialRunner() },
    );
    const consumers = found.recommended?.['queues.q.consumers'] ?? 0;
    // 50 consumers are needed just to match 50/s of 1-second work.
    expect(consumers).toBeGreaterThanOrEqual(50);
    expect(found.warnings).toEqual([]);
    // A runner-up that passes its verdicts says why it still does not count.
    if (found.runnerUpResult?.slo?.every((verdict) => verdict.verdict === 'pass')) {
      expect(found.runnerUpFilling.join(' ')).toMatch(/queue q was still filling/);
    }
  });

  it('sizing the buffer: no capacity is judged to pass, and why says the run is too short', async () => {
    const found = await planCapacity(
      overloaded(10000),
      { path: 'queues.q.capacity' },
      { runner: serialRunner(), guess: 10000, max: 40000 },
    );
    expect(found.recommended).toBeNull();
    expect(found.why).toMatch(
      /queue q was still filling when the run ended \(\+\d+ messages, \d+(\.\d+)?\/s net\)/,
    );
    expect(found.why).toMatch(/fills after about \d+(\.\d+)? (s|min) of measured time .* too short to judge/);
  });

  it('a stable queue plans as before: a bounded queue full at steady state is no filling queue', async () => {
    // Full within a second of the start: from then on it drops, and waits at its capacity at both edges.
    const scenario = replicatedForSlos(overloaded(20));
    const { result } = await runStudy({ ...scenario, warmupSeconds: 10 }, { runner: serialRunner() });
    expect(result.queues.q.dropRate).toBeGreaterThan(0.9);
    expect(fillingQueues(scenario, result)).toEqual([]);
  });
});
