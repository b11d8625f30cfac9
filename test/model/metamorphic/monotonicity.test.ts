/**
 * Monotonicity, within paired confidence intervals over common random numbers: one more consumer on a
 * queue does not raise its mean wait, and more capacity does not raise its drops (refused or dropped from
 * the head, whether lost or dead-lettered).
 *
 * Settings under which the relation does not hold by design are left out: with a TTL, more consumers
 * start messages that would have expired (their long waits then count), and a timeout or a failure makes a
 * wait per attempt, not per message.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueueResult } from '../../../src/model/run-result.js';
import { STANDARD_ERRORS, pairedDifference, replicateRuns } from '../../helpers/metamorphic-statistics.js';
import {
  metamorphicParameters,
  parseGenerated,
  scenarioArbitrary,
  toGenerated,
  type GeneratedScenario,
} from '../../helpers/scenario-arbitrary.js';

type RawQueue = Record<string, unknown>;

/**
 * The scenario with `change` applied to queue `index` (modulo the count) of those `eligible` picks (by
 * default the plain queues); undefined when there is none.
 */
function withQueueChanged(
  generated: GeneratedScenario,
  index: number,
  change: (queue: RawQueue) => void,
  eligible: (queue: RawQueue) => boolean = (queue) => queue.partitions === undefined,
) {
  const raw = structuredClone(generated.raw);
  const plain = (raw.queues as RawQueue[]).filter(eligible);
  if (plain.length === 0) return undefined;
  const queue = plain[index % plain.length];
  change(queue);
  return { name: queue.name as string, scenario: parseGenerated(toGenerated(raw)) };
}

/** Refused or dropped from the head, lost or dead-lettered. */
const drops = (queue: QueueResult) =>
  queue.fates.rejected +
  queue.fates.droppedHead +
  queue.deadLetteredBy.rejected +
  queue.deadLetteredBy.droppedHead;

describe('monotonicity', () => {
  it('one more consumer does not raise the mean wait', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ expiry: false, failures: false }), fc.nat(), (generated, index) => {
        const { name, scenario: more } = withQueueChanged(generated, index, (queue) => {
          queue.consumers = (queue.consumers as number) + 1;
        })!;
        const base = replicateRuns(parseGenerated(generated));
        const plus = replicateRuns(more);
        const pairs = base
          .map((run, r) => [run.queues[name].wait.mean, plus[r].queues[name].wait.mean] as const)
          .filter((pair): pair is readonly [number, number] => pair[0] !== null && pair[1] !== null);
        if (pairs.length < 3) return;
        const { mean, standardError } = pairedDifference(
          pairs.map((pair) => pair[0]),
          pairs.map((pair) => pair[1]),
        );
        expect(mean, `${name}: mean wait with one more consumer`).toBeLessThanOrEqual(
          STANDARD_ERRORS * standardError + 1e-12,
        );
      }),
      metamorphicParameters(25),
    );
  });

  it('more capacity does not raise the drops', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary(),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (generated, index, extra) => {
          // Only bounded queues: an unbounded one has no capacity to add.
          const changed = withQueueChanged(
            generated,
            index,
            (queue) => {
              queue.capacity = (queue.capacity as number) + extra;
            },
            (queue) => queue.capacity !== undefined,
          );
          if (changed === undefined) return;
          const { name, scenario: bigger } = changed;
          const base = replicateRuns(parseGenerated(generated));
          const more = replicateRuns(bigger);
          const { mean, standardError } = pairedDifference(
            base.map((run) => drops(run.queues[name])),
            more.map((run) => drops(run.queues[name])),
          );
          expect(mean, `${name}: drops with ${extra} more places`).toBeLessThanOrEqual(
            STANDARD_ERRORS * standardError,
          );
        },
      ),
      metamorphicParameters(25),
    );
  });
});
