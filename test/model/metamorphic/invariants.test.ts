/**
 * Relations every run must satisfy, on random valid scenarios (test/helpers/scenario-arbitrary.ts):
 * conservation of every message on every queue and flow (the loss account), percentiles in order
 * (p50 ≤ p95 ≤ p99 ≤ max), wait ≤ sojourn, and utilisation ≤ 1 for every consumer.
 * METAMORPHIC_RUNS=n runs more scenarios; METAMORPHIC_SEED=s another fixed sample.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LatencySummary } from '../../../src/metrics/log-histogram.js';
import { simulate } from '../../../src/model/simulate.js';
import type { QueueResult } from '../../../src/model/run-result.js';
import { expectConserved, presentAtEnd, presentAtStart } from '../../helpers/conservation.js';
import {
  metamorphicParameters,
  parseGenerated,
  scenarioArbitrary,
} from '../../helpers/scenario-arbitrary.js';

/** Floating-point slack of a time-weighted average that should be ≤ 1. */
const SLACK = 1e-9;

function expectOrdered(what: string, summary: LatencySummary): void {
  const { p50, p95, p99, max } = summary;
  if (max === null) return;
  expect(p50, `${what}.p50 ≤ p95`).toBeLessThanOrEqual(p95!);
  expect(p95, `${what}.p95 ≤ p99`).toBeLessThanOrEqual(p99!);
  expect(p99, `${what}.p99 ≤ max`).toBeLessThanOrEqual(max);
  expect(summary.mean, `${what}.mean ≤ max`).toBeLessThanOrEqual(max * (1 + SLACK));
}

/** Every message that started service here completed here, once: waits and sojourns describe one set. */
function everyWaitCompleted(queue: QueueResult): boolean {
  return (
    queue.completed === queue.accepted &&
    queue.lost === 0 &&
    queue.redelivered === 0 &&
    queue.duplicates === 0 &&
    presentAtStart(queue) === 0 &&
    presentAtEnd(queue) === 0
  );
}

describe('metamorphic invariants on random scenarios', () => {
  let compared = 0;
  it('conserve every message on every queue and flow, order percentiles, keep wait ≤ sojourn and utilisation ≤ 1', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (generated) => {
        const { result } = simulate(parseGenerated(generated));
        for (const [name, queue] of Object.entries(result.queues)) {
          expectConserved(name, queue);
          expectOrdered(`${name}.wait`, queue.wait);
          expectOrdered(`${name}.sojourn`, queue.sojourn);
          if (queue.utilization !== null) {
            expect(queue.utilization, `${name}.utilization`).toBeGreaterThanOrEqual(0);
            expect(queue.utilization, `${name}.utilization`).toBeLessThanOrEqual(1 + SLACK);
          }
          if (queue.busiestConsumerUtilization != null) {
            expect(
              queue.busiestConsumerUtilization,
              `${name}.busiestConsumerUtilization`,
            ).toBeLessThanOrEqual(1 + SLACK);
            expect(queue.busiestConsumerUtilization).toBeGreaterThanOrEqual((queue.utilization ?? 0) - SLACK);
          }
          for (const consumer of queue.partitions?.perConsumer ?? []) {
            expect(consumer.utilization, `${name} consumer ${consumer.consumer}`).toBeLessThanOrEqual(
              1 + SLACK,
            );
          }
          // A message's sojourn includes its wait. When every message that waited here also completed here
          // (none lost, redelivered or left over), each wait quantile is at most the same sojourn quantile.
          if (queue.sojourn.max !== null && queue.wait.max !== null && everyWaitCompleted(queue)) {
            compared++;
            for (const key of ['p50', 'p95', 'p99', 'max', 'mean'] as const) {
              expect(queue.wait[key]!, `${name}.wait.${key} ≤ sojourn.${key}`).toBeLessThanOrEqual(
                queue.sojourn[key]! * (1 + SLACK),
              );
            }
          }
        }
        for (const [name, flow] of Object.entries(result.flows)) {
          const by = flow.lostBy;
          const lost =
            by.rejected + by.droppedHead + by.expired + by.exhausted + by.deadLettered + by.unroutable;
          expect(flow.lost, `flow ${name}: lost = Σ lostBy`).toBe(lost);
          expect(flow.fates.completed, `flow ${name}: fates.completed`).toBe(flow.completed);
          const ended = flow.lost + flow.completed;
          expect(flow.lossRate, `flow ${name}: lossRate`).toBe(ended > 0 ? flow.lost / ended : 0);
          expectOrdered(`flow ${name}.endToEnd`, flow.endToEnd);
        }
      }),
      metamorphicParameters(200),
    );
    // The wait ≤ sojourn relation was exercised, not vacuously true.
    expect(compared).toBeGreaterThan(20);
  });
});
